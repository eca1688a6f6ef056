"""Event status from the grammar of the clause: happened, planned, negated or hypothetical."""
import pytest

from svodka.events.status import event_status
from svodka.sentences import tokens


@pytest.mark.parametrize("sentence, trigger, status", [
    ("Тиллерсон не счёл нужным встречаться с Лавровым в Женеве.", "встречаться", "negated"),
    ("Так до сих пор и не поздравили Путина.", "поздравили", "negated"),
    ("Встреча министров двух стран так и не состоится.", "Встреча", "negated"),
    ("Кремль опроверг, что Путин звонил Трампу.", "звонил", "negated"),
    ("Премьер отказался от встречи с забастовщиками.", "встречи", "negated"),
    ("Визит делегации в Ригу отменён из-за погоды.", "Визит", "negated"),
    ("Если Трамп подпишет соглашение, санкции снимут.", "подпишет", "hypothetical"),
    ("Песков не исключил встречи Путина и Трампа.", "встречи", "hypothetical"),
    ("Лавров предложил провести переговоры в Женеве.", "переговоры", "hypothetical"),
    ("США могут ввести новые санкции против России.", "санкции", "hypothetical"),
    ("Депутаты призвали ввести санкции против чиновников.", "санкции", "hypothetical"),
    ("Состоится ли встреча лидеров в этом году?", "встреча", "hypothetical"),
    ("Путин встретится с Лукашенко в пятницу.", "встретится", "planned"),
    ("Лидеры планируют встретиться в Хельсинки.", "встретиться", "planned"),
    ("Переговоры пройдут в Женеве на следующей неделе.", "Переговоры", "planned"),
    ("Глава МИД будет обсуждать с коллегой ситуацию в Сирии.", "обсуждать", "planned"),
    ("В Минске прошла встреча Путина и Лукашенко.", "встреча", "happened"),
    ("Путин не раз встречался с Меркель.", "встречался", "happened"),
    ("Министр посетил Пекин и провёл переговоры.", "посетил", "happened"),
    ("Лавров, который не был в Вашингтоне три года, встретился с Помпео.", "встретился", "happened"),
    ("Никаких обвинений ему тогда так и не предъявили.", "обвинений", "negated"),
    ("Санкций против банка в тот раз не ввели.", "Санкций", "negated"),
    ("Встреча, которую не ждали, прошла в Минске.", "Встреча", "happened"),
    ("Программист ожидает предъявления официальных обвинений.", "обвинений", "planned"),
])
def test_status_from_the_clause(sentence, trigger, status):
    words = tokens(sentence, 0, len(sentence))
    index = next(i for i, token in enumerate(words) if token.text == trigger)
    assert event_status(words, index) == status


def test_an_accusation_rejected_was_still_made():
    sentence = "Посол опроверг обвинения Вашингтона."
    words = tokens(sentence, 0, len(sentence))
    index = next(i for i, token in enumerate(words) if token.text == "обвинения")
    assert event_status(words, index) == "negated"
    assert event_status(words, index, speech_act=True) == "happened"

"""Table-driven rules of the events stage: who took part, on sentences written for these tests."""
from __future__ import annotations

import pytest

import svodka


def events(text: str, kind: str) -> list[set[str]]:
    article = svodka.process(text, published="2024-06-01")
    names = {entity.id: entity.name for entity in article.entities}
    return [{names.get(p.entity, p.entity) for p in event.participants}
            for event in article.events if event.type == kind]


def participants(text: str, kind: str) -> set[str]:
    (people,) = events(text, kind)
    return people


@pytest.mark.parametrize("text, kind, people", [
    (("В субботу в Мюнхене прошли переговоры госсекретаря США Джона Керри с министром иностранных дел "
     "России Сергеем Лавровым."), "negotiations", {"Джон Керри", "Сергей Лавров"}),
    ("Глава «Роснефти» Игорь Сечин вместе с Робертом Дадли встречался с Владимиром Путиным в Кремле.",
     "meeting", {"Игорь Сечин", "Роберт Дадли", "Владимир Путин"}),
    ("«Встреча Петра Порошенко с Бараком Обамой может пройти в Варшаве», — отмечает РБК.",
     "meeting", {"Пётр Порошенко", "Барак Обама"}),
    (("В пятницу в Минске пройдёт заседание контактной группы. В нём примут участие экс-президент Украины "
     "Леонид Кучма, посол России Михаил Зурабов и представитель ОБСЕ Хайди Тальявини."), "meeting",
     {"Леонид Кучма", "Михаил Зурабов", "Хайди Тальявини"}),
    ("Представитель правительства ФРГ Штеффен Зайберт заявил, что Барак Обама проведет встречу с Ангелой Меркель.",
     "meeting", {"Барак Обама", "Ангела Меркель"}),
    ("Министр иностранных дел Германии Франк-Вальтер Штайнмайер завтра будет беседовать с Сергеем Лавровым.",
     "meeting", {"Франк-Вальтер Штайнмайер", "Сергей Лавров"}),
    (("В среду в Берлине пройдёт встреча Франка-Вальтера Штайнмайера и Павла Климкина. С российской "
      "стороны участие во встрече, вероятно, примет министр иностранных дел Сергей Лавров."), "meeting",
     {"Франк-Вальтер Штайнмайер", "Павел Климкин", "Сергей Лавров"}),
])
def test_meeting_participants(text, kind, people):
    assert participants(text, kind) == people


def test_a_second_meeting_in_the_sentence_keeps_the_first_ones_host():
    text = ("В Сочи прошли переговоры госсекретаря США Джона Керри с Сергеем Лавровым, а потом "
            "четырехчасовая беседа с президентом Владимиром Путиным.")
    assert events(text, "negotiations") == [{"Джон Керри", "Сергей Лавров"}]
    assert events(text, "meeting") == [{"Джон Керри", "Владимир Путин"}]

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
    (("Президент Черногории Филип Вуянович ответил на вопросы журналистов. В среду он принял в Цетинье "
      "президента Сербии Александра Вучича."), "host", {"Филип Вуянович", "Александр Вучич"}),
    ("Министр иностранных дел Германии Франк-Вальтер Штайнмайер завтра будет беседовать с Сергеем Лавровым.",
     "meeting", {"Франк-Вальтер Штайнмайер", "Сергей Лавров"}),
    (("В среду в Берлине пройдёт встреча Франка-Вальтера Штайнмайера и Павла Климкина. С российской "
      "стороны участие во встрече, вероятно, примет министр иностранных дел Сергей Лавров."), "meeting",
     {"Франк-Вальтер Штайнмайер", "Павел Климкин", "Сергей Лавров"}),
    ("Вчера Сергей Шойгу встретился c премьер-министром Индии Нарендрой Моди в Москве.",  # Latin "c"
     "meeting", {"Сергей Шойгу", "Нарендра Моди"}),
    (("Министр иностранных дел России вылетел в Минск, чтобы провести встречу с Александром Лукашенко, "
      "написал в Telegram премьер Михаил Мишустин."), "meeting", {"Сергей Лавров", "Александр Лукашенко"}),
    ("Вчера в Анкаре прошла встреча между премьер-министром Турции Реджепом Эрдоганом и президентом Украины "
     "Виктором Януковичем.", "meeting", {"Реджеп Тайип Эрдоган", "Виктор Янукович"}),
    (("Об этом сообщил представитель «Газпрома» Сергей Куприянов. Он подчеркнул, что на переговорах с "
      "участием Виктора Януковича и Владимира Путина позиции удалось сблизить."), "negotiations",
     {"Виктор Янукович", "Владимир Путин"}),
    (("Главный вопрос конференции обсуждается генсеком ООН Паном Ги Муном, главой Афганистана Хамидом "
      "Карзаем, руководителем Госдепартамента США Хилари Клинтон."), "meeting",
     {"Пан Ги Мун", "Хамид Карзай", "Хилари Клинтон"}),
])
def test_meeting_participants(text, kind, people):
    assert participants(text, kind) == people


def test_a_second_meeting_in_the_sentence_keeps_the_first_ones_host():
    text = ("В Сочи прошли переговоры госсекретаря США Джона Керри с Сергеем Лавровым, а потом "
            "четырехчасовая беседа с президентом Владимиром Путиным.")
    assert events(text, "negotiations") == [{"Джон Керри", "Сергей Лавров"}]
    assert events(text, "meeting") == [{"Джон Керри", "Владимир Путин"}]


def test_a_with_after_a_second_meeting_noun_is_that_meetings():
    text = ("Ожидаются переговоры главы МИД России Сергея Лаврова и вице-президента США Джо Байдена, которые "
            "состоятся в субботу в Мюнхене, и московская встреча советника Байдена Джейка Салливана с Владимиром Путиным.")
    assert events(text, "negotiations") == [{"Сергей Лавров", "Джо Байден"}]
    assert events(text, "meeting") == [{"Джейк Салливан", "Владимир Путин"}]


@pytest.mark.parametrize("text", [
    "Обсуждение детектива Татьяны Устиновой, заказанного Сергеем Нарышкиным, открыло клуб журналистов.",
    "Канцелярия сообщает о том, что вместо Нетаньяху Израиль будет представлять на саммите министр Дан Меридор.",
])
def test_no_meeting_of_people_only_named_near_one(text):
    assert events(text, "meeting") == []


def test_meetings_each_with_someone_the_other_lacks_stay_apart():
    text = ("Ангела Меркель и Пётр Порошенко договорились с Владимиром Путиным о допуске наблюдателей ОБСЕ. "
            "Ранее Меркель, Порошенко и Франсуа Олланд выступили с совместным заявлением.")
    assert sorted(map(sorted, events(text, "meeting"))) == [
        ["Ангела Меркель", "Владимир Путин", "Пётр Порошенко"],
        ["Ангела Меркель", "Пётр Порошенко", "Франсуа Олланд"],
    ]


def test_a_genitive_before_the_verb_is_no_subject_of_it():
    text = "Встреча президентов России, Украины, Франции и канцлера Германии продолжалась почти 14 часов."
    article = svodka.process(text, published="2015-02-12")
    names = {entity.id: entity.name for entity in article.entities}
    (meeting,) = [event for event in article.events if event.type == "meeting"]
    assert {names[p.entity] for p in meeting.participants} == {
        "Владимир Путин", "Пётр Порошенко", "Франсуа Олланд", "Ангела Меркель"}


def test_accepting_a_thing_is_no_hosting_even_with_words_between():
    text = "Премьер Иржи Руснок пообещал, что его правительство не будет принимать никаких стратегических решений."
    assert events(text, "host") == []


@pytest.mark.parametrize("text, kind, people", [
    ("Вчера в Сочи встретились Владимир Путин и Александр Лукашенко.", "meeting",
     {"Владимир Путин", "Александр Лукашенко"}),
    ("С юбилеем ветерана поздравили королева Елизавета II и премьер-министр Борис Джонсон.", "congratulation",
     {"Елизавета II", "Борис Джонсон"}),
])
def test_subjects_after_the_verb(text, kind, people):
    assert participants(text, kind) == people


def test_a_name_after_a_transitive_verb_that_may_be_its_object_is_no_subject():
    article = svodka.process("Вчера коллеги поздравили Шойгу с днём рождения.", published="2024-06-01")
    (congratulation,) = [event for event in article.events if event.type == "congratulation"]
    assert [p.role for p in congratulation.participants] == ["counterpart"]


def test_the_appointee_is_a_person_not_the_body_named_first():
    text = ("Премьер-министр Дмитрий Медведев назначил руководителем Федеральной службы по надзору в сфере "
            "образования Ивана Муравьева.")
    assert participants(text, "appointment") == {"Дмитрий Медведев", "Иван Муравьев"}


def test_a_title_standing_for_a_person_named_before_is_that_person():
    text = ("Хиллари Клинтон интересовалась судьбой феминисток. Тогда экс-госсекретарь обсуждала "
            "их дело с главой российского МИДа Сергеем Лавровым.")
    assert participants(text, "meeting") == {"Хиллари Клинтон", "Сергей Лавров"}


@pytest.mark.parametrize("text, kind", [
    ("Операторами фильма выступили Михаил Агранович и Михаил Хасая.", "meeting"),
    ("Сегодня премьер-министр Тереза Мэй приняла отставку Бориса Джонсона.", "host"),
])
def test_no_event(text, kind):
    assert events(text, kind) == []


def test_a_name_after_with_that_is_the_next_verbs_subject_is_no_partner():
    text = ("Премьер-министр Тереза Мэй провела встречу в пятницу, но после консультаций с друзьями и "
            "союзниками Борис Джонсон решил уйти.")
    assert "Борис Джонсон" not in set().union(*events(text, "meeting"))


def test_who_reports_in_a_clause_before_the_meeting_takes_no_part_in_it():
    text = ("Виктория Нуланд отправилась в Киев, напомнил представитель госдепа Джефф Раттке, затем "
            "последовала её встреча с Сергеем Рябковым в Москве.")
    assert "Джефф Раттке" not in set().union(*events(text, "meeting"))


def test_the_post_of_whom_the_partners_are_deputies_is_no_partner():
    text = ("Виктория Нуланд встретилась с заместителями министра иностранных дел России Сергеем Рябковым "
            "и Григорием Карасиным.")
    assert participants(text, "meeting") == {"Виктория Нуланд", "Сергей Рябков", "Григорий Карасин"}


def test_a_plural_title_stands_for_the_people_named_together_last():
    text = ("Надежда Толоконникова и Мария Алехина приехали в США. В Нью-Йорке девушки встретились с "
            "главой Hermitage Capital Уильямом Браудером.")
    assert participants(text, "meeting") == {"Надежда Толоконникова", "Мария Алехина", "Уильям Браудер"}


def test_taking_a_shower_is_no_hosting():
    assert events("Гонщики Дэвид Култхард и Фернандо Алонсо не стали принимать традиционный «душ» из шампанского.",
                  "host") == []


@pytest.mark.parametrize("text, meets", [
    ("Ангела Меркель заявила об этом. Она поддерживает регулярный контакт с президентом России Владимиром Путиным.",
     True),
    ("Суд признал Сильвио Берлускони виновным в сексуальных контактах с Каримой эль-Маруг.", False),
    ("Анна Попова была в тесном контакте с Иваном Петровым, заболевшим гриппом.", False),
    ("Вирусолог Томас Мертенс и министр Йенс Шпан призвали ограничивать контакты.", False),
])
def test_a_contact_is_a_meeting_only_with_someone(text, meets):
    assert bool(events(text, "meeting")) == meets


def test_who_says_they_want_to_discuss_with_someone_is_the_infinitives_subject():
    text = ("Алексей Навальный подчеркнул, что примет участие в теледебатах, но отказался уточнить, какие "
            "вопросы хочет обсудить с Сергеем Собяниным.")
    assert participants(text, "meeting") == {"Алексей Навальный", "Сергей Собянин"}


def test_a_partner_whose_name_does_not_decline_stays_before_the_verb():
    text = "Беседа Дональда Трампа и его дочери Иванки с астронавтом Пегги Уитсон проходит по видеосвязи."
    assert "Пегги Уитсон" in set().union(*events(text, "call"), *events(text, "meeting"))


def roles(text: str, kind: str) -> set[tuple[str, str]]:
    article = svodka.process(text, published="2024-06-01")
    names = {entity.id: entity.name for entity in article.entities}
    (event,) = [e for e in article.events if e.type == kind]
    return {(names.get(p.entity, p.entity), p.role) for p in event.participants}


@pytest.mark.parametrize("text, found", [
    ("КНДР обвинила США в попытке сорвать переговоры.", {("КНДР", "initiator"), ("США", "target")}),
    ("Грузия и Россия снова спорят. Тбилиси обвиняет Москву в аннексии.", {("Грузия", "initiator"), ("Россия", "target")}),
    ("Тбилиси обвиняет Москву в аннексии.", {("Тбилиси", "initiator"), ("Москва", "target")}),
])
def test_a_state_or_its_capital_accuses_as_its_country(text, found):
    assert roles(text, "accusation") == found


def test_a_state_does_not_meet():
    article = svodka.process("Россия и Китай встретились в финале турнира.", published="2024-06-01")
    assert not [e for e in article.events if e.type == "meeting"]


def test_the_genitive_of_sanctions_imposes_them_and_against_whom_is_their_target():
    text = "Новые санкции США против России вступили в силу в пятницу."
    assert roles(text, "sanctions") == {("США", "initiator"), ("Россия", "target")}


def test_whoever_speaks_after_a_quotation_is_not_its_events_target():
    text = "«Мы считаем эти санкции незаконными», — заявил Дмитрий Песков журналистам."
    article = svodka.process(text, published="2024-06-01")
    assert not [e for e in article.events if e.type == "sanctions"]


def test_an_accusation_denied_was_still_made():
    article = svodka.process("Посол опроверг обвинения Вашингтона в адрес Москвы.", published="2024-06-01")
    (event,) = [e for e in article.events if e.type == "accusation"]
    assert event.status == "happened"


def test_sanctions_accepted_are_no_hosting():
    text = "В Кремле учтут, что новые санкции в отношении России принимал уходящий президент Барак Обама."
    article = svodka.process(text, published="2024-06-01")
    assert not [e for e in article.events if e.type == "host"]


def test_the_charged_person_is_the_target_of_a_charge():
    text = "Прокуратура Нью-Йорка предъявила Сайфулло Саипову обвинение в терроризме."
    assert ("Сайфулло Саипов", "target") in roles(text, "accusation")


def test_a_rally_is_news_by_its_place_alone():
    article = svodka.process("Митинг прошёл 12 марта в Москве.", published="2024-06-01")
    assert [e.type for e in article.events] == ["protest"]


def test_an_abbreviation_does_not_end_the_clause_of_an_appointment():
    text = "Дмитрий Медведев назначил руководителем ведомства и.о. главы службы Ивана Петрова."
    assert ("Иван Петров", "appointee") in roles(text, "appointment")


def test_strikes_are_made_by_their_genitive_and_aimed_by_po():
    text = "Египет ответил на теракт: дипломат прокомментировал удары Каира по Ливии."
    assert roles(text, "military") == {("Египет", "initiator"), ("Ливия", "target")}


def test_who_undergoes_an_accusation_is_its_target():
    text = "Сергей Лавров подвергся обвинениям со стороны Джона Керри."
    assert roles(text, "accusation") == {("Джон Керри", "initiator"), ("Сергей Лавров", "target")}


@pytest.mark.parametrize("text, kind, found", [
    ("Иван Петров назначен министром финансов указом Владимира Путина.", "appointment",
     {("Владимир Путин", "initiator"), ("Иван Петров", "appointee")}),
    ("Госдума избрала Вячеслава Володина своим председателем.", "appointment",
     {("Государственная дума", "initiator"), ("Вячеслав Володин", "appointee")}),
    ("Сайфулло Саипов обвинён прокуратурой Нью-Йорка в терроризме.", "accusation",
     {("прокуратура Нью-Йорка", "initiator"), ("Сайфулло Саипов", "target")}),
])
def test_a_passive_or_an_election_is_done_to_its_subject(text, kind, found):
    assert roles(text, kind) == found


@pytest.mark.parametrize("text", [
    "На 11-е число было назначено судебное заседание по делу Михаила Саакашвили.",
    "В Каире были подписаны акты о вступлении в силу контрактов Росатома.",
])
def test_a_thing_scheduled_or_signed_in_the_passive_is_no_event_of_a_person(text):
    article = svodka.process(text, published="2024-06-01")
    assert not [e for e in article.events if e.type in ("appointment", "agreement")]

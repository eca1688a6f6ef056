"""The entities the two founding examples must give (the entities issue's readings)."""



def names(article, kinds=("name",)):
    ids = {m.entity for m in article.mentions if m.kind in kinds}
    return {entity.name for entity in article.entities if entity.id in ids}


def entity_of(article, text):
    at = article.text.index(text)
    return next(m.entity for m in article.mentions if m.start == at and m.end == at + len(text))


def test_call_entities(call):
    assert names(call) >= {"Александр Лукашенко", "Владимир Путин", "Беларусь", "Россия", "Нагорный Карабах",
                           "Кыргызстан", "БЕЛТА"}


def test_nothing_from_the_sidebar(call):
    sidebar = call.text.index("Последние новости")
    assert all(m.start < sidebar for m in call.mentions)
    assert not names(call, ("name", "descriptor", "adjective")) & {"Сергей Дикун", "Шклов", "Поповцы"}


def test_capitalised_titles_are_not_people(call):
    assert all(call.text[m.start:m.end] != "Президенты" for m in call.mentions if m.type == "PER")


def test_beларусью_is_normalised(call):
    at = call.text.index("Беларусью")
    mention = next(m for m in call.mentions if m.start == at)
    assert mention.normal == "Беларусь" and mention.entity == entity_of(call, "Беларусь")


def test_meeting_entities(meeting):
    assert names(meeting) >= {
        "Владимир Путин", "Александр Лукашенко", "Россия", "Беларусь", "Санкт-Петербург",
        "Президентская библиотека им. Бориса Ельцина", "ЕАЭС", "ТАСС", "РИА Новости", "Москва", "Минск",
        "Михаил Мишустин", "Всебелорусское народное собрание", "ОДКБ", "Андрей Белоусов",
        "Виктор Хренин", "Министерство обороны Беларуси",
    }


def test_byline_person_is_not_a_body_mention(meeting):
    authors = [m for m in meeting.mentions if m.kind == "byline"]
    assert [(meeting.text[m.start:m.end], m.normal) for m in authors] == [("Дарья Григоренко", "Дарья Григоренко")]
    assert "Дарья Григоренко" not in names(meeting)


def test_beloruссия_is_the_same_entity_as_беларусь(call, meeting):
    assert entity_of(meeting, "Белоруссия") == entity_of(call, "Беларусью")


def test_putin_is_one_entity_across_the_samples(call, meeting):
    assert entity_of(meeting, "Путин") == entity_of(call, "Владимиром Путиным")
    assert entity_of(meeting, "Лукашенко") == entity_of(call, "Александр Лукашенко")


def test_descriptors_resolve(meeting):
    putin, lukashenko = entity_of(meeting, "Путин"), entity_of(meeting, "Лукашенко")
    descriptors = {meeting.text[m.start:m.end].lower(): m.entity for m in meeting.mentions if m.kind == "descriptor"}
    assert descriptors["российский лидер"] == putin
    assert descriptors["белорусский президент"] == lukashenko


def test_ministry_takes_its_country_from_context(meeting):
    at = meeting.text.index("Минобороны")
    mention = next(m for m in meeting.mentions if m.start == at and m.kind == "name")
    entity = next(e for e in meeting.entities if e.id == mention.entity)
    assert entity.name == "Министерство обороны Беларуси"


def test_surname_links_to_the_full_name(call):
    full = entity_of(call, "Александр Лукашенко")
    assert entity_of(call, "Лукашенко") == full  # the title's bare surname

"""Entity rules on sentences written for these tests."""
import pytest

import svodka


def names(text: str) -> list[tuple[str, str]]:
    article = svodka.process(text + "\n")
    return [(article.text[m.start:m.end], m.type) for m in article.mentions if m.kind == "name"]


@pytest.mark.parametrize("text, product", [
    (("Строительство газопровода «Северный поток — 2» завершено, сообщил «Газпром». "
      "По данным компании, Северный поток — 2 готов к работе."), "Северный поток — 2"),
    (("Минздрав России зарегистрировал вакцину «Спутник V». Вакцину Спутник V разработал Центр "
      "имени Гамалеи."), "Спутник V"),
    ("Шаттл «Дискавери» вернулся на Землю. НАСА сообщило, что экипаж «Дискавери» здоров.", "Дискавери"),
])
def test_a_quoted_product_name_is_no_mention_anywhere_in_the_article(text, product):
    found = names(text)
    assert all(product not in name for name, _ in found)
    assert any(type == "ORG" for _, type in found)  # the organisations around it still are


def test_a_quoted_organisation_after_an_ordinary_noun_stays():
    assert ("Интерфакс", "ORG") in names("Агентство «Интерфакс» сообщило о продаже банка «Открытие».")


def test_a_name_does_not_end_on_a_bracket_it_never_opened():
    found = names("Оператором проекта выступает компания (Nord Stream AG), зарегистрированная в Швейцарии.")
    assert all(not name.endswith(")") for name, _ in found)


@pytest.mark.parametrize("text, word", [
    ("Приговоренную к смерти христианку освободили. Приговоренную Асию Биби вывезли из страны.", "Приговоренную"),
    ("Запишитесь на прививку заранее, советует Анна Попова.", "Запишитесь"),
])
def test_a_capitalised_dictionary_word_is_no_person(text, word):
    assert all(name != word for name, _ in names(text))


def test_a_surname_that_is_also_a_word_is_still_a_person():
    assert ("Навальный", "PER") in names("Навальный заявил, что обжалует приговор.")


@pytest.mark.parametrize("text, body", [
    ("Представитель британского правительства отказался от комментариев.", "британского правительства"),
    ("Заявление опубликовало министерство иностранных дел России.", "министерство иностранных дел России"),
    ("Решение приняло правительство Германии.", "правительство Германии"),
    ("Верховный суд Пакистана оправдал женщину.", "Верховный суд Пакистана"),
])
def test_a_state_body_named_with_its_country_is_an_organisation(text, body):
    found = names(text)
    assert (body, "ORG") in found
    assert any(type == "LOC" for _, type in found) or "британского" in body  # the country stays


def test_a_body_without_a_country_is_no_name():
    assert names("Правительство одобрило законопроект, а парламент его отклонил.") == []


def test_a_first_name_is_not_the_town_that_shares_its_lemma():
    assert ("Бориса", "PER") in names("Премьер-министр поблагодарила Бориса за работу.")


def test_inflected_brexit_and_pronouns_are_no_names():
    found = names("Тех, кто голосовал против Брекзита, Тереза Мэй не убедила.")
    assert [name for name, _ in found] == ["Тереза Мэй"]


def normals(text: str) -> list[str]:
    article = svodka.process(text + "\n")
    return [m.normal for m in article.mentions if m.kind == "name"]


def test_a_womans_noun_before_a_name_tells_its_gender():
    assert set(normals("Суд оправдал христианку Асию Биби. Адвокат христианки Асии Биби доволен.")) \
        == {"Асия Биби"}


def test_a_bare_surname_takes_its_base_form_from_the_full_name():
    found = normals("Министр Дэвид Дэвис ушёл в отставку. Вместо ушедшего Дэвиса назначен Доминик Рааб.")
    assert found.count("Дэвис") == 1 and "Дэвиса" not in found


def test_adjectives_before_an_abbreviation_take_the_nominative():
    assert "британский МИД" in normals("Глава британского МИДа подал в отставку.")


def test_an_adjective_cut_from_a_name_is_no_place():
    from svodka.entities.ner import Found, _adjective_of_a_noun
    text = "Проект Северный поток 2 будет реализован, сообщил Японский премьер."
    assert _adjective_of_a_noun(text, Found(7, 15, "LOC"))
    assert not _adjective_of_a_noun(text, Found(text.index("Японский"), text.index(" премьер"), "LOC"))


def test_a_product_the_base_knows_is_no_mention_even_without_context():
    found = names("Северный поток — 2 достроят в этом году, заявил Олаф Шольц. Россия поставит С-400 Турции.")
    assert all("поток" not in name and "С-400" not in name for name, _ in found)
    assert ("Олаф Шольц", "PER") in found and ("Турции", "LOC") in found


def test_a_surname_named_in_full_once_is_a_person_wherever_it_stands_alone():
    found = names("Замминистра иностранных дел Григорий Карасин встретился с послом. "
                  "Карасин отметил, что формат сохранится.")
    assert ("Карасин", "PER") in found


def test_a_place_inside_an_organisations_name_is_a_mention_of_its_own():
    found = names("Главный редактор «Эха Москвы» и депутаты «Единой России» ответили журналистам.")
    assert ("Москвы", "LOC") in found and ("России", "LOC") in found
    assert ("Эха Москвы", "ORG") in found


def test_the_person_an_organisation_is_named_after_is_a_mention_of_its_own():
    found = names("Глава Центра имени Хруничева и сотрудник Фонда Андрея Первозванного встретились.")
    assert ("Хруничева", "PER") in found and ("Андрея Первозванного", "PER") in found
    assert ("Центра имени Хруничева", "ORG") in found


def descriptors(text: str, published: str | None = "2021-05-28") -> list[tuple[str, str]]:
    article = svodka.process(text + "\n", published=published)
    return [(article.text[m.start:m.end], m.normal) for m in article.mentions if m.kind == "descriptor"]


def test_a_post_the_article_fills_by_name_is_that_person_elsewhere_in_it():
    text = ("Глава МИД Азербайджана Эльмар Мамедъяров прилетел в Москву. Министр иностранных дел "
            "Азербайджана проведет там переговоры.")
    assert ("Министр иностранных дел Азербайджана", "Эльмар Мамедъяров") in descriptors(text)


def test_a_former_holder_named_in_the_article_does_not_fill_the_post():
    text = "Бывший президент США Дональд Трамп раскритиковал решение. Президент США выступит завтра."
    assert ("Президент США", "Джо Байден") in descriptors(text)


def test_a_plural_post_of_two_countries_is_both_holders():
    found = descriptors("Переговоры президентов России и Белоруссии прошли в Сочи.")
    assert found == [("президентов России", "Владимир Путин"), ("Белоруссии", "Александр Лукашенко")]


def test_a_plural_post_of_a_list_of_countries_is_each_holder():
    found = descriptors("Встреча президентов России, Украины и Франции продолжалась 14 часов.", "2015-02-12")
    assert [normal for _, normal in found] == ["Владимир Путин", "Пётр Порошенко", "Франсуа Олланд"]


def test_the_name_after_an_aides_post_is_the_aides():
    found = descriptors("Помощник президента России Владислав Сурков прилетел в Минск.", None)
    assert ("президента России", "Владислав Сурков") not in found


def test_a_person_noun_ending_the_sentence_before_owns_no_post():
    found = descriptors("Вчера Сергей Лавров встретился с послом. Президент Украины Петр Порошенко заявил об этом.")
    assert ("Президент Украины", "Пётр Порошенко") in found


@pytest.mark.parametrize("text, expected", [
    ("Голосование выиграли Монако • Намибия • Палестина", ["Монако", "Намибия", "Палестина"]),
    ("В сборную вошли Овечкин, Фёдоров и Малкин.", ["Овечкин", "Фёдоров", "Малкин"]),
])
def test_a_name_never_runs_across_a_list_separator(text, expected):
    assert [name for name, _ in names(text)] == expected


@pytest.mark.parametrize("text, person", [
    ("Всё-таки Проди уйдёт в отставку.", "Проди"),
    ("Музыканты Шевчук и Гребенщиков выступили вместе.", "Шевчук"),
])
def test_a_common_word_opening_the_sentence_is_not_part_of_the_name(text, person):
    assert (person, "PER") in names(text)


def test_a_particle_written_onto_a_name_is_not_part_of_it():
    assert ("Кудрину", "PER") in names("Кудрину-то всё равно, сказал Путин.")


def test_the_space_station_is_a_place():
    found = names("Экипаж МКС вернулся на Землю. На борту Международной космической станции остались двое.")
    assert ("МКС", "LOC") in found and ("Международной космической станции", "LOC") in found


@pytest.mark.parametrize("text, body, parent", [
    ("Глава Минской группы ОБСЕ прибыл в Баку.", "Минской группы ОБСЕ", "ОБСЕ"),
    ("Сотрудник Института этнологии и антропологии РАН выступил.", "Института этнологии и антропологии РАН", "РАН"),
    ("Спикер Палаты представителей Конгресса США заявила.", "Палаты представителей Конгресса США", "Конгресса"),
])
def test_a_body_named_with_the_body_it_belongs_to_is_one_organisation(text, body, parent):
    found = names(text)
    assert (body, "ORG") in found and (parent, "ORG") in found


def test_a_name_governs_no_organisation_after_it():
    assert ("Газпроме", "ORG") in names("Об этом сообщили в Газпроме ТАСС.")


@pytest.mark.parametrize("text, noun", [
    ("Штат объявил чрезвычайное положение.", "Штат"),  # no "Штаты", the United States
    ("Семья переехала в Москву.", "Семья"),  # no Семей, the town in Kazakhstan
])
def test_a_noun_capitalised_by_opening_the_sentence_is_no_place(text, noun):
    assert all(name != noun for name, _ in names(text))


def test_function_words_and_keys_are_no_names():
    found = [name for name, _ in names("Саммит прошёл в Минске. Если Вы хотите подписаться, нажмите Ctrl+Enter.")]
    assert found == ["Минске"]


@pytest.mark.parametrize("text, name", [
    ("Кремль заявил о готовности к переговорам.", ("Кремль", "ORG")),  # the KB spells it so
    ("Лидер партии «Яблоко» выступил на съезде.", ("Яблоко", "ORG")),  # a quote opens no sentence
])
def test_a_name_opening_a_sentence_or_a_quote_stays(text, name):
    assert name in names(text)


def test_an_agency_after_a_body_is_its_source_not_its_parent():
    found = names("Об этом сообщили в Министерстве иностранных дел РИА Новости.")
    assert ("РИА Новости", "ORG") in found
    assert all(not name.endswith("Новости") or name == "РИА Новости" for name, _ in found)

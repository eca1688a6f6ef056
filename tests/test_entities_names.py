"""One person however the article writes them: initials, a case form the dictionary lacks, a middle
name left out, a surname with a particle, a surname alone. Sentences written for these tests."""
import pytest

import svodka
from svodka.entities.names import given_agrees, same_surname, split_name


def entity_of(text: str, written: str) -> tuple[str, str]:
    """(entity id, canonical name) of the mention written `written`."""
    article = svodka.process(text + "\n")
    names = {entity.id: entity.name for entity in article.entities}
    found = [m.entity for m in article.mentions if article.text[m.start:m.end] == written]
    assert found, f"no mention {written!r} in {[article.text[m.start:m.end] for m in article.mentions]}"
    return found[0], names[found[0]]


@pytest.mark.parametrize("text, written, name", [
    ("В.Путин провел совещание с членами правительства.", "В.Путин", "Владимир Путин"),
    ("Накануне Р. Эрдоган выступил в парламенте.", "Р. Эрдоган", "Реджеп Тайип Эрдоган"),
    ("Переговоры с Реджепом Эрдоганом продлились три часа.", "Реджепом Эрдоганом", "Реджеп Тайип Эрдоган"),
    ("Премьер Италии позвонил Ангеле Меркель в понедельник.", "Ангеле Меркель", "Ангела Меркель"),
])
def test_a_known_person_written_otherwise_is_that_person(text, written, name):
    assert entity_of(text, written)[1] == name


def test_initials_join_the_full_name_the_article_gives_later():
    text = "Памятник И.В. Сталину поставили в сквере. Иосиф Сталин родился в Гори."
    assert entity_of(text, "И.В. Сталину") == entity_of(text, "Иосиф Сталин")


def test_a_surname_the_dictionary_reads_as_a_verb_joins_the_full_name():
    text = "Сергея Скрипаля отравили в марте. Врачи считают, что здоровью Скрипаля ничего не угрожает."
    assert entity_of(text, "Скрипаля") == entity_of(text, "Сергея Скрипаля")


def test_a_surname_with_a_particle_joins_the_full_name():
    text = "Во второй тур вышла Марин Ле Пен. Избиратели Ле Пен пришли на митинг."
    assert entity_of(text, "Ле Пен")[0] == entity_of(text, "Марин Ле Пен")[0]


def test_a_lone_surname_is_named_in_the_nominative_of_a_surname():
    assert entity_of("Фильм о последних днях Сталина запретили к показу.", "Сталина")[1] == "Сталин"


def test_initials_that_disagree_do_not_join():
    text = "Ольга Иванова победила на выборах. Её соперник А. Иванов проиграл."
    assert entity_of(text, "А. Иванов")[0] != entity_of(text, "Ольга Иванова")[0]


@pytest.mark.parametrize("name, given, surname", [
    ("И.В. Сталина", ["И.", "В."], "Сталина"),
    ("Марин Ле Пен", ["Марин"], "Ле Пен"),
    ("фон дер Ляйен", [], "фон дер Ляйен"),
    ("Путин", [], "Путин"),
])
def test_a_name_splits_into_given_names_and_surname(name, given, surname):
    assert split_name(name) == (given, surname)


def test_given_names_agree_by_initial_stem_and_missing_middle_name():
    assert given_agrees(["В."], ["Владимир"])
    assert given_agrees(["Ангеле"], ["Ангела"])
    assert given_agrees(["Реджеп"], ["Реджеп", "Тайип"])
    assert given_agrees(["И.", "В."], ["Иосиф"])
    assert not given_agrees(["А."], ["Владимир"])
    assert not given_agrees(["Юлия"], ["Сергей"])
    assert not given_agrees(["В.", "А."], ["Владимир", "Владимирович"])


def test_surnames_agree_across_cases_only():
    assert same_surname("Скрипаля", "Скрипаль")
    assert same_surname("Путиным", "Путин")
    assert not same_surname("Путинцев", "Путин")

"""One person across the store: a surname alone joins the one person of that surname the store
holds by full name; namesakes stay apart."""
import json

from click.testing import CliRunner

from svodka.cli import main

FULL = "Отравление в Солсбери\n\nБывший офицер ГРУ Сергей Скрипаль был отравлен в британском Солсбери.\n"
DAUGHTER = "Дочь офицера\n\nВместе с отцом пострадала его дочь Юлия Скрипаль, сообщила полиция графства.\n"
SURNAME = ("Врачи о состоянии пострадавшего\n\nВрачи больницы рассказали о состоянии Скрипаля. "
           "Скрипаль пока находится в тяжёлом состоянии.\n")


def ingest(tmp_path, db_path, *texts):
    for number, text in enumerate(texts):
        page = tmp_path / f"{number}.txt"
        page.write_text(text, encoding="utf-8")
        assert CliRunner().invoke(main, ["ingest", str(page), "--db", str(db_path)]).exit_code == 0


def people(db_path) -> dict[str, int]:
    result = CliRunner().invoke(main, ["entities", "--type", "PER", "--json", "--db", str(db_path)])
    return {json.loads(line)["name"]: json.loads(line)["articles"] for line in result.output.splitlines()}


def test_a_surname_alone_joins_the_person_the_store_knows(tmp_path, db_path):
    ingest(tmp_path, db_path, FULL, SURNAME)
    assert people(db_path) == {"Сергей Скрипаль": 2}
    found = CliRunner().invoke(main, ["entity", "Скрипаль", "--json", "--db", str(db_path)])
    assert [json.loads(line)["name"] for line in found.output.splitlines()] == ["Сергей Скрипаль"]


def test_a_surname_shared_by_two_people_joins_neither(tmp_path, db_path):
    ingest(tmp_path, db_path, FULL, DAUGHTER, SURNAME)
    found = people(db_path)
    assert found["Сергей Скрипаль"] == 1 and found["Юлия Скрипаль"] == 1
    assert len(found) == 3


LENIN = "Юбилей революции\n\nВ музее открылась выставка о том, как Владимир Ленин готовил переворот.\n"
INITIALS = "Реставрация памятника\n\nВ сквере отреставрировали памятник В.И. Ленину, сообщили в мэрии.\n"
MIDDLE = "Новая книга\n\nВ книге собраны письма, которые Владимир Ильич Ленин писал из эмиграции.\n"
OTHER = "Выставка художника\n\nВ галерее показали работы художника Андрея Ленина.\n"


def test_initials_and_a_middle_name_join_the_person_the_store_knows(tmp_path, db_path):
    ingest(tmp_path, db_path, LENIN, INITIALS, MIDDLE)
    assert people(db_path) == {"Владимир Ленин": 3}


def test_initials_that_fit_neither_namesake_join_neither(tmp_path, db_path):
    ingest(tmp_path, db_path, LENIN, OTHER, INITIALS.replace("В.И. Ленину", "С. Ленину"))
    found = people(db_path)
    assert found["Владимир Ленин"] == 1 and found["Андрей Ленин"] == 1 and len(found) == 3


LONE = "Спор историков\n\nИсторики снова спорят о роли Сталина в войне, пишет журнал.\n"
STALIN = "Новая биография\n\nВышла биография, в которой Иосиф Сталин предстает молодым поэтом.\n"


def test_a_surname_stored_before_the_full_name_joins_it_when_the_full_name_comes(tmp_path, db_path):
    ingest(tmp_path, db_path, LONE, STALIN)
    assert people(db_path) == {"Иосиф Сталин": 2}
    found = CliRunner().invoke(main, ["entity", "Сталина", "--json", "--db", str(db_path)])
    assert [json.loads(line)["name"] for line in found.output.splitlines()] == ["Иосиф Сталин"]


def test_a_surname_stored_first_ends_as_it_would_stored_last(tmp_path, db_path):
    ingest(tmp_path, db_path, SURNAME, FULL)
    assert people(db_path) == {"Сергей Скрипаль": 2}


def test_a_surname_stored_before_two_namesakes_joins_neither(tmp_path, db_path):
    both = FULL.replace("в британском Солсбери.", "в британском Солсбери вместе с дочерью Юлией Скрипаль.")
    ingest(tmp_path, db_path, SURNAME, both)
    found = people(db_path)
    assert found["Сергей Скрипаль"] == 1 and found["Юлия Скрипаль"] == 1 and len(found) == 3

"""Corrections in the store: a merge of two entities re-points every reference, is followed by later
ingests, survives a re-ingest, is listed with who and when, and its undo gives back exactly the store
that never had it (later articles' references included)."""
from __future__ import annotations

import pytest
from facts import LUKASHENKO, MINSK, PUTIN, article, call_article, meeting_article

from svodka.records import Event, Participant
from svodka.store import open_store
from svodka.store.corrections import CorrectionError

TABLES = ("entities", "entity_aliases", "mentions", "quotes", "events", "event_participants", "entity_counts",
          "article_entities", "entity_days")


def later_article():
    return article("cccc000000000003", "Лукашенко принял Путина в Минске.",
                   [("Лукашенко", LUKASHENKO), ("Путина", PUTIN), ("Минске", MINSK)],
                   events=[Event("host", "042", (Participant(LUKASHENKO.id, "host"), Participant(PUTIN.id, "guest")),
                                 (), place=MINSK.id)], published="2024-06-12")


def state(store) -> dict[str, list]:
    """Every row that refers to entities, as sorted tuples (the time an entity was first stored left out)."""
    found = {}
    for table in TABLES:
        columns = "id, type, name, wikidata" if table == "entities" else "*"  # not first_seen: when ingested
        rows = [tuple(row) for row in store._db.execute(f"SELECT {columns} FROM {table}")]
        found[table] = sorted(rows, key=repr)
    return found


def referring_to(store, entity_id: str) -> int:
    db = store._db
    return sum(db.execute(f"SELECT count(*) FROM {table} WHERE {column} = ?", (entity_id,)).fetchone()[0]
               for table, column in (("mentions", "entity_id"), ("quotes", "speaker_id"), ("events", "place_id"),
                                     ("event_participants", "entity_id"), ("entities", "id"),
                                     ("article_entities", "entity_id"), ("entity_days", "entity_id")))


def test_a_merge_holds_for_later_articles_and_its_undo_gives_back_the_store_without_it(tmp_path):
    with open_store(tmp_path / "never.db") as never:
        never.add([meeting_article(), call_article()])
        never.add([later_article()])
        expected = state(never)
    with open_store(tmp_path / "merged.db") as store:
        store.add([meeting_article(), call_article()])
        correction = store.merge_entities(LUKASHENKO.id, PUTIN.id, "аналитик")
        assert referring_to(store, LUKASHENKO.id) == 0
        assert [e.id for e in store.find_entities("Лукашенко")] == [PUTIN.id]
        store.add([later_article()])  # the linker names Лукашенко again: the redirect is followed
        assert referring_to(store, LUKASHENKO.id) == 0
        assert store.add([meeting_article(), call_article(), later_article()]).new == ()  # a re-ingest keeps it
        assert referring_to(store, LUKASHENKO.id) == 0
        participants = {p.entity for found in store.events([PUTIN.id]) for p in found.event.participants}
        assert participants == {PUTIN.id, "per:иван-иванов"}  # Лукашенко is Путин now
        listed = store.corrections()
        assert [(c.id, c.kind, c.target, c.value, c.who, c.undone_at) for c in listed] == [
            (correction, "merge", LUKASHENKO.id, PUTIN.id, "аналитик", None)]
        assert (listed[0].target_name, listed[0].value_name) == ("Александр Лукашенко", "Владимир Путин")
        store.undo_correction(correction, "редактор")
        assert state(store) == expected
        assert store.corrections()[0].undone_by == "редактор"
        store.add([later_article()])  # no redirect after the undo
        assert referring_to(store, LUKASHENKO.id) > 0


def test_undo_goes_back_in_order_and_bad_corrections_are_refused(tmp_path):
    with open_store(tmp_path / "order.db") as store:
        store.add([meeting_article(), call_article()])
        first = store.merge_entities(LUKASHENKO.id, PUTIN.id, "a")
        second = store.merge_entities("per:иван-иванов", PUTIN.id, "a")
        with pytest.raises(CorrectionError, match=f"correction {second}"):
            store.undo_correction(first, "a")
        store.undo_correction(second, "a")
        store.undo_correction(first, "a")
        with pytest.raises(CorrectionError, match="undone already"):
            store.undo_correction(first, "a")
        with pytest.raises(CorrectionError, match="itself"):
            store.merge_entities(PUTIN.id, PUTIN.id, "a")
        with pytest.raises(CorrectionError, match="no entity"):
            store.merge_entities("per:nobody", PUTIN.id, "a")
        with pytest.raises(CorrectionError, match="no correction"):
            store.undo_correction(999, "a")
        assert referring_to(store, LUKASHENKO.id) > 0 and referring_to(store, "per:иван-иванов") > 0


def test_the_cli_merges_lists_exports_and_undoes(tmp_path):
    import json

    from click.testing import CliRunner

    from svodka.cli import main
    db = str(tmp_path / "cli.db")
    with open_store(tmp_path / "cli.db") as store:
        store.add([meeting_article(), call_article()])
    run = lambda *args: CliRunner().invoke(main, [*args, "--db", db])
    merged = run("corrections", "--merge", "Лукашенко", "Путин", "--who", "Аня")
    assert merged.exit_code == 0 and "merged person:lukashenko-aleksandr into person:putin-vladimir" in merged.output
    listed = [json.loads(line) for line in run("corrections", "--json").output.splitlines() if line.startswith("{")]
    assert [(c["id"], c["kind"], c["who"], c["target_name"], c["undone_at"]) for c in listed] == [
        (1, "merge", "Аня", "Александр Лукашенко", None)]
    assert run("corrections", "--merge", "Никто", "Путин").exit_code == 3
    assert run("corrections", "--undo", "1").exit_code == 0
    again = run("corrections", "--undo", "1")
    assert again.exit_code == 2 and "undone already" in again.output
    assert "undone" in run("corrections").output


def test_a_rename_and_a_mention_marked_wrong_hold_and_are_undone(tmp_path):
    with open_store(tmp_path / "never.db") as never:
        never.add([meeting_article(), call_article(), later_article()])
        expected = state(never)
    with open_store(tmp_path / "fixed.db") as store:
        store.add([meeting_article(), call_article()])
        renamed = store.rename_entity(PUTIN.id, "Путин Владимир Владимирович", "Аня")
        assert store.entity(PUTIN.id).name == "Путин Владимир Владимирович"
        assert "Владимир Путин" in store.entity(PUTIN.id).aliases
        assert [e.id for e in store.find_entities("Владимир Путин")] == [PUTIN.id]
        store.add([later_article()])  # a later article does not rename it back
        assert store.entity(PUTIN.id).name == "Путин Владимир Владимирович"
        minsk = next(m for m in meeting_article().mentions if m.entity == MINSK.id)
        wrong = store.unmention(meeting_article().id, minsk.start, minsk.end, "Аня")
        assert all(m.entity != MINSK.id or m.start != minsk.start for m in store.get(meeting_article().id).mentions)
        assert [(c.kind, c.target_name, c.value_name) for c in store.corrections()] == [
            ("unmention", minsk.normal, "Минск"), ("rename", "Владимир Путин", "Путин Владимир Владимирович")]
        with pytest.raises(CorrectionError, match="no mention"):
            store.unmention(meeting_article().id, minsk.start, minsk.end, "Аня")
        store.undo_correction(wrong, "Аня")
        store.undo_correction(renamed, "Аня")
        assert state(store) == expected


def test_a_name_split_off_takes_its_mentions_now_and_later_and_its_undo_gives_them_back(tmp_path):
    from svodka.records import Entity
    ivan, petr = Entity("per:petrov", "PER", "Иван Петров"), Entity("per:petrov", "PER", "Пётр Петров")

    def petrovs(id: str, text: str):
        return article(id, text, [("Пётр Петров", petr), ("Иван Петров", ivan)], published="2024-06-02")

    first, later = petrovs("dddd000000000004", "Иван Петров и Пётр Петров выступили."), petrovs(
        "eeee000000000005", "Пётр Петров ответил. Иван Петров промолчал.")
    with open_store(tmp_path / "never.db") as never:
        never.add([first, later])
        expected = state(never)
    with open_store(tmp_path / "split.db") as store:
        store.add([first])
        with store._transaction():  # both names are names of the one entity, as the linker left them
            store._db.execute("INSERT OR IGNORE INTO entity_aliases (entity_id, alias, folded, last_word) "
                              "VALUES ('per:petrov', 'Пётр Петров', 'пётр петров', 'петров')")
        with pytest.raises(CorrectionError, match="own name"):
            store.split_entity("per:petrov", "Иван Петров", "Аня")
        correction = store.split_entity("per:petrov", "Пётр Петров", "Аня")
        names = {m.normal: m.entity for m in store.get(first.id).mentions}
        assert names["Иван Петров"] == "per:petrov" and names["Пётр Петров"] == f"per:petrov~{correction}"
        assert store.entity(f"per:petrov~{correction}").name == "Пётр Петров"
        store.add([later])  # the later article's "Пётр Петров" goes to the new entity too
        assert {m.normal: m.entity for m in store.get(later.id).mentions}["Пётр Петров"] == f"per:petrov~{correction}"
        store.undo_correction(correction, "Аня")
        undone = state(store)
        undone["entity_aliases"] = [row for row in undone["entity_aliases"] if row[1] != "Пётр Петров"]  # added above
        assert undone == expected

"""Undated articles are undated, not of the day they were stored: they join a story only as a copy or
a near-paraphrase, give a story no dates, no freshness and no breaking; a story's outlets are its
articles' outlets, never their source paths."""
import json
from datetime import date

import pytest
from click.testing import CliRunner
from facts import store_at_schema

from svodka.cli import main
from svodka.pipeline import default_pipeline
from svodka.records import RawDocument
from svodka.store import open_store
from svodka.store.sqlite import COLUMNS, _row_of
from svodka.stories import minhash
from svodka.stories.rank import StoryCounts, is_breaking, score, weight
from svodka.stories.terms import body_shingles

FLOOD = ("Наводнение в Иркутской области: эвакуированы три тысячи человек",
         "Из-за паводка в Тулуне Иркутской области эвакуированы около трёх тысяч жителей. Вода поднялась на "
         "четыре метра за сутки, затоплены сотни домов. Губернатор Игорь Кобзев ввёл режим чрезвычайной "
         "ситуации. В Тулун направлены спасатели МЧС и вертолёты.")
FLOOD_RETOLD = ("В Тулуне Иркутской области из-за паводка эвакуировали три тысячи человек",
                "Паводок в Тулуне Иркутской области: за сутки вода поднялась на четыре метра и затопила сотни "
                "домов, около трёх тысяч жителей эвакуированы. Губернатор Игорь Кобзев ввёл в Тулуне режим "
                "чрезвычайной ситуации, туда направлены вертолёты и спасатели МЧС.")
FIRE = ("Лесной пожар в Иркутской области: эвакуированы жители двух посёлков",
        "В Иркутской области из-за лесного пожара эвакуированы около трёхсот жителей посёлков Балаганск и "
        "Залари. Огонь охватил две тысячи гектаров тайги. Губернатор Игорь Кобзев ввёл режим чрезвычайной "
        "ситуации. На тушение направлены спасатели МЧС и самолёты Бе-200.")
FORECAST_8 = ("Прогноз погоды на 8 ноября",
              "В Москве в среду ожидается облачная погода с прояснениями, без осадков. Температура воздуха "
              "днём составит от плюс трёх до плюс пяти градусов, ночью около нуля. Ветер северо-западный, "
              "пять-семь метров в секунду. Атмосферное давление 745 миллиметров ртутного столба.")
FORECAST_16 = ("Прогноз погоды на 16 ноября",
               "В Москве в четверг ожидается пасмурная погода, небольшой снег. Температура воздуха днём "
               "составит от минус одного до плюс одного градуса, ночью до минус трёх. Ветер северный, "
               "три-пять метров в секунду. Атмосферное давление 750 миллиметров ртутного столба.")
WIN = ("«Зенит» обыграл ЦСКА в матче РПЛ",
       "Петербургский «Зенит» на своём поле победил московский ЦСКА со счётом 3:1 в матче 12-го тура "
       "Российской премьер-лиги. Дубль оформил нападающий Матеус Кассьерра.")
LOSS = ("«Зенит» проиграл «Спартаку» в матче РПЛ",
        "Петербургский «Зенит» в гостях уступил московскому «Спартаку» со счётом 0:2 в матче 25-го тура "
        "Российской премьер-лиги. Оба мяча забил нападающий Манфред Угальде.")


@pytest.fixture(scope="module")
def pipeline():
    return default_pipeline()


def article(pipeline, item, published=None, outlet="РИА", source=None, extra=""):
    title, body = item
    raw = RawDocument(source=source or f"{outlet}/{title}{extra}", text=f"{title}\n\n{body}{extra}", title=title,
                      outlet=outlet, published=published)
    return pipeline(raw)


def reprints(pipeline, item, outlets, published=None):
    """The item from several outlets, each adding a line of its own (copies of the first)."""
    return [article(pipeline, item, published, outlet, extra=f" Об этом сообщает {n}-й источник.")
            for n, outlet in enumerate(outlets)]


def clustered(db_path, *batches):
    store = open_store(db_path)
    for batch in batches:
        store.add(batch)
        store.cluster(batch)
    return store


def story_of(store, one):
    return store.stories_of([one.id])[one.id]


def run(*args):
    return CliRunner().invoke(main, [str(arg) for arg in args])


@pytest.mark.parametrize("original_day, copy_day", [
    (None, None), ("2024-01-10", None), (None, "2024-09-01"), ("2021-03-01", None)])
def test_an_undated_copy_is_found_on_any_day(pipeline, db_path, original_day, copy_day):
    original = article(pipeline, FLOOD, original_day)
    copy = article(pipeline, FLOOD, copy_day, "Иркутск.ру", extra=" Об этом сообщает РИА Новости.")
    with clustered(db_path, [original], [copy]) as store:
        assert story_of(store, copy) == story_of(store, original)
        members = store.story(story_of(store, original)).members
    assert {member.article_id: member.duplicate_of for member in members} == {original.id: None, copy.id: original.id}


@pytest.mark.parametrize("first, second", [(FLOOD, FIRE), (FORECAST_8, FORECAST_16), (WIN, LOSS)],
                         ids=["flood, fire", "two forecasts", "two matches"])
@pytest.mark.parametrize("together", [True, False], ids=["one batch", "two batches"])
def test_undated_articles_on_other_subjects_never_merge(pipeline, db_path, first, second, together):
    one, other = article(pipeline, first), article(pipeline, second, outlet="ТАСС")
    batches = [[one, other]] if together else [[one], [other]]
    with clustered(db_path, *batches) as store:
        assert story_of(store, one) != story_of(store, other)


@pytest.mark.parametrize("retold_day", [None, "2024-05-11"])
def test_a_near_paraphrase_joins_across_a_missing_date(pipeline, db_path, retold_day):
    """An undated retelling joins the dated story; a dated retelling joins the undated story."""
    story_day = None if retold_day else "2024-05-10"
    flood = article(pipeline, FLOOD, story_day)
    retold = article(pipeline, FLOOD_RETOLD, retold_day, "ТАСС")
    with clustered(db_path, [flood], [retold]) as store:
        assert story_of(store, retold) == story_of(store, flood)
        story = store.story(story_of(store, flood))
    assert [member.duplicate_of for member in story.members] == [None, None], "joined, not a copy"
    assert story.first_seen == story.last_seen == (story_day or retold_day)


@pytest.mark.parametrize("flood_day, fire_day", [(None, "2024-05-10"), ("2024-05-10", None)])
def test_a_related_subject_across_a_missing_date_is_neither_the_story_nor_its_thread(pipeline, db_path,
                                                                                    flood_day, fire_day):
    flood = article(pipeline, FLOOD, flood_day)
    fire = article(pipeline, FIRE, fire_day, "ТАСС")
    with clustered(db_path, [flood], [fire]) as store:
        assert story_of(store, fire) != story_of(store, flood)
        assert store.story(story_of(store, fire)).thread == story_of(store, fire)


def test_an_undated_story_shows_no_dates_and_is_never_breaking(pipeline, db_path):
    copies = reprints(pipeline, FLOOD, ["РИА", "ТАСС", "Интерфакс", "Иркутск.ру"])
    with clustered(db_path, copies) as store:
        (story,) = store.stories()
    assert (story.first_seen, story.last_seen, story.breaking, story.score) == (None, None, False, 0.0)
    assert len(story.members) == 4
    line = run("stories", "--db", db_path).output.splitlines()[0]
    assert "undated" in line and "BREAKING" not in line
    listed = json.loads(run("stories", "--jsonl", "--db", db_path).output)
    assert (listed["first_seen"], listed["last_seen"], listed["breaking"]) == (None, None, False)
    detail = json.loads(run("story", story.id, "--json", "--db", db_path).output)
    assert detail["thread_stories"] == [{"id": story.id, "first_seen": None}]


def test_the_same_copies_dated_make_a_breaking_story(pipeline, db_path):
    copies = reprints(pipeline, FLOOD, ["РИА", "ТАСС", "Интерфакс", "Иркутск.ру"], "2024-05-10")
    with clustered(db_path, copies) as store:
        (story,) = store.stories()
    assert (story.first_seen, story.last_seen, story.breaking) == ("2024-05-10", "2024-05-10", True)


def test_a_store_of_undated_articles_lists_its_stories_by_weight(pipeline, db_path):
    wide = reprints(pipeline, FLOOD, ["РИА", "ТАСС", "Интерфакс"])
    alone = article(pipeline, WIN, outlet="Спорт-Экспресс")
    with clustered(db_path, [alone, *wide]) as store:
        ranked = [len(story.members) for story in store.stories()]
    assert ranked == [3, 1]
    result = run("stories", "--db", db_path)
    assert result.exit_code == 0 and result.output.count("undated") == 2


def test_undated_stories_rank_after_a_dated_one_and_have_no_day_to_be_seen_since(pipeline, db_path):
    undated = article(pipeline, FLOOD, None, "РИА")
    dated = article(pipeline, WIN, "2024-05-10", "Спорт-Экспресс")
    with clustered(db_path, [undated, dated]) as store:
        assert [story.first_seen for story in store.stories()] == ["2024-05-10", None]
        assert [story.first_seen for story in store.stories(since="2024-05-01")] == ["2024-05-10"]


@pytest.mark.parametrize("counts, today, expected_score, breaking", [
    (StoryCounts(articles=4, dated=0, outlets=4, first_day=None, last_day=None, on_last_day=4), 100, 0.0, False),
    (StoryCounts(articles=4, dated=0, outlets=4, first_day=None, last_day=None, on_last_day=4), None, 0.0, False),
    (StoryCounts(articles=4, dated=1, outlets=4, first_day=100, last_day=100, on_last_day=1), 100, None, False),
    (StoryCounts(articles=4, dated=4, outlets=4, first_day=100, last_day=100, on_last_day=4), 100, None, True),
])
def test_only_dated_articles_give_freshness_and_breaking(counts, today, expected_score, breaking):
    assert is_breaking(counts) is breaking
    expected = weight(counts) * (1.5 if breaking else 1.0) if expected_score is None else expected_score
    assert score(counts, today) == pytest.approx(expected, abs=1e-3)


@pytest.mark.parametrize("outlets, expected", [
    ([None, None, None], ()),
    (["ТАСС", None], ("ТАСС",)),
    (["ТАСС", "ТАСС", "РИА", None], ("ТАСС", "РИА Новости")),  # one canonical name per publication
])
def test_a_story_counts_outlets_never_paths(pipeline, db_path, outlets, expected):
    members = [article(pipeline, FLOOD, "2024-05-10", outlet, source=f"/data/scraped/{n}.txt",
                       extra=f" Об этом сообщает {n}-й источник.") for n, outlet in enumerate(outlets)]
    with clustered(db_path, members) as store:
        (story,) = store.stories()
    assert story.outlets == expected and len(story.members) == len(outlets)
    fresh = StoryCounts(len(outlets), len(outlets), len(expected), 1, 1, len(outlets))
    assert story.score == score(fresh, 1)
    assert f"{len(expected)} outlet" in run("stories", "--db", db_path).output


def test_timeline_leaves_undated_stories_out(pipeline, db_path):
    undated = article(pipeline, FLOOD)
    dated = article(pipeline, FIRE, "2024-05-10", "ТАСС")
    with clustered(db_path, [undated, dated]):
        pass
    result = run("timeline", "Игорь Кобзев", "--json", "--db", db_path)
    assert result.exit_code == 0, result.output
    stories = [item for item in map(json.loads, result.output.splitlines()) if item["kind"] == "story"]
    assert [item["date"] for item in stories] == ["2024-05-10"]


def test_a_schema_4_store_has_its_undated_articles_redated(pipeline, db_path):
    """A store clustered when an undated article counted as of the day it was clustered (its path
    as its outlet), and a dated story continued its thread."""
    undated = article(pipeline, FLOOD, None, None, source="/data/scraped/flood.txt")
    dated = article(pipeline, FLOOD_RETOLD, "2024-05-12", "ТАСС")
    clustered_on = date(2024, 5, 10).toordinal()
    db = store_at_schema(db_path, 4, undated)
    _insert_article(db, dated)
    _old_story(db, 1, 1, undated, clustered_on)
    _old_story(db, 2, 1, dated, clustered_on + 2)
    db.close()
    with open_store(db_path) as store:
        first, second = store.story(1), store.story(2)
    assert (first.first_seen, first.last_seen, first.thread, first.outlets) == (None, None, 1, ())
    assert (second.first_seen, second.thread, second.outlets) == ("2024-05-12", 2, ("ТАСС",))
    copy = article(pipeline, FLOOD, None, "Иркутск.ру", extra=" Об этом сообщает РИА Новости.")
    with clustered(db_path, [copy]) as store:
        assert story_of(store, copy) == 1, "found as a copy of the undated article, on no day"
        members = store.story(1).members
    assert {member.article_id: member.duplicate_of for member in members} == {undated.id: None, copy.id: undated.id}


def _insert_article(db, one):
    existing = {row[1] for row in db.execute("PRAGMA table_info(articles)")}
    values = {column: value for column, value in zip(COLUMNS, _row_of(one)) if column in existing}
    db.execute(f"INSERT INTO articles ({', '.join(values)}, ingested_at) VALUES ({', '.join('?' * len(values))}, ?)",
               (*values.values(), "2024-05-10T00:00:00+00:00"))


def _old_story(db, story_id, thread, member, day):
    """The rows schema 4's clusterer wrote for a story of one article on `day`."""
    sig = minhash.signature(body_shingles(member))
    db.execute("INSERT INTO stories (id, thread_id, first_day, last_day, articles, outlets, centroid) "
               "VALUES (?, ?, ?, ?, 1, 1, '{\"паводок\": 1.0}')", (story_id, thread, day, day))
    db.execute("INSERT INTO story_members (article_id, story_id, category, similarity, day, signature) "
               "VALUES (?, ?, 'society', 1.0, ?, ?)", (member.id, story_id, day, sig.tobytes()))
    db.executemany("INSERT INTO lsh_bands (band, day, article_id) VALUES (?, ?, ?)",
                   [(band, day, member.id) for band in minhash.bands(sig)])
    db.execute("INSERT INTO story_keys (key, day, story_id) VALUES ('паводок', ?, ?)", (day, story_id))

"""Stories: copies collapsed, one happening's articles grouped across outlets and wording, different
happenings kept apart (by subject and by time), incremental batches, headlines, summaries, ranking."""
import pytest

from svodka.pipeline import default_pipeline
from svodka.records import RawDocument
from svodka.store import open_store
from svodka.stories import minhash
from svodka.stories.rank import StoryCounts, is_breaking, score
from svodka.stories.view import choose_title

FLOOD = [
    ("РИА", "Наводнение в Иркутской области: эвакуированы три тысячи человек",
     ("Из-за паводка в Тулуне Иркутской области эвакуированы около трёх тысяч жителей. Вода поднялась "
     "на четыре метра за сутки, затоплены сотни домов. Губернатор Игорь Кобзев ввёл режим чрезвычайной "
     "ситуации. В Тулун направлены спасатели МЧС и вертолёты.")),
    ("ТАСС", "В Тулуне из-за паводка ввели режим ЧС",
     ("Губернатор Иркутской области Игорь Кобзев ввёл режим чрезвычайной ситуации в Тулуне, где паводок "
     "затопил сотни домов. По данным МЧС, эвакуированы почти три тысячи человек, вода за сутки поднялась "
     "на четыре метра.")),
    ("Коммерсантъ", "Паводок в Приангарье: Тулун уходит под воду",
     ("Уровень воды в реке Ия у Тулуна за сутки вырос на четыре метра. Власти Иркутской области "
     "эвакуировали около трёх тысяч человек и объявили режим чрезвычайной ситуации; в город прибыли "
     "спасатели МЧС.")),
]
MATCH = ("Спорт-Экспресс", "«Зенит» обыграл ЦСКА в матче РПЛ",
         ("Петербургский «Зенит» на своём поле победил московский ЦСКА со счётом 3:1 в матче 12-го тура "
         "Российской премьер-лиги. Дубль оформил нападающий Матеус Кассьерра."))
CALL = ("БелТА", "Лукашенко и Путин провели телефонный разговор",
        ("Президент Беларуси Александр Лукашенко провёл телефонный разговор с Президентом России Владимиром "
        "Путиным. Лидеры обсудили поставки газа и двустороннее сотрудничество."))
VISIT = ("ВЗГЛЯД", "Путин встретился с Лукашенко в Сочи",
         ("Президент России Владимир Путин провёл переговоры с Президентом Беларуси Александром Лукашенко "
         "в Сочи. Встреча прошла в резиденции «Бочаров Ручей» и продолжалась пять часов; стороны "
         "обсудили интеграцию в рамках Союзного государства."))


@pytest.fixture(scope="module")
def pipeline():
    return default_pipeline()


def article(pipeline, outlet, title, body, published="2024-05-10", extra=""):
    raw = RawDocument(source=f"{outlet}/{title}", text=f"{title}\n\n{body}{extra}", title=title,
                      outlet=outlet, published=published, url=f"https://{len(outlet)}.example/{abs(hash(title))}")
    return pipeline(raw)


def story_ids(store, articles):
    found = store.stories_of([a.id for a in articles])
    return [found[a.id] for a in articles]


def test_minhash_estimates_jaccard():
    first = {f"w{i} w{i + 1} w{i + 2} w{i + 3}" for i in range(400)}
    second = set(sorted(first)[:300]) | {f"x{i}" for i in range(100)}
    truth = len(first & second) / len(first | second)
    estimate = minhash.jaccard(minhash.signature(first), minhash.signature(second))
    assert abs(estimate - truth) < 0.1
    assert minhash.jaccard(minhash.signature(first), minhash.signature(set(first))) == 1.0
    assert minhash.bands(minhash.signature(first)) == minhash.bands(minhash.signature(set(first)))


def test_one_happening_from_three_outlets_is_one_story(pipeline, db_path):
    flood = [article(pipeline, *item) for item in FLOOD]
    match = article(pipeline, *MATCH)
    with open_store(db_path) as store:
        store.add([*flood, match])
        store.cluster([*flood, match])
        ids = story_ids(store, [*flood, match])
        assert len(set(ids[:3])) == 1 and ids[3] != ids[0]
        top = store.stories()[0]
    assert top.id == ids[0] and len(top.outlets) == 3
    assert top.title in [title for _, title, _ in FLOOD] and len(top.title) <= 90
    assert len(top.summary_sources) >= 2, "the summary draws on several outlets"


def test_a_lightly_edited_reprint_is_a_copy_of_the_original(pipeline, db_path):
    original = article(pipeline, *FLOOD[0])
    reprint = article(pipeline, "Иркутск.ру", "Паводок в Тулуне: эвакуированы три тысячи человек",
                      FLOOD[0][2].replace("около трёх", "примерно трёх"), extra=" Об этом сообщает РИА Новости.")
    with open_store(db_path) as store:
        store.add([original])
        store.cluster([original])
        store.add([reprint])
        store.cluster([reprint])
        story = store.stories()[0]
    assert original.id != reprint.id
    assert [m.duplicate_of for m in story.members] == [None, original.id]


def test_a_rescrape_with_other_chrome_is_the_same_article(pipeline, db_path):
    original = article(pipeline, *FLOOD[0])
    rescraped = article(pipeline, "Иркутск.ру", FLOOD[0][1], FLOOD[0][2],
                        extra="\n\nПодписывайтесь на наш канал в Telegram.\n\nПоделиться\n\nВКонтакте")
    with open_store(db_path) as store:
        store.add([original])
        store.cluster([original])
        assert store.add([rescraped]).duplicate == (original.id,)
        assert [m.article_id for m in store.stories()[0].members] == [original.id]


def test_same_people_different_happenings_are_different_stories(pipeline, db_path):
    call = article(pipeline, *CALL, published="2020-10-07")
    visit = article(pipeline, *VISIT, published="2024-05-10")
    visit_same_day = article(pipeline, "РИА", "Лукашенко прилетел к Путину в Сочи",
                             "Александр Лукашенко прилетел в Сочи на переговоры с Владимиром Путиным. Президенты "
                             "встретились в резиденции «Бочаров Ручей» и говорили об интеграции Союзного "
                             "государства.", published="2020-10-07")
    with open_store(db_path) as store:
        store.add([call, visit])
        store.cluster([call, visit])
        store.add([visit_same_day])
        store.cluster([visit_same_day])
        ids = story_ids(store, [call, visit, visit_same_day])
    assert ids[0] != ids[1], "a 2020 call and a 2024 visit"
    assert ids[2] != ids[0], "a visit is not the call of the same day"
    assert ids[2] != ids[1], "four years apart: outside the story's time window"


def test_a_later_batch_joins_the_open_story(pipeline, db_path):
    first, second, third = (article(pipeline, *item, published=day)
                            for item, day in zip(FLOOD, ("2024-05-10", "2024-05-10", "2024-05-11")))
    with open_store(db_path) as store:
        store.add([first])
        store.cluster([first])
        store.add([second])
        store.cluster([second])
        assert store.add([second]).duplicate == (second.id,)
        assert store.cluster([second]) == 0
        store.add([third])
        store.cluster([third])
        assert len(set(story_ids(store, [first, second, third]))) == 1
        story = store.stories()[0]
        assert len(story.members) == 3, "a re-ingested article is not a member twice"
        assert (story.first_seen, story.last_seen) == ("2024-05-10", "2024-05-11")


def test_a_failed_clustering_loses_nothing_and_is_done_later(pipeline, db_path, monkeypatch):
    from svodka.stories.cluster import Clusterer

    def broken(self, articles, features=None):
        raise RuntimeError("clustering failed")

    match = article(pipeline, *MATCH)
    with open_store(db_path) as store:
        store.add([match])
        with monkeypatch.context() as patched:
            patched.setattr(Clusterer, "add", broken)
            with pytest.raises(RuntimeError):
                store.cluster([match])
        assert store.stats()["articles"] == 1 and store.stories_of([match.id]) == {}
        assert store.cluster_pending() == 1
        assert store.cluster_pending() == 0
        assert match.id in store.stories_of([match.id])


def test_the_two_samples_are_two_stories(call, meeting, db_path):
    with open_store(db_path) as store:
        store.add([call, meeting])
        store.cluster([call, meeting])
        assert len(set(story_ids(store, [call, meeting]))) == 2


@pytest.mark.parametrize("titles, chosen", [
    (["Шок! Вы не поверите, что случилось в Тулуне?", "В Тулуне из-за паводка ввели режим ЧС"],
     "В Тулуне из-за паводка ввели режим ЧС"),
    (["Паводок", "Губернатор Кобзев ввёл режим ЧС в Тулуне из-за паводка"],
     "Губернатор Кобзев ввёл режим ЧС в Тулуне из-за паводка"),
    ([("В Тулуне из-за паводка, который начался после сильных дождей и таяния снега в горах Восточного Саяна, "
      "ввели режим ЧС"), "В Тулуне из-за паводка ввели режим ЧС"], "В Тулуне из-за паводка ввели режим ЧС"),
])
def test_the_headline_is_informative_short_and_not_clickbait(pipeline, titles, chosen):
    articles = [article(pipeline, "x", title, FLOOD[0][2]) for title in titles]
    centroid = {"тулун": 1.0, "паводок": 1.0, "режим": 0.5, "чс": 0.5, "эвакуировать": 0.5}
    assert choose_title(articles, centroid, ["Игорь Кобзев", "Тулун"]) == chosen


def test_more_outlets_rank_higher_and_old_stories_decay():
    wide = StoryCounts(articles=5, dated=5, outlets=5, first_day=100, last_day=100, on_last_day=5)
    narrow = StoryCounts(articles=5, dated=5, outlets=1, first_day=100, last_day=100, on_last_day=5)
    old = StoryCounts(articles=5, dated=5, outlets=5, first_day=97, last_day=98, on_last_day=2)
    assert score(wide, 100) > score(narrow, 100) > 0
    assert score(old, 100) < score(wide, 100) / 3
    assert is_breaking(wide) and not is_breaking(old)


def test_the_same_subject_days_later_is_a_new_story_in_the_same_thread(pipeline, db_path):
    flood = [article(pipeline, *item, published="2024-05-10") for item in FLOOD]
    receding = article(pipeline, "РИА", "Вода в Тулуне начала спадать",
                       "Уровень воды в реке Ия у Тулуна Иркутской области снизился на полтора метра. Жители "
                       "эвакуированных домов начали возвращаться, спасатели МЧС откачивают воду из подвалов. "
                       "Режим чрезвычайной ситуации пока не отменён.", published="2024-05-17")
    match = article(pipeline, *MATCH, published="2024-05-17")
    with open_store(db_path) as store:
        store.add(flood)
        store.cluster(flood)
        store.add([receding, match])
        store.cluster([receding, match])
        first, later, other = story_ids(store, [flood[0], receding, match])
        threads = {story.id: story.thread for story in store.stories(since="2024-05-01")}
    assert later != first, "a week later, outside the story's window"
    assert threads[later] == threads[first] == first
    assert threads[other] == other


def test_every_article_gets_a_category(call, meeting, pipeline):
    assert (call.category, meeting.category) == ("society", "society")
    assert article(pipeline, *MATCH).category == "sports"


@pytest.mark.parametrize("stories", [True, False])
def test_ingest_clusters_what_it_stores_unless_told_not_to(db_path, stories):
    from conftest import EXAMPLES

    from svodka.ingest import ingest
    from svodka.sources import ReadOptions, expand

    with open_store(db_path) as store:
        report = ingest(expand([str(EXAMPLES)], ReadOptions()), store, stories=stories)
        ids = [article.id for article in store.latest(2)]
        assert report.new == 2
        assert len(store.stories_of(ids)) == (2 if stories else 0)

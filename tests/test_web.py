"""The web pages through FastAPI's test client: every page answers on a store of short news texts,
shows what the store holds, links names to entity pages, speaks Russian plurals and dates, keeps
hostile scraped text as text, forbids scripts by its Content-Security-Policy, and gives each form
field a label."""
from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from news import news_store, store_with_hostile

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402

from svodka.api.app import Settings, create_app  # noqa: E402
from svodka.web.russian import day, plural  # noqa: E402


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    path = tmp_path_factory.mktemp("web") / "news.db"
    store_with_hostile(path)
    return TestClient(create_app(Settings(path)))


def html(client, url: str, status: int = 200) -> str:
    response = client.get(url)
    assert response.status_code == status, response.text[:500]
    assert response.headers["content-type"].startswith("text/html")
    assert "script-src" not in response.headers["content-security-policy"]  # default-src 'none' forbids scripts
    assert response.headers["content-security-policy"].startswith("default-src 'none'")
    return response.text


def every_page(client) -> list[str]:
    story = client.get("/api/stories").json()["items"][0]["id"]
    article = client.get("/api/articles?limit=50").json()["items"]
    putin = client.get("/api/entities/lookup?name=Путин").json()[0]["id"]
    return ["/", "/?day=2024-06-01", f"/stories/{story}", *[f"/articles/{a['id']}" for a in article],
            f"/entities/{putin}", "/pair?a=Путин&b=Лукашенко", "/search?q=Лукашенко", "/search?q=Белоруссия&sort=date",
            "/search?q=entity:Лукашенко", "/outlets", "/outlets/ТАСС", "/search", "/corrections"]


def test_every_page_answers_in_russian_with_a_title_and_labelled_fields(client):
    for url in every_page(client):
        page = html(client, url)
        checked = Structure()
        checked.feed(page)
        assert checked.title and checked.title.endswith("— svodka"), url
        assert checked.headings and checked.headings[0] == 1, url  # one h1 first
        assert all(b - a <= 1 for a, b in zip(checked.headings, checked.headings[1:])), (url, checked.headings)
        assert checked.fields <= checked.labels, (url, checked.fields - checked.labels)
        assert '<html lang="ru">' in page


def test_the_front_page_shows_stories_by_category_with_their_outlets(client):
    page = html(client, "/?day=2024-06-07")
    assert "Белорусские заводы нарастили выпуск тракторов" in page and "БелТА" in page
    assert re.search(r"1\xa0статья", page)


def test_a_story_an_article_and_an_entity_show_what_the_store_holds(client):
    putin = client.get("/api/entities/lookup?name=Путин").json()[0]["id"]
    page = html(client, f"/entities/{putin}")
    assert "Владимир Путин" in page and "<svg" in page and "Лукашенко" in page
    meeting = next(a for a in client.get("/api/articles?limit=50").json()["items"]
                   if a["title"] == "Путин встретился с Лукашенко в Петербурге")
    article = html(client, f"/articles/{meeting['id']}")
    assert 'class="mention" href="/entities/' in article and "Петербург" in article
    assert "ТАСС" in article
    pair = html(client, "/pair?a=Путин&b=Лукашенко")
    assert "сюжет: <a href=\"/stories/" in pair and "встреча" in pair  # their shared story and meeting
    search = html(client, "/search?q=Лукашенко")
    assert "<mark>Лукашенко</mark>" in search and "БелТА" in search  # a snippet's match, the outlet facet


def test_hostile_scraped_text_stays_text_on_every_page(client):
    hostile = next(a for a in client.get("/api/articles?limit=50").json()["items"] if a["title"].startswith("Заголовок"))
    urls = [*every_page(client), f"/articles/{hostile['id']}", "/search?q=совещание", "/outlets"]
    for url in urls:
        page = html(client, url)
        assert "<script" not in page.lower() and "<img" not in page.lower(), url
        assert 'href="javascript:' not in page.lower(), url
    article = html(client, f"/articles/{hostile['id']}")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in article and "{{ 7*7 }}" in article
    assert "javascript:alert(3)" in article and 'href="javascript' not in article  # shown, never a link


def test_links_from_articles_are_only_http_and_open_without_referrer(client):
    from svodka.web.pages import safe_url
    assert safe_url("https://example.org/a") == "https://example.org/a"
    assert safe_url("javascript:alert(1)") is None and safe_url(" JaVaScRiPt:alert(1)") is None
    assert safe_url("data:text/html,x") is None and safe_url(None) is None


def test_a_missing_page_is_a_page_and_the_api_stays_json(client):
    assert "нет статьи" in html(client, "/articles/nope", 404)
    assert client.get("/api/articles/nope").json()["detail"]
    assert html(client, "/stories/0", 404)
    assert html(client, "/entity?name=Никтоникогда", 404)


@pytest.mark.parametrize("number, words", [(1, "1\xa0статья"), (2, "2\xa0статьи"), (5, "5\xa0статей"), (11, "11\xa0статей"),
                                           (21, "21\xa0статья"), (112, "112\xa0статей"), (1004, "1\xa0004\xa0статьи")])
def test_plurals_as_russian_writes_them(number, words):
    assert plural(number, "статья", "статьи", "статей") == words


def test_dates_as_russian_writes_them():
    assert day("2026-12-04") == "4 декабря 2026" and day("2024-03-01T10:00:00+03:00") == "1 марта 2024"
    assert day(None) == "без даты"


class Structure(HTMLParser):
    """The title, heading levels in order, form fields (by id) and the ids labels point at."""

    def __init__(self):
        super().__init__()
        self.title, self.headings, self.fields, self.labels = "", [], set(), set()
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "title" and not self.title:  # the page's; an SVG's titles come later
            self._in_title = True
        elif re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        elif tag in ("input", "select", "textarea") and attrs.get("type") != "hidden":
            self.fields.add(attrs.get("id"))
        elif tag == "label":
            self.labels.add(attrs.get("for"))

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.title += data


def test_every_event_type_has_a_russian_name():
    from svodka.events.lexicon import KINDS
    from svodka.web.pages import EVENTS
    assert set(EVENTS) == set(KINDS)


def test_story_cards_say_what_the_full_stories_say(tmp_path):
    with news_store(tmp_path / "cards.db") as store:
        full = {story.id: story for story in store.stories()}
        cards = store.story_cards()
        assert [card.id for card in cards] == list(full) and cards
        for card in cards:
            story = full[card.id]
            assert (card.title, card.summary, card.category, card.breaking, card.first_seen, card.last_seen) == (
                story.title, story.summary, story.category, story.breaking, story.first_seen, story.last_seen)
            assert (card.thread, card.articles, card.outlet_count) == (story.thread, len(story.members), len(story.outlets))
            assert card.copies == sum(1 for member in story.members if member.duplicate_of)
            assert set(card.outlets) <= set(story.outlets) and len(card.outlets) == min(5, len(story.outlets))
            assert card.outlets == tuple(sorted(card.outlets, key=lambda outlet: -sum(
                member.outlet == outlet for member in story.members)))
        putin = [entity.id for entity in store.find_entities("Путин")]
        assert [card.id for card in store.story_cards(10, None, putin)] == [story.id for story in store.stories(10, None, putin)]


TOKEN = "an-editor-token-long-enough"


def test_corrections_on_the_pages_need_allow_edit_and_the_token(tmp_path):
    path = tmp_path / "edit.db"
    news_store(path).close()
    read_only = TestClient(create_app(Settings(path)))
    putin = read_only.get("/api/entities/lookup?name=Путин").json()[0]["id"]
    assert 'action="/edit/merge"' not in html(read_only, f"/entities/{putin}")
    assert read_only.post("/edit/merge", data={"entity": putin, "into": "Лукашенко", "token": TOKEN}).status_code == 405
    editing = TestClient(create_app(Settings(path, token=TOKEN, allow_edit=True)), follow_redirects=False)
    assert 'action="/edit/merge"' in html(editing, f"/entities/{putin}")
    lukashenko = editing.get("/api/entities/lookup?name=Лукашенко").json()[0]["id"]
    wrong = editing.post("/edit/merge", data={"entity": lukashenko, "into": "Путин", "token": "not-it"})
    assert wrong.status_code == 401 and "ключ" in wrong.text
    done = editing.post("/edit/merge", data={"entity": lukashenko, "into": "Путин", "token": TOKEN, "who": "Аня"})
    assert done.status_code == 303 and done.headers["location"] == f"/entities/{putin.replace(':', '%3A')}"
    facets = editing.get("/api/search?q=Белоруссия&facets=10").json()["facets"]["entities"]["PER"]
    assert [count["value"] for count in facets] == [putin]  # one person where there were two
    listed = html(editing, "/corrections")
    assert "Аня" in listed and "Александр Лукашенко" in listed and 'action="/edit/undo/1"' in listed
    undone = editing.post("/edit/undo/1", data={"token": TOKEN, "who": "Борис"})
    assert undone.status_code == 303
    facets = editing.get("/api/search?q=Белоруссия&facets=10").json()["facets"]["entities"]["PER"]
    assert {count["value"] for count in facets} == {putin, lukashenko}
    assert "отменено" in html(editing, "/corrections")
    assert editing.post("/edit/undo/1", data={"token": TOKEN}).status_code == 400  # undone already


def test_renaming_and_taking_a_mention_out_on_the_pages(tmp_path):
    path = tmp_path / "fix.db"
    news_store(path).close()
    editing = TestClient(create_app(Settings(path, token=TOKEN, allow_edit=True)), follow_redirects=False)
    putin = editing.get("/api/entities/lookup?name=Путин").json()[0]["id"]
    meeting = next(a for a in editing.get("/api/articles?limit=50").json()["items"] if a["title"].startswith("Путин"))
    for url in (f"/entities/{putin}", f"/articles/{meeting['id']}", "/corrections"):
        checked = Structure()
        checked.feed(html(editing, url))
        assert checked.fields <= checked.labels, (url, checked.fields - checked.labels)
    assert editing.post("/edit/rename", data={"entity": putin, "name": "В. В. Путин", "token": TOKEN}).status_code == 303
    assert "<h1>В. В. Путин</h1>" in html(editing, f"/entities/{putin}")
    mention = next(m for m in editing.get(f"/api/articles/{meeting['id']}").json()["mentions"] if m["entity"] == putin)
    taken = editing.post("/edit/unmention", data={"article": meeting["id"], "start": mention["start"],
                                                  "end": mention["end"], "token": TOKEN})
    assert taken.status_code == 303
    left = editing.get(f"/api/articles/{meeting['id']}").json()["mentions"]
    assert not any(m["start"] == mention["start"] and m["end"] == mention["end"] for m in left)
    listed = html(editing, "/corrections")
    assert "переименован" in listed and "не В. В. Путин" in listed
    assert editing.post("/edit/rename", data={"entity": putin, "name": "x", "token": "wrong"}).status_code == 401


def test_splitting_a_name_off_on_the_pages(tmp_path):
    path = tmp_path / "split.db"
    news_store(path).close()
    editing = TestClient(create_app(Settings(path, token=TOKEN, allow_edit=True)), follow_redirects=False)
    lukashenko = editing.get("/api/entities/lookup?name=Лукашенко").json()[0]
    alias = next(name for name in lukashenko["aliases"] if name != lukashenko["name"])
    assert f"<option>{alias}</option>" in html(editing, f"/entities/{lukashenko['id']}")
    done = editing.post("/edit/split", data={"entity": lukashenko["id"], "name": alias, "token": TOKEN})
    assert done.status_code == 303
    assert f"<h1>{alias}</h1>" in html(editing, done.headers["location"])
    assert "отделён" in html(editing, "/corrections")
    assert editing.post("/edit/undo/1", data={"token": TOKEN}).status_code == 303
    assert html(editing, done.headers["location"], 404)

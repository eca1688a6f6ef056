"""The web pages in a real browser: Debian's Chromium driven by Playwright (no browser download),
against `svodka serve` on a store of news texts and one hostile article. Clicks from the front page
to a story, an article, an entity, a pair timeline and a search narrowed by a facet; asserts what is
shown; no dialog or script runs; every request goes to 127.0.0.1; links are reachable by keyboard.
A screenshot of each page is kept in test-artifacts/screenshots/."""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import pytest
import news
from news import news_store, store_with_hostile

from svodka.store import open_store

CHROMIUM = os.environ.get("SVODKA_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
playwright_api = pytest.importorskip("playwright.sync_api", reason="browser tests need the playwright package")
if not CHROMIUM:
    pytest.skip("browser tests need Chromium (Debian: apt-get install chromium); .ci/run installs it",
                allow_module_level=True)

SHOTS = Path(__file__).resolve().parents[1] / "test-artifacts" / "screenshots"
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    path = tmp_path_factory.mktemp("browser") / "news.db"
    hostile = store_with_hostile(path)
    ingested = subprocess.run([sys.executable, "-m", "svodka", "ingest", str(EXAMPLES), "--db", str(path)],
                              capture_output=True, text=True)  # the two real articles svodka ships with
    assert ingested.returncode == 0, ingested.stderr
    with serving(path) as base:
        yield base, hostile


@contextmanager
def serving(path: Path, *options: str, env: dict | None = None):
    """`svodka serve` on the store at `path` and a free port, until the block ends; yields its address."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen([sys.executable, "-m", "svodka", "serve", "--db", str(path), "--port", str(port), *options],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.3)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(10)


@pytest.fixture(scope="module")
def browser():
    with playwright_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser):
    """A fresh page that records every request it makes and every dialog a script would open."""
    context = browser.new_context(locale="ru-RU")
    opened = context.new_page()
    opened.requests, opened.dialogs = [], []
    opened.on("request", lambda request: opened.requests.append(request.url))
    opened.on("dialog", lambda dialog: (opened.dialogs.append(dialog.message), dialog.dismiss()))
    yield opened
    context.close()


def shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def test_from_the_front_page_to_a_story_an_article_an_entity_a_pair_and_a_search(server, page):
    base, _ = server
    page.goto(f"{base}/?day=2024-06-01")
    shot(page, "front")
    assert page.locator("h1").inner_text().startswith("Главное")
    page.get_by_role("link", name="Путин встретился с Лукашенко в Петербурге").first.click()
    assert page.url.startswith(f"{base}/stories/")
    shot(page, "story")
    assert "ТАСС" in page.locator("main").inner_text()
    page.locator("section.outlet a").first.click()
    assert "/articles/" in page.url
    shot(page, "article")
    assert page.locator("a.mention").count() >= 3 and "Петербург" in page.locator(".text").inner_text()
    page.locator("a.mention", has_text="Путин").first.click()
    assert "/entities/" in page.url
    shot(page, "entity")
    assert page.locator("h1").inner_text() == "Владимир Путин"
    assert page.locator("svg.graph circle").count() >= 2
    page.locator("a", has_text="вместе во времени").first.click()
    assert "/pair?" in page.url
    shot(page, "pair")
    assert " и " in page.locator("h1").inner_text()
    page.goto(f"{base}/search?q=Белоруссия")
    shot(page, "search")
    found = page.locator("ol.hits > li").count()
    assert found >= 2 and page.locator("ol.hits mark").count() >= 1
    page.locator("aside.facets a", has_text="ТАСС").first.click()
    shot(page, "search-facet")
    assert page.locator("ol.hits > li").count() < found or "ТАСС" in page.locator("p.meta").first.inner_text()
    assert not page.dialogs
    assert all(url.startswith(base) for url in page.requests), [url for url in page.requests if not url.startswith(base)]


def test_a_real_article_reads_with_its_people_and_quotes_marked(server, page):
    base, _ = server
    page.goto(f"{base}/search?q=Ельцина")
    page.locator("ol.hits > li > a").first.click()
    shot(page, "real-article")
    text = page.locator(".text").inner_text()
    assert "Президентской библиотеке" in text and page.locator("a.mention", has_text="Путин").count() >= 1
    assert page.locator("mark.quote").count() >= 1 and page.locator(".text p.byline").count() == 1
    assert page.locator("dl.facts").inner_text().count("Взгляд") == 1
    page.locator("a.mention", has_text="Лукашенко").first.click()
    assert page.locator("h1").inner_text() == "Александр Лукашенко"
    assert not page.dialogs and all(url.startswith(base) for url in page.requests)


def test_hostile_text_is_shown_as_text_and_runs_nothing(server, page):
    base, hostile = server
    for url in (f"/articles/{hostile.id}", "/search?q=совещание", "/outlets", "/?day=2024-06-08"):
        page.goto(base + url)
        assert not page.dialogs, url
        assert page.locator("main img").count() == 0 and page.locator("script").count() == 0, url
    page.goto(f"{base}/articles/{hostile.id}")
    shot(page, "hostile-article")
    assert "<script>alert(1)</script>" in page.locator("h1").inner_text()
    assert page.locator("a[href^='javascript']").count() == 0
    assert all(url.startswith(base) for url in page.requests)


def test_links_are_reachable_by_keyboard(server, page):
    base, _ = server
    page.goto(f"{base}/search?q=Лукашенко")
    reached = set()
    for _ in range(12):
        page.keyboard.press("Tab")
        reached.add(page.evaluate("document.activeElement.tagName"))
    assert "A" in reached and "INPUT" in reached


TOKEN = "an-editor-token-long-enough"


@pytest.fixture(scope="module")
def editing_server(tmp_path_factory):
    path = tmp_path_factory.mktemp("editing") / "news.db"
    news_store(path).close()
    with serving(path, "--allow-edit", env={**os.environ, "SVODKA_TOKEN": TOKEN}) as base:
        yield base, path


def test_an_analyst_merges_two_entities_and_undoes_it(editing_server, page):
    base, path = editing_server
    page.goto(f"{base}/entity?name=Лукашенко")
    assert page.locator("h1").inner_text() == "Александр Лукашенко"
    merging = page.locator("form[action='/edit/merge']")
    merging.get_by_label("Это тот же, что").fill("Путин")
    merging.get_by_label("Кто правит").fill("Аня")
    merging.get_by_label("Ключ редактора").fill(TOKEN)
    merging.get_by_role("button", name="Объединить").click()
    shot(page, "merged-entity")
    assert page.locator("h1").inner_text() == "Владимир Путин"
    assert "Лукашенко" in page.get_by_text("Другие имена и формы").inner_text()
    with open_store(path) as store:  # the same articles ingested again: the merge holds
        assert store.add([news.article(key) for key in news.TEXTS]).new == ()
    page.goto(f"{base}/search?q=Белоруссия")
    people = page.locator("aside.facets").inner_text()
    assert "Владимир Путин" in people and "Александр Лукашенко" not in people
    page.goto(f"{base}/corrections")
    shot(page, "corrections")
    assert "Аня" in page.locator("main").inner_text()
    page.get_by_label("Ключ редактора").fill(TOKEN)
    page.get_by_role("button", name="Отменить").click()
    assert "отменено" in page.locator("main").inner_text()
    page.goto(f"{base}/search?q=Белоруссия")
    people = page.locator("aside.facets").inner_text()
    assert "Владимир Путин" in people and "Александр Лукашенко" in people
    assert not page.dialogs and all(url.startswith(base) for url in page.requests)

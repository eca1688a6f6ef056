"""The HTTP API through FastAPI's test client: every resource on a store of short news texts, the
same field names as the CLI's --json, pagination, JSON errors, hostile parameters, the write guard
(405 read-only, 401 without the token, 413 over the size limit), and the server bound to 127.0.0.1."""
from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from news import TEXTS, news_store

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402

from svodka.api.app import Settings, create_app, settle  # noqa: E402
from svodka.cli import main  # noqa: E402

TOKEN = "a-test-token-of-some-length"


@pytest.fixture(scope="module")
def store_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("api") / "news.db"
    news_store(path).close()
    return path


@pytest.fixture(scope="module")
def client(store_path):
    return TestClient(create_app(Settings(store_path)))


def get(client, url: str, status: int = 200):
    response = client.get(url)
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    return response.json()


def test_settling_loads_the_store_and_hides_what_lives_long_from_the_collector(store_path):
    import gc
    app = create_app(Settings(store_path))
    try:
        settle(app)
        assert gc.get_freeze_count() > 10_000  # the dictionaries and knowledge base, among others
        assert get(TestClient(app), "/api/search?q=Лукашенко")["total"] == 2
    finally:
        gc.unfreeze()


def test_stats_count_what_was_stored(client):
    assert get(client, "/api/stats")["articles"] == len(TEXTS)


def test_articles_page_by_page_without_overlap(client):
    first = get(client, "/api/articles?limit=3")
    rest = get(client, f"/api/articles?limit=3&offset={first['next_offset']}")
    assert first["next_offset"] == 3 and rest["next_offset"] is None
    ids = [item["id"] for item in first["items"] + rest["items"]]
    assert len(ids) == len(set(ids)) == len(TEXTS)


def test_an_article_comes_with_its_annotations_sources_and_story(client):
    (hit,) = get(client, "/api/search?q=трактор")["items"]
    found = get(client, f"/api/articles/{hit['id'][:8]}")  # a unique prefix is enough
    assert found["title"] == TEXTS["tractors"][0] and found["sources"] == ["tractors.txt"]
    assert found["story"] == hit["story"] is not None
    (quote,) = found["quotes"]
    assert found["text"][quote["start"]:quote["end"]] == quote["text"] == "Спрос растёт"
    assert any(m["normal"] == "Александр Лукашенко" for m in found["mentions"])


def test_an_entity_has_its_days_and_the_entities_around_it(client):
    (lukashenko,) = get(client, "/api/entities/lookup?name=Лукашенко")
    profile = get(client, f"/api/entities/{lukashenko['id']}")
    assert profile["articles"] == 2 and sum(day["count"] for day in profile["days"]) == profile["mentions"]
    assert {day["day"] for day in profile["days"]} == {"2024-06-01", "2024-06-07"}
    around = {item["name"]: item["articles"] for item in profile["cooccurring"]}
    assert around["Владимир Путин"] == 1
    graph = get(client, f"/api/entities/{lukashenko['id']}/graph")
    putin = next(node["id"] for node in graph["nodes"] if node["name"] == "Владимир Путин")
    assert {"source": min(putin, lukashenko["id"]), "target": max(putin, lukashenko["id"]), "kind": "cooccurrence",
            "event_type": None, "weight": 1} in graph["edges"]
    assert any(edge["kind"] == "event" and edge["event_type"] == "meeting" and edge["target"] == putin
               for edge in graph["edges"])


def test_quotes_events_stories_and_timelines(client):
    (quote,) = get(client, "/api/quotes?by=Лукашенко")["items"]
    assert quote["speaker_name"] == "Александр Лукашенко" and quote["article"]["outlet"] == "БелТА"
    assert [e["type"] for e in get(client, "/api/events?entity=Макрон")["items"]] == ["call"]
    stories = get(client, "/api/stories?since=2024-01-01&limit=50")["items"]
    assert len(stories) == len(TEXTS)
    story = get(client, f"/api/stories/{stories[0]['id']}")
    assert story["timeline"] and story["members"]
    items = get(client, "/api/timeline?entity=Путин&entity=Лукашенко")["items"]
    assert {item["kind"] for item in items} == {"event", "story"}
    assert all(item["date"] <= later["date"] for item, later in zip(items, items[1:]))


def test_search_with_entity_filters_facets_and_snippet_offsets(client):
    found = get(client, "/api/search?q=~белорусский&entity=Лукашенко&facets=5")
    assert found["total"] == 2 and {c["value"]: c["count"] for c in found["facets"]["outlets"]} == {"ТАСС": 1, "БелТА": 1}
    hit = found["items"][0]
    text = get(client, f"/api/articles/{hit['id']}")["text"]
    assert all(text[start:end].casefold().startswith("белорус") for start, end in hit["snippet"]["marks"])
    assert get(client, "/api/search?type=call")["total"] == 1
    assert get(client, "/api/search?speaker=Лукашенко&since=2024-06-06")["total"] == 1


@pytest.mark.parametrize("resource", ["quotes", "events", "stories"])
def test_field_names_are_those_of_the_cli_json(client, store_path, resource):
    printed = CliRunner().invoke(main, [resource, "--json", "--db", str(store_path)])
    cli_item = json.loads(printed.output.splitlines()[0])
    api_item = get(client, f"/api/{resource}?limit=1")["items"][0]
    assert set(api_item) == set(cli_item)


def test_story_lists_are_cards_and_a_story_pages_its_quotes_and_events(client, store_path):
    cards = get(client, "/api/stories?since=2024-01-01&limit=50")["items"]
    assert cards and all("members" not in card for card in cards)
    busiest = max(cards, key=lambda card: get(client, f"/api/stories/{card['id']}")["quote_count"])
    whole = get(client, f"/api/stories/{busiest['id']}")
    assert busiest["articles"] == len(whole["members"]) and busiest["outlet_count"] == len(whole["outlets"])
    said = get(client, f"/api/quotes?story={busiest['id']}&limit=100")["items"]
    assert len(said) == whole["quote_count"] > 0
    assert {quote["article"]["id"] for quote in said} <= {member["article_id"] for member in whole["members"]}
    assert get(client, f"/api/stories/{busiest['id']}?limit=1")["quotes"] == said[:1], "newest first, as /api/quotes"
    happened = get(client, f"/api/events?story={busiest['id']}&status=happened&status=planned&limit=100")["items"]
    assert {event["article"]["id"] for event in happened} <= {member["article_id"] for member in whole["members"]}
    for resource in ("quotes", "events"):
        assert get(client, f"/api/{resource}?story=999999", 404)["detail"] == "no story #999999"
        assert client.get(f"/api/{resource}?story=0").status_code == 422
    timeline = get(client, "/api/timeline?entity=Путин")["items"]
    assert all("members" not in item and "articles" in item for item in timeline if item["kind"] == "story")


@pytest.mark.parametrize("url, status", [
    ("/api/articles/nope", 404), ("/api/entities/nope", 404), ("/api/stories/999999", 404),
    ("/api/search?q=%22open", 400), ("/api/search?entity=Меркель", 404), ("/api/search?limit=0", 422),
    ("/api/search?since=yesterday", 422), ("/api/stories?since=2024-13-45", 422), ("/api/events?status=maybe", 422),
    ("/api/timeline", 422), ("/api/quotes?offset=-1", 422),
])
def test_errors_are_json_with_a_meaningful_status(client, url, status):
    assert isinstance(get(client, url, status)["detail"], str)


@pytest.mark.parametrize("value", ["'; DROP TABLE articles; --", "%", "_", "%_%", "NEAR(путин лукашенко)",
                                   "title:путин", "\" OR 1=1 --", "*", "путин)", "{body}: газ", "\\", "\x00"])
@pytest.mark.parametrize("parameter", ["q", "entity", "outlet", "category", "language", "type", "speaker"])
def test_injection_attempts_get_results_or_a_4xx_and_change_nothing(client, parameter, value):
    response = client.get("/api/search", params={parameter: value})
    assert response.status_code in (200, 400, 404, 422), response.text
    for url in ("/api/articles/", "/api/entities/", "/api/entities/lookup?name=", "/api/quotes?by="):
        assert client.get(url + value.replace("\x00", "")).status_code in (200, 400, 404, 405, 422)
    assert get(client, "/api/stats")["articles"] == len(TEXTS)


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_a_read_only_server_answers_every_write_with_405(client, method):
    for url in ("/api/articles", "/api/stats", "/api/entities/x"):
        assert getattr(client, method)(url).status_code == 405


def test_posting_articles_needs_the_token_and_keeps_to_the_size_limit(tmp_path):
    path = tmp_path / "posted.db"
    client = TestClient(create_app(Settings(path, allow_ingest=True, token=TOKEN, max_request_bytes=20_000)))
    document = json.dumps({"title": "Шольц прибыл в Варшаву", "text": "Канцлер Германии Олаф Шольц прибыл в "
                           "Варшаву с визитом.", "published": "2024-06-09", "url": "https://example.org/a"},
                          ensure_ascii=False).encode() + b"\n"
    headers = {"content-type": "application/x-ndjson"}
    assert client.post("/api/articles", content=document, headers=headers).status_code == 401
    assert client.post("/api/articles", content=document,
                       headers={**headers, "authorization": "Bearer wrong-token-xxxxxxxx"}).status_code == 401
    auth = {**headers, "authorization": f"Bearer {TOKEN}"}
    assert client.post("/api/articles", content=document * 2000, headers=auth).status_code == 413
    stored = client.post("/api/articles", content=document, headers=auth)
    assert stored.status_code == 200 and stored.json()["new"] == 1
    again = client.post("/api/articles", content=document, headers=auth).json()
    assert again["new"] == 0 and again["duplicate"] == 1
    assert get(client, "/api/search?q=Варшава")["total"] == 1
    assert client.delete("/api/articles").status_code == 405


def test_the_docs_page_and_its_assets_are_served_offline(client):
    page = client.get("/docs")
    assert page.status_code == 200 and "//cdn" not in page.text and "https://" not in page.text
    assert client.get("/static-offline-docs/swagger-ui-bundle.js").status_code == 200
    schema = client.get("/openapi.json").json()
    assert "/api/search" in schema["paths"] and "/api/entities/{entity_id}/graph" in schema["paths"]


def test_serve_refuses_a_missing_store_and_ingest_without_a_token(tmp_path, monkeypatch):
    monkeypatch.delenv("SVODKA_TOKEN", raising=False)
    missing = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "none.db")])
    assert missing.exit_code == 3 and "there is no store" in missing.output and not (tmp_path / "none.db").exists()
    tokenless = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "x.db"), "--allow-ingest"])
    assert tokenless.exit_code == 2 and "token" in tokenless.output


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.mark.skipif(not Path("/proc/net/tcp").exists(), reason="reads listening sockets from /proc/net/tcp (Linux)")
@pytest.mark.parametrize("workers", [[], ["--workers", "2"]])
def test_the_server_listens_on_127_0_0_1_only_by_default(store_path, workers):
    port = _free_port()
    server = subprocess.Popen([sys.executable, "-m", "svodka", "serve", "--db", str(store_path), "--port", str(port),
                               *workers], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        listening = _wait_for_listener(port)
        assert listening == ["0100007F"]  # 127.0.0.1, and no other address
        for _ in range(4):
            with socket.create_connection(("127.0.0.1", port), timeout=30) as connection:
                connection.sendall(b"GET /api/stats HTTP/1.0\r\n\r\n")
                assert b"200 OK" in connection.recv(100)
    finally:
        server.terminate()
        server.wait(10)


def test_several_workers_serve_only_a_read_only_store(store_path, monkeypatch):
    monkeypatch.setenv("SVODKA_TOKEN", TOKEN)
    refused = CliRunner().invoke(main, ["serve", "--db", str(store_path), "--allow-ingest", "--workers", "2"])
    assert refused.exit_code == 2 and "read-only" in refused.output


def _wait_for_listener(port: int, seconds: float = 30) -> list[str]:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = [line.split()[1].split(":")[0] for line in Path("/proc/net/tcp").read_text().splitlines()[1:]
                 if line.split()[1].endswith(f":{port:04X}") and line.split()[3] == "0A"]
        if found:
            return found
        time.sleep(0.2)
    raise AssertionError(f"nothing listens on port {port} after {seconds} s")

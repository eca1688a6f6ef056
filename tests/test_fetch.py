import gzip
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from svodka.errors import InputError
from svodka.records import Failure, RawDocument
from svodka.sources import read_inputs
from svodka.sources.base import ReadOptions
from svodka.sources.fetch import USER_AGENT, fetch

TITLE = "Мост через Волгу открыт"
PARAGRAPH = ("В пятницу в городе открыли движение по новому мосту через Волгу. Строительство заняло "
             "три года и обошлось городскому бюджету в двенадцать миллиардов рублей.")
PAGE = (f'<html><head><meta charset="windows-1251"><title>{TITLE}</title>'
        f'<meta property="og:site_name" content="Волжские вести"></head>'
        f"<body><article><h1>{TITLE}</h1><p>{PARAGRAPH}</p></article></body></html>").encode("cp1251")
FEED = f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Волжские вести</title>
<item><title>{TITLE}</title><link>https://vesti.example.ru/most</link>
<pubDate>Fri, 15 Mar 2024 10:00:00 +0300</pubDate><description>{PARAGRAPH}</description></item>
<item><title>Снегопад в Самаре</title><description>Коммунальщики вывели технику.</description></item>
</channel></rss>""".encode()

ROUTES = {
    "/feed": (200, "application/rss+xml; charset=utf-8", FEED),
    "/news/most": (200, "text/html", PAGE),
    "/news/most.html": (200, "application/octet-stream", PAGE),
    "/big": (200, "text/plain", b"x" * 50_000),
    "/empty": (200, "text/html", b""),
    "/forbidden": (403, "text/html", "<h1>Доступ запрещён</h1>".encode()),
}


class Handler(BaseHTTPRequestHandler):
    user_agents: list[str] = []

    def do_GET(self):
        Handler.user_agents.append(self.headers.get("User-Agent"))
        if self.path == "/old":
            return self.reply(301, "text/plain", b"", [("Location", "/news/most")])
        if self.path == "/slow":
            time.sleep(1.5)
            return self.reply(200, "text/plain", b"late")
        if self.path == "/gzipped":
            return self.reply(200, "text/plain", gzip.compress(b"y" * 50_000), [("Content-Encoding", "gzip")])
        if self.path == "/unsized":
            return self.reply(200, "text/plain", b"z" * 50_000, sized=False)
        status, content_type, body = ROUTES.get(self.path, (404, "text/html", b"<h1>Not Found</h1>"))
        self.reply(status, content_type, body)

    def reply(self, status, content_type, body, headers=(), sized=True):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        for name, value in headers:
            self.send_header(name, value)
        if sized:
            self.send_header("Content-Length", str(len(body)))
        else:
            self.send_header("Connection", "close")
        try:
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up on purpose: too slow, or too large

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()
    thread.join(timeout=5)


@pytest.fixture
def closed_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


OPTIONS = ReadOptions(timeout=5)


def test_fetch_returns_the_body_and_its_content_type(server):
    source = fetch(f"{server}/feed", OPTIONS)
    assert (source.source, source.data, source.content_type) == (
        f"{server}/feed", FEED, "application/rss+xml; charset=utf-8"
    )


def test_fetch_sends_its_user_agent(server):
    fetch(f"{server}/feed", OPTIONS)
    assert Handler.user_agents[-1] == USER_AGENT == "svodka/0.1"


def test_fetch_follows_redirects(server):
    source = fetch(f"{server}/old", OPTIONS)
    assert source.source == f"{server}/old" and source.data == PAGE


def test_fetch_decompresses_the_body(server):
    assert fetch(f"{server}/gzipped", OPTIONS).data == b"y" * 50_000


@pytest.mark.parametrize(
    "path, reason",
    [("/missing", "HTTP 404 Not Found"), ("/forbidden", "HTTP 403 Forbidden")],
)
def test_http_errors_are_input_errors(server, path, reason):
    with pytest.raises(InputError) as caught:
        fetch(f"{server}{path}", OPTIONS)
    assert (caught.value.source, caught.value.reason) == (f"{server}{path}", reason)


@pytest.mark.parametrize("path", ["/big", "/gzipped", "/unsized"])
def test_bodies_over_the_limit_are_refused(server, path):
    # the limit for a fetch is 20 articles: 20 * 1000 bytes here
    with pytest.raises(InputError, match="too large"):
        fetch(f"{server}{path}", ReadOptions(max_bytes=1000, timeout=5))


def test_connection_refused_is_an_input_error(closed_port):
    url = f"http://127.0.0.1:{closed_port}/feed"
    with pytest.raises(InputError, match="cannot fetch: ") as caught:
        fetch(url, OPTIONS)
    assert caught.value.source == url


def test_timeout_is_an_input_error(server):
    with pytest.raises(InputError, match="cannot fetch: no answer within 0.3 s"):
        fetch(f"{server}/slow", ReadOptions(timeout=0.3))


def test_invalid_url_is_an_input_error():
    with pytest.raises(InputError, match="cannot fetch: "):
        fetch("http://[::1", OPTIONS)


def test_read_inputs_reads_a_feed_url_as_a_feed(server):
    items = list(read_inputs([f"{server}/feed"], OPTIONS))
    assert [item.source for item in items] == [f"{server}/feed#1", f"{server}/feed#2"]
    assert items[0].title == TITLE and items[0].outlet == "Волжские вести"
    assert items[0].published == "2024-03-15"


@pytest.mark.parametrize("path", ["/news/most", "/news/most.html"])
def test_read_inputs_reads_an_html_url_as_a_page(server, path):
    [document] = read_inputs([f"{server}{path}"], OPTIONS)
    assert document == RawDocument(
        source=f"{server}{path}",
        text=f"{TITLE}\n\n{PARAGRAPH}",
        title=TITLE,
        url=f"{server}{path}",
        outlet="Волжские вести",
        lead="",
    )


def test_read_inputs_turns_a_bad_url_into_a_failure_and_goes_on(server):
    items = list(read_inputs([f"{server}/missing", f"{server}/empty", f"{server}/news/most"], OPTIONS))
    assert items[:2] == [Failure(f"{server}/missing", "HTTP 404 Not Found"), Failure(f"{server}/empty", "empty input")]
    assert isinstance(items[2], RawDocument)

import gzip
import io

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from svodka.errors import InputError
from svodka.records import Failure, RawDocument, Skipped
from svodka.sources import read_inputs
from svodka.sources.base import Input, ReadOptions
from svodka.sources.html import NO_ARTICLE
from svodka.sources.warc import read_warc

ARTICLES = {
    "https://vesti.example.ru/news/most": (
        "Мост через Волгу открыт",
        "В пятницу в городе открыли движение по новому мосту через Волгу. Строительство заняло "
        "три года и обошлось городскому бюджету в двенадцать миллиардов рублей.",
        "Первые автомобили проехали по мосту в полдень, общественный транспорт пустят с понедельника.",
    ),
    "https://www.kurier.example.org/metro": (
        "Метро продлят до аэропорта",
        "Мэрия утвердила проект продления метро. Две новые станции откроют к 2028 году, "
        "а пассажиропоток вырастет на треть, считают в департаменте транспорта.",
        "Стоимость работ оценивается в сорок миллиардов рублей, подрядчика выберут летом.",
    ),
}
NO_ARTICLE_URL = "https://vesti.example.ru/search"


def article_page(title: str, *paragraphs: str, site_name: str | None = "Волжские вести") -> str:
    site = f'<meta property="og:site_name" content="{site_name}">' if site_name else ""
    body = "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)
    return (f'<html><head><meta charset="utf-8"><title>{title}</title>{site}</head>'
            f"<body><article><h1>{title}</h1>{body}</article></body></html>")


def response(writer, url, body: bytes, status="200 OK", content_type="text/html; charset=utf-8"):
    headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers))


def request(writer, url):
    headers = StatusAndHeaders(f"GET {url} HTTP/1.1", [("User-Agent", "тест")], is_http_request=True)
    writer.write_record(writer.create_warc_record(url, "request", payload=io.BytesIO(b""), http_headers=headers))


def mixed_archive(gzip: bool, with_last_record: bool = True) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip)
    writer.write_record(writer.create_warcinfo_record("crawl.warc", {"software": "тест"}))
    first, second = ARTICLES
    request(writer, first)
    response(writer, first, article_page(*ARTICLES[first]).encode())
    writer.write_record(writer.create_warc_record(first, "metadata", payload=io.BytesIO(b"outlinks: 3"),
                                                  warc_content_type="application/warc-fields"))
    response(writer, "https://vesti.example.ru/logo.png", b"\x89PNG\r\n\x1a\n", content_type="image/png")
    response(writer, "https://vesti.example.ru/old", b"<html>not found</html>", status="404 Not Found")
    response(writer, NO_ARTICLE_URL, b"<html><body><nav><a href='/'>Home</a></nav></body></html>")
    request(writer, second)
    if with_last_record:
        page = article_page(*ARTICLES[second], site_name=None).encode("cp1251", "xmlcharrefreplace")
        response(writer, second, page.replace(b"utf-8", b"windows-1251"), content_type="text/html")
    return buffer.getvalue()


def arc_record(url: str, content_type: str, payload: bytes) -> bytes:
    return f"{url} 192.0.2.1 20240315000000 {content_type} {len(payload)}\n".encode() + payload + b"\n"


def arc_archive() -> bytes:
    version = b"1 0 svodka\nURL IP-address Archive-date Content-type Archive-length\n"
    first = next(iter(ARTICLES))
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
    return arc_record("filedesc://crawl.arc", "text/plain", version) + arc_record(
        first, "text/html", http + article_page(*ARTICLES[first]).encode()
    )


def read(data: bytes, source="crawl.warc.gz", **options):
    return list(read_warc(Input(source=source, data=data), ReadOptions(**options)))


@pytest.mark.parametrize("gzip", [True, False], ids=["warc.gz", "warc"])
def test_html_responses_become_documents_and_the_rest_is_counted(gzip):
    items = read(mixed_archive(gzip))
    documents = [item for item in items if isinstance(item, RawDocument)]
    first, second = ARTICLES
    assert documents[0] == RawDocument(
        source=f"crawl.warc.gz#{first}",
        text="\n\n".join(ARTICLES[first]),
        title=ARTICLES[first][0],
        url=first,
        outlet="Волжские вести",
        lead="",
    )
    assert documents[1].source == f"crawl.warc.gz#{second}"
    assert documents[1].title == ARTICLES[second][0]  # read in its declared cp1251
    assert documents[1].outlet in ("kurier.example.org", "example.org")  # no site name: the host
    assert [item for item in items if isinstance(item, Failure)] == [
        Failure(f"crawl.warc.gz#{NO_ARTICLE_URL}", NO_ARTICLE)
    ]
    assert sorted((item for item in items if isinstance(item, Skipped)), key=str) == sorted([
        Skipped("crawl.warc.gz", "warcinfo record, not a response", 1),
        Skipped("crawl.warc.gz", "request record, not a response", 2),
        Skipped("crawl.warc.gz", "metadata record, not a response", 1),
        Skipped("crawl.warc.gz", "not an HTML response", 1),
        Skipped("crawl.warc.gz", "HTTP status 404, not 200", 1),
    ], key=str)


def test_skip_counts_come_after_the_documents():
    items = read(mixed_archive(gzip=True))
    kinds = [type(item).__name__ for item in items]
    assert kinds.index("Skipped") > max(i for i, kind in enumerate(kinds) if kind != "Skipped")


def complete_documents(data: bytes) -> list[RawDocument]:
    return [item for item in read(data) if isinstance(item, RawDocument)]


@pytest.mark.parametrize("gzip", [True, False], ids=["warc.gz", "warc"])
@pytest.mark.parametrize("where", [0.05, 0.5, 0.95])
def test_truncated_archive_gives_the_records_before_the_cut_then_a_failure(gzip, where):
    head, full = mixed_archive(gzip, with_last_record=False), mixed_archive(gzip)
    items = read(full[: len(head) + int((len(full) - len(head)) * where)])
    documents = [item for item in items if isinstance(item, RawDocument)]
    assert [document.source for document in documents] == [f"crawl.warc.gz#{next(iter(ARTICLES))}"]
    [failure] = [item for item in items if isinstance(item, Failure) and item.source == "crawl.warc.gz"]
    assert failure.reason.startswith("truncated or damaged WARC after 8 records: ")
    assert sum(item.count for item in items if isinstance(item, Skipped)) == 6


@pytest.mark.parametrize("gzip", [True, False], ids=["warc.gz", "warc"])
def test_archive_cut_between_records_reads_as_a_shorter_archive(gzip):
    items = read(mixed_archive(gzip, with_last_record=False))
    assert sum(isinstance(item, RawDocument) for item in items) == 1
    assert not any(isinstance(item, Failure) and item.source == "crawl.warc.gz" for item in items)


def test_gzip_cut_in_its_trailer_is_reported_after_the_complete_records():
    items = read(mixed_archive(gzip=True)[:-4])
    assert sum(isinstance(item, RawDocument) for item in items) == 2
    assert Failure("crawl.warc.gz", "truncated or damaged WARC after 9 records: "
                                    "Compressed file ended before the end-of-stream marker was reached") in items


def test_garbage_in_the_middle_is_damage_after_the_records_before_it():
    data = mixed_archive(gzip=False)
    cut = data.index(b"WARC/1.0", data.index(b"metadata"))
    items = read(data[:cut] + b"this is no WARC record\r\n\r\n" + data[cut:], source="crawl.warc")
    assert isinstance(items[0], RawDocument)
    assert Failure("crawl.warc", "truncated or damaged WARC after 4 records: Invalid WARC record, "
                                 "first line: this is no WARC record") in items


@pytest.mark.parametrize("data", [b"<html><body>not an archive</body></html>", b"\x1f\x8b\x08\x00garbage"])
def test_input_that_is_no_archive_is_an_input_error(data):
    with pytest.raises(InputError, match="not a readable WARC archive"):
        read(data)


def test_empty_archive_is_an_input_error():
    with pytest.raises(InputError, match="empty input"):
        read(b"")


def test_record_over_the_size_limit_fails_alone():
    items = read(mixed_archive(gzip=True), max_bytes=300)
    failures = [item for item in items if isinstance(item, Failure) and "too large" in item.reason]
    assert [failure.source for failure in failures] == [f"crawl.warc.gz#{url}" for url in ARTICLES]
    assert all("too large" in failure.reason for failure in failures)


@pytest.mark.parametrize("compress", [False, True], ids=["arc", "arc.gz"])
def test_arc_files_are_read_too(compress):
    data = gzip.compress(arc_archive()) if compress else arc_archive()
    items = read(data, source="crawl.arc")
    assert [type(item) for item in items] == [RawDocument, Skipped]
    assert items[0].title == next(iter(ARTICLES.values()))[0]
    assert items[1] == Skipped("crawl.arc", "arc_header record, not a response", 1)


def test_read_inputs_dispatches_warc_files(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(mixed_archive(gzip=True))
    items = list(read_inputs([str(path)]))
    assert sum(isinstance(item, RawDocument) for item in items) == 2
    assert sum(item.count for item in items if isinstance(item, Skipped)) == 6

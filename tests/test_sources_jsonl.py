import json

import pytest

from svodka.errors import InputError
from svodka.records import Failure, RawDocument
from svodka.sources import read_inputs
from svodka.sources.base import Input, ReadOptions
from svodka.clean.dates import iso_date
from svodka.sources.jsonl import read_jsonl

BODY = "Центральный банк сохранил ключевую ставку на уровне 16 процентов годовых."


def line(**record) -> str:
    return json.dumps(record, ensure_ascii=False)


def read(data: bytes, source="dump.jsonl", **options):
    return list(read_jsonl(Input(source=source, data=data), ReadOptions(**options)))


def read_lines(*lines: str, **options):
    return read(("\n".join(lines) + "\n").encode("utf-8"), **options)


def test_reads_every_field():
    record = line(
        title="ЦБ сохранил ставку",
        text=BODY,
        url="https://finance.example.ru/cb",
        published="2024-03-22T13:30:00+03:00",
        outlet="Финансовые вести",
        authors=["Мария Иванова", "Олег Смирнов"],
    )
    assert read_lines(record) == [
        RawDocument(
            source="dump.jsonl:1",
            text=f"ЦБ сохранил ставку\n\n{BODY}",
            title="ЦБ сохранил ставку",
            url="https://finance.example.ru/cb",
            published="2024-03-22",
            outlet="Финансовые вести",
            authors=("Мария Иванова", "Олег Смирнов"),
        )
    ]


ALIASES = {
    "body/headline/link/date": (
        dict(body=BODY, headline="Ставка", link="https://a.example.ru/1", date="22.03.2024"),
        dict(title="Ставка", url="https://a.example.ru/1", published="2024-03-22"),
    ),
    "content/pubDate rfc 2822/site": (
        dict(content=BODY, pubDate="Fri, 22 Mar 2024 13:30:00 +0300", site="Коммерсантъ"),
        dict(published="2024-03-22", outlet="Коммерсантъ"),
    ),
    "article/published_at unix/publisher": (
        dict(article=BODY, published_at=1711103400, publisher="РБК"),
        dict(published="2024-03-22", outlet="РБК"),
    ),
    "time in milliseconds/site_name": (
        dict(text=BODY, time="1711103400000", site_name="Интерфакс"),
        dict(published="2024-03-22", outlet="Интерфакс"),
    ),
    "source object/author string": (
        dict(text=BODY, source={"id": "tass", "name": "ТАСС"}, author="Анна Петрова, Иван Сидоров"),
        dict(outlet="ТАСС", authors=("Анна Петрова", "Иван Сидоров")),
    ),
    "unreadable date": (
        dict(text=BODY, date="вчера вечером"),
        dict(published=None),
    ),
}


@pytest.mark.parametrize("record, expected", ALIASES.values(), ids=ALIASES.keys())
def test_field_aliases(record, expected):
    [document] = read_lines(line(**record))
    for field, value in expected.items():
        assert getattr(document, field) == value
    assert document.text.endswith(BODY)


def test_bad_lines_fail_alone_and_the_rest_is_read():
    data = b"\n".join(
        [
            line(title="Первая", text="Текст первой новости.").encode(),
            '{"title": "Вторая" "text": "x"}'.encode(),
            b"",
            b"[1, 2, 3]",
            line(title="Без текста").encode(),
            '{"text": "битая кодировка'.encode() + "\u0439".encode("cp1251") + b'"}',
            line(title="Последняя", body="Текст последней новости.").encode(),
        ]
    )
    items = read(data)
    assert [type(item).__name__ for item in items] == [
        "RawDocument", "Failure", "Failure", "Failure", "Failure", "RawDocument"
    ]
    assert items[1] == Failure("dump.jsonl:2", "invalid JSON (Expecting ',' delimiter at column 20)")
    assert items[2] == Failure("dump.jsonl:4", "not a JSON object but an array")
    assert items[3].source == "dump.jsonl:5" and items[3].reason.startswith("no text")
    assert items[4].source == "dump.jsonl:6" and "invalid UTF-8" in items[4].reason
    assert items[5].source == "dump.jsonl:7" and items[5].title == "Последняя"


def test_truncated_dump_reads_every_whole_line_then_fails_the_cut_one():
    data = (line(text="Первая новость.") + "\n" + line(text="Вторая новость, обрезанная")).encode()
    items = read(data[:-10])
    assert items[0] == RawDocument(source="dump.jsonl:1", text="Первая новость.")
    assert items[1].source == "dump.jsonl:2"
    assert items[1].reason.startswith("invalid JSON (Unterminated string")
    assert items[1].reason.endswith("the input ends inside this line, so it is probably truncated")


def test_encoding_errors_replace_reads_a_line_with_bad_bytes():
    data = b'{"text": "\xd0\x9f\xd1\x80\xd0\xb8\xd0\xb2\xd0\xb5\xd1\x82 \xff"}\n'
    [document] = read(data, encoding_errors="replace")
    assert document.text == "Привет \ufffd"


def test_field_mapping_overrides_the_aliases():
    record = line(text="служебное поле", body_text=BODY, meta={"date": "2024-03-22"}, headline="Ставка")
    [document] = read_lines(record, jsonl_fields={"text": "body_text", "published": "meta.date"})
    assert document.text == f"Ставка\n\n{BODY}"
    assert document.published == "2024-03-22"


def test_field_mapping_to_a_missing_key_fails_the_line():
    [failure] = read_lines(line(text=BODY), jsonl_fields={"text": "body_text"})
    assert failure == Failure("dump.jsonl:1", "no text (looked for body_text)")


def test_unknown_field_in_the_mapping_is_an_input_error():
    with pytest.raises(InputError, match="unknown field 'txt'"):
        read_lines(line(text=BODY), jsonl_fields={"txt": "body"})


def test_text_that_starts_with_the_title_is_kept_as_it_is():
    [document] = read_lines(line(title="Ставка", text=f"Ставка\n\n{BODY}"))
    assert document.text == f"Ставка\n\n{BODY}"


def test_html_in_the_text_is_made_plain():
    [document] = read_lines(line(text="<p>Первый абзац.</p><p>Второй&nbsp;абзац.</p>"))
    assert document.text == "Первый абзац.\n\nВторой абзац."


@pytest.mark.parametrize("data", [b"", b"\n\n  \n"])
def test_empty_input_is_an_input_error(data):
    with pytest.raises(InputError, match="empty input"):
        read(data)


def test_line_over_the_size_limit_fails_alone():
    long_line = line(text="очень длинная новость " * 200).encode()
    data = long_line + b"\n" + line(text="Короткая новость.").encode() + b"\n"
    items = read(data, max_bytes=1000)
    assert items[0].source == "dump.jsonl:1" and "too large" in items[0].reason
    assert items[1] == RawDocument(source="dump.jsonl:2", text="Короткая новость.")


def test_a_dump_bigger_than_the_article_limit_is_streamed(tmp_path):
    path = tmp_path / "big.jsonl"
    path.write_text("".join(line(text=f"Новость номер {n}.") + "\n" for n in range(2000)), encoding="utf-8")
    items = list(read_jsonl(Input(source=str(path), path=path), ReadOptions(max_bytes=1000)))
    assert len(items) == 2000 and all(isinstance(item, RawDocument) for item in items)
    assert items[-1].text == "Новость номер 1999."


def test_byte_order_mark_on_the_first_line_is_ignored():
    [document] = read(b"\xef\xbb\xbf" + line(text=BODY).encode())
    assert document.text == BODY


def test_read_inputs_dispatches_jsonl_by_suffix_and_by_content(tmp_path):
    (tmp_path / "a.ndjson").write_text(line(text=BODY), encoding="utf-8")
    (tmp_path / "b").write_text(line(text=BODY), encoding="utf-8")
    items = list(read_inputs([str(tmp_path / "a.ndjson"), str(tmp_path / "b")]))
    assert [item.source for item in items] == [f"{tmp_path / 'a.ndjson'}:1", f"{tmp_path / 'b'}:1"]


@pytest.mark.parametrize(
    "value, day",
    [
        ("2024-03-22", "2024-03-22"),
        ("2024-03-22T23:30:00-05:00", "2024-03-22"),
        ("2024-03-22 13:30", "2024-03-22"),
        ("22.03.2024", "2024-03-22"),
        ("22.03.2024 13:30", "2024-03-22"),
        ("Fri, 22 Mar 2024 13:30:00 +0300", "2024-03-22"),
        (1711103400, "2024-03-22"),
        (1711103400.5, "2024-03-22"),
        ("1711103400", "2024-03-22"),
        (1711103400000, "2024-03-22"),
        ("2024-13-45", None),
        ("31.02.2024", None),
        ("вчера", None),
        ("", None),
        (2024, None),
        (True, None),
        (None, None),
        ({"date": "2024-03-22"}, None),
    ],
)
def test_iso_date(value, day):
    assert iso_date(value) == day


def test_a_summary_is_the_lead_and_stands_after_the_title():
    lead = "Регулятор не стал менять ставку третий раз подряд."
    [document] = read_lines(line(title="ЦБ сохранил ставку", text=BODY, summary=lead))
    assert document.lead == lead
    assert document.text == f"ЦБ сохранил ставку\n\n{lead}\n\n{BODY}"
    [same] = read_lines(line(title="ЦБ сохранил ставку", text=f"{lead}\n\n{BODY}", summary=lead))
    assert same.text == document.text

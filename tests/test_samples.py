"""The two founding examples, read exactly as the foundation issue says."""

import svodka
from conftest import CALL, MEETING


def texts(article, kind):
    return [span.of(article.text) for span in article.spans_of(kind)]


def test_call_title_is_the_repeated_line(call):
    title = ("Лукашенко и Путин обсудили двустороннее сотрудничество, Нагорный Карабах и ситуацию "
             "в Кыргызстане")
    assert call.title == title
    assert texts(call, "title") == [title, title]


def test_call_body_runs_from_first_paragraph_to_press_service(call):
    body = texts(call, "body")
    assert body[0].startswith("Президент Беларуси Александр Лукашенко провел сегодня")
    assert body[-1].endswith("– добавили в пресс-службе Президента Беларуси.")


def test_call_sidebar_is_chrome(call):
    chrome = "\n".join(texts(call, "chrome"))
    start = call.text.index("Последние новости")
    assert all(span.start >= start for span in call.spans_of("chrome"))
    assert chrome.startswith("Последние новости") and chrome.endswith("Рекомендуем")
    assert "Сергей Дикун" not in call.body()


def test_call_metadata(call):
    assert call.cited == ("БЕЛТА", "пресс-служба Президента Беларуси")
    assert call.authors == ()
    assert call.lead is None
    assert call.outlet is None
    assert call.published is None  # the September 2025 dates are sidebar items
    assert call.language == "ru"


def test_meeting_head(meeting):
    assert meeting.title == "Путин встретился с Лукашенко в Петербурге"
    assert meeting.lead == "Путин: Россия и Белоруссия очень плотно работают между собой"
    assert texts(meeting, "byline") == ["Tекст: Дарья Григоренко"]


def test_meeting_author_read_through_latin_t(meeting):
    assert meeting.authors == ("Дарья Григоренко",)


def test_meeting_body_from_first_paragraph_to_end(meeting):
    body = meeting.spans_of("body")
    assert body[0].of(meeting.text).startswith("Беседа прошла в формате тет-а-тет")
    assert body[-1].end == len(meeting.text.rstrip())
    assert "Григоренко" not in meeting.body()
    assert not meeting.spans_of("chrome")


def test_meeting_metadata(meeting):
    assert meeting.outlet == "Взгляд"  # the editor's note says "ВЗГЛЯД": one canonical name per publication
    assert meeting.cited == ("ТАСС", "РИА Новости")
    assert meeting.published is None
    assert meeting.language == "ru"


def test_text_is_the_file_as_read(call, meeting):
    assert call.text == CALL.read_text(encoding="utf-8")
    assert meeting.text == MEETING.read_text(encoding="utf-8")


def test_spans_are_ordered_and_disjoint(call, meeting):
    for article in (call, meeting):
        ends = [0] + [span.end for span in article.spans]
        assert all(span.start >= end for span, end in zip(article.spans, ends))
        assert all(span.of(article.text) == span.of(article.text).strip() for span in article.spans)


def test_round_trips_through_json(meeting):
    assert svodka.Article.from_dict(meeting.to_dict()) == meeting

import pytest

from svodka.errors import InputError
from svodka.records import Failure, RawDocument
from svodka.sources import read_inputs
from svodka.sources.base import Input, ReadOptions, compose_text
from svodka.sources.html import NO_ARTICLE, html_document, html_to_text, read_html

TITLE = "Мэрия открыла новый мост через Волгу"
PARAGRAPHS = (
    "В пятницу в городе открыли движение по новому мосту через Волгу. Строительство заняло "
    "три года и обошлось городскому бюджету в двенадцать миллиардов рублей.",
    "По словам мэра, мост позволит разгрузить центр города и сократить время в пути для жителей "
    "левобережья почти вдвое. Первые автомобили проехали по мосту в полдень.",
    "Движение общественного транспорта по мосту начнётся с понедельника, сообщили в "
    "департаменте транспорта городской администрации.",
)
META_CHARSETS = {
    "meta charset": '<meta charset="{}">',
    "http-equiv": '<meta http-equiv="Content-Type" content="text/html; charset={}">',
}


def page(charset_tag='<meta charset="utf-8">', head="", paragraphs=PARAGRAPHS):
    body = "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)
    return f"""<!DOCTYPE html><html lang="ru"><head>{charset_tag}
<title>{TITLE} — Волжские вести</title>
<meta property="og:title" content="{TITLE}">
<meta property="og:site_name" content="Волжские вести">
<meta name="author" content="Анна Петрова; Иван Сидоров">
<meta property="article:published_time" content="2024-03-15T10:20:00+03:00">
<link rel="canonical" href="https://vesti.example.ru/news/most">{head}
</head><body><nav><a href="/">Главная</a> <a href="/news">Новости</a> <a href="/sport">Спорт</a></nav>
<article><h1>{TITLE}</h1>{body}</article>
<footer>© Волжские вести, 2024. Все права защищены.</footer></body></html>"""


def read_one(data: bytes, source="news.html", content_type=None, **options):
    items = list(read_html(Input(source=source, data=data, content_type=content_type), ReadOptions(**options)))
    assert len(items) == 1
    return items[0]


def test_reads_the_article_and_its_metadata():
    document = read_one(page().encode())
    assert document == RawDocument(
        source="news.html",
        text="\n\n".join((TITLE, *PARAGRAPHS)),
        title=TITLE,
        url="https://vesti.example.ru/news/most",
        published="2024-03-15",
        outlet="Волжские вести",
        authors=("Анна Петрова", "Иван Сидоров"),
        lead="",  # the page shows no standfirst: none is guessed from the text
    )


def test_title_is_addressable_at_the_start_of_the_text():
    document = read_one(page().encode())
    assert document.text[: len(document.title)] == document.title
    assert document.text[len(document.title) : len(document.title) + 2] == "\n\n"


def test_navigation_and_footer_are_left_out():
    text = read_one(page().encode()).text
    assert "Главная" not in text and "Все права защищены" not in text


@pytest.mark.parametrize("encoding", ["windows-1251", "koi8-r"])
@pytest.mark.parametrize("form", META_CHARSETS)
def test_single_byte_page_is_read_in_its_declared_charset(encoding, form):
    data = page(META_CHARSETS[form].format(encoding)).encode(encoding, "xmlcharrefreplace")
    assert read_one(data).text == read_one(page().encode()).text


def test_declared_charset_that_is_wrong_does_not_garble_utf8():
    document = read_one(page('<meta charset="windows-1251">').encode("utf-8"))
    assert document.title == TITLE


def test_charset_from_the_http_header_wins_over_guessing():
    data = page(charset_tag="").encode("koi8-r", "xmlcharrefreplace")
    document = read_one(data, source="https://vesti.example.ru/most", content_type="text/html; charset=koi8-r")
    assert document.title == TITLE


def test_undeclared_cp1251_page_is_guessed():
    assert read_one(page(charset_tag="").encode("cp1251")).title == TITLE


def test_url_input_keeps_its_url():
    document = read_one(page().encode(), source="https://mirror.example.org/most?utm=1")
    assert document.url == "https://mirror.example.org/most?utm=1"


def test_outlet_falls_back_to_the_host_of_the_url():
    html = page().replace('<meta property="og:site_name" content="Волжские вести">', "")
    html = html.replace(" — Волжские вести", "")
    document = html_document(html.encode(), "x", "https://www.vesti.example.ru/most", ReadOptions())
    assert document.outlet in ("vesti.example.ru", "example.ru")


def test_page_without_a_title_gives_the_body_alone():
    html = page().replace(f"<title>{TITLE} — Волжские вести</title>", "")
    html = html.replace(f'<meta property="og:title" content="{TITLE}">', "").replace(f"<h1>{TITLE}</h1>", "")
    document = read_one(html.encode())
    assert document.title is None
    assert document.text == "\n\n".join(PARAGRAPHS)


@pytest.mark.parametrize("fraction", [0.75, 0.85, 0.95])
def test_truncated_page_gives_what_was_there(fraction):
    data = page().encode()
    document = read_one(data[: int(len(data) * fraction)])
    assert document.title == TITLE
    assert PARAGRAPHS[0] in document.text


BROKEN = {
    "unclosed tags": f"<html><body><article><h1>{TITLE}<p>{PARAGRAPHS[0]}<p>{PARAGRAPHS[1]}",
    "stray closing tags": f"</div></span><html><body><p>{PARAGRAPHS[0]}</p></div></div><p>{PARAGRAPHS[1]}</p>",
    "cut inside a tag": f"<html><body><p>{PARAGRAPHS[0]}</p><p>{PARAGRAPHS[1]}</p><p class=\"lea",
    "cut inside an entity": f"<html><body><p>{PARAGRAPHS[0]}</p><p>{PARAGRAPHS[1]} &laq",
    "xml declaration": f'<?xml version="1.0" encoding="utf-8"?><html><body><p>{PARAGRAPHS[0]}</p></body></html>',
}


@pytest.mark.parametrize("html", BROKEN.values(), ids=BROKEN.keys())
def test_broken_html_does_not_crash(html):
    document = read_one(html.encode())
    assert "Волгу" in document.text


NO_ARTICLE_PAGES = {
    "navigation only": '<html><head><title>Вести</title></head><body><nav><a href="/">Главная</a></nav></body></html>',
    "empty body": "<html><head><title>Пусто</title></head><body></body></html>",
    "scripts only": "<html><head><title>Пусто</title></head><body><script>var x = 1;</script></body></html>",
    "a login form": "<html><body><form><input name=login><button>Войти</button></form></body></html>",
}


@pytest.mark.parametrize("html", NO_ARTICLE_PAGES.values(), ids=NO_ARTICLE_PAGES.keys())
def test_page_without_an_article_is_an_input_error(html):
    with pytest.raises(InputError) as caught:
        read_one(html.encode())
    assert caught.value.source == "news.html"
    assert caught.value.reason == NO_ARTICLE


def test_empty_file_is_an_input_error():
    with pytest.raises(InputError, match="empty input"):
        read_one(b"  \n")


def test_page_over_the_size_limit_is_refused():
    with pytest.raises(InputError, match="too large"):
        read_one(page().encode(), max_bytes=1000)


@pytest.mark.parametrize(
    "fragment, text",
    [
        ("<p>Первый абзац.</p><p>Второй абзац.</p>", "Первый абзац.\n\nВторой абзац."),
        ("Строка<br>вторая строка", "Строка\nвторая строка"),
        ("Вступление<p>абзац</p>хвост", "Вступление\n\nабзац\n\nхвост"),
        ("<p>Цена&nbsp;— 100&nbsp;рублей &laquo;без скидки&raquo;</p>", "Цена — 100 рублей «без скидки»"),
        ("<div><b>Жирный</b>   и   <i>курсив</i></div><script>alert(1)</script>", "Жирный и курсив"),
        ("<ul><li>раз</li><li>два</li></ul>", "раз\n\nдва"),
        ("", ""),
        ("просто текст", "просто текст"),
    ],
)
def test_html_to_text(fragment, text):
    assert html_to_text(fragment) == text


@pytest.mark.parametrize(
    "title, body, text",
    [
        (None, "Текст.", "Текст."),
        ("Заголовок", "Текст.", "Заголовок\n\nТекст."),
        ("Заголовок", "Заголовок\n\nТекст.", "Заголовок\n\nТекст."),
        ("Путин", "Путин встретился с Лукашенко.", "Путин\n\nПутин встретился с Лукашенко."),
    ],
)
def test_compose_text(title, body, text):
    assert compose_text(title, body) == text


def test_read_inputs_reads_a_folder_mixing_kinds(tmp_path):
    (tmp_path / "a.txt").write_text("Заметка о погоде: в Москве ожидается снег.", encoding="utf-8")
    (tmp_path / "b.html").write_text(page(), encoding="utf-8")
    (tmp_path / "c.jsonl").write_text(
        '{"title": "Курс рубля", "text": "Рубль укрепился к доллару."}\n'
        '{"title": "Погода", "text": "В Петербурге дожди."}\n',
        encoding="utf-8",
    )
    (tmp_path / "notes.md").write_text("не читается", encoding="utf-8")
    items = list(read_inputs([str(tmp_path)]))
    assert [item.source for item in items] == [
        str(tmp_path / "a.txt"), str(tmp_path / "b.html"), f"{tmp_path / 'c.jsonl'}:1", f"{tmp_path / 'c.jsonl'}:2"
    ]
    assert all(isinstance(item, RawDocument) for item in items)
    assert items[1].title == TITLE


def test_read_inputs_turns_a_page_without_article_into_a_failure(tmp_path):
    path = tmp_path / "empty.html"
    path.write_text(NO_ARTICLE_PAGES["navigation only"], encoding="utf-8")
    assert list(read_inputs([str(path)])) == [Failure(str(path), NO_ARTICLE)]

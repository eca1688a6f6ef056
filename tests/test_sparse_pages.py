"""Pages that state little for machines: the headline, byline, date and notes are read from what the
page shows. Pages written for these tests."""
from svodka.clean.dates import find_date
from svodka.sources.base import ReadOptions
from svodka.sources.html import html_document

PARAGRAPHS = (
    "Городской совет утвердил программу ремонта набережной, работы начнутся весной и продлятся два года.",
    "По словам председателя комиссии по благоустройству, подрядчика выберут на открытом конкурсе до конца "
    "февраля, а стоимость работ не превысит четырёх миллиардов рублей.",
    "Жители смогут обсудить проект на публичных слушаниях, которые пройдут в районной администрации.",
)
HEADLINE = "Набережную отремонтируют за два года"


def sparse_page(head: str = "", before_headline: str = "", under_headline: str = "", after_text: str = "",
                title: str = "Вечерний Заречинск") -> bytes:
    paragraphs = "".join(f"<p>{text}</p>" for text in PARAGRAPHS)
    return f"""<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8"><title>{title}</title>{head}</head>
<body><header><a class="logo" href="/">Вечерний Заречинск</a></header>
<main><div class="article">{before_headline}<h1>{HEADLINE}</h1>{under_headline}
<div class="article__body">{paragraphs}</div>{after_text}</div></main>
<footer>© Вечерний Заречинск, 2024</footer></body></html>""".encode()


def read(data: bytes):
    return html_document(data, "page.html", None, ReadOptions())


def test_a_title_naming_only_the_site_gives_way_to_the_headline():
    document = read(sparse_page(title="RTVI"))
    assert document.title == HEADLINE


def test_a_rubric_above_the_headline_is_not_text():
    document = read(sparse_page(before_headline='<a href="/interviews/" class="rubric">Интервью</a>'))
    assert "Интервью" not in document.text


def test_a_note_under_the_text_is_neither_lead_nor_text():
    note = '<p class="disclaimer">Мнение автора может не совпадать с позицией редакции.</p>'
    document = read(sparse_page(after_text=note))
    assert document.lead == ""


def test_a_signature_under_the_text_names_the_authors():
    signature = '<p class="signature"><em>Рассылку подготовили Ксения Лаврова и Игорь Белов</em></p>'
    document = read(sparse_page(after_text=signature))
    assert document.authors == ("Ксения Лаврова", "Игорь Белов")


def test_people_in_the_byline_win_over_the_desk_in_the_metadata():
    head = ('<script type="application/ld+json">{"@type": "NewsArticle", "headline": "%s", '
            '"author": {"@type": "Organization", "name": "ФедералПресс"}}</script>' % HEADLINE)
    byline = '<div class="byline">Текст: <a href="/author/1">Роман Устинов</a>, <a href="/author/2">Дарья Ким</a></div>'
    document = read(sparse_page(head=head, under_headline=byline))
    assert document.authors == ("Роман Устинов", "Дарья Ким")


def test_a_date_with_a_short_month_is_read():
    document = read(sparse_page(under_headline='<span class="date">3 окт 2023</span>'))
    assert document.published == "2023-10-03"
    assert find_date("14 мар. 2024, 10:00") == "2024-03-14"
    assert find_date("в марте 2024 года") is None


def test_a_lead_marked_below_the_headline_block_is_the_lead():
    lead = "Десятки сельских школ закрылись за десять лет, а дети ездят на уроки за сорок километров."
    under = ('</div><div class="details"><span class="date">20 сентября 2022</span></div>'
             f'<div class="intro"><p>{lead}</p></div><div>')
    document = read(sparse_page(under_headline=under))
    assert document.lead == lead


def test_authors_of_teasers_under_the_text_are_not_the_authors():
    teasers = ('<div class="article__more"><h3>Другие мнения</h3>'
               '<div class="article__more-item"><a href="/op/1">Куда уходят инженеры</a>'
               '<span class="article__more-author">Ирина Лосева</span></div></div>')
    document = read(sparse_page(after_text=teasers))
    assert "Ирина Лосева" not in document.authors


def test_a_signature_with_a_role_names_the_author():
    signature = ('<p class="article__signature"><strong>Михаил Ветров</strong>, кандидат экономических наук, '
                 'доцент кафедры налогов</p>')
    document = read(sparse_page(after_text=signature))
    assert document.authors == ("Михаил Ветров",)


def test_a_blog_nickname_the_page_marks_as_author_is_the_author():
    head = '<meta name="author" content="k0lobok_dev">'
    assert read(sparse_page(head=head)).authors == ("k0lobok_dev",)
    assert read(sparse_page(head='<meta name="author" content="admin">')).authors == ()

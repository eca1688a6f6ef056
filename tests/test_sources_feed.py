import pytest

from svodka.errors import InputError
from svodka.records import Failure, RawDocument
from svodka.sources import read_inputs
from svodka.sources.base import Input, ReadOptions
from svodka.sources.feed import read_feed

RSS = """<?xml version="1.0" encoding="{encoding}"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
<title>Лента Волжских вестей</title>
<link>https://vesti.example.ru/</link>
<description>Новости Поволжья</description>
<item>
  <title>Мост через Волгу открыт</title>
  <link>https://vesti.example.ru/news/most</link>
  <pubDate>Fri, 15 Mar 2024 01:30:00 +0300</pubDate>
  <dc:creator>Анна Петрова</dc:creator>
  <description>&lt;p&gt;В пятницу открыли движение по новому мосту.&lt;/p&gt;&lt;p&gt;Строительство заняло три года&lt;br&gt;и обошлось в двенадцать миллиардов рублей.&lt;/p&gt;</description>
</item>
<item>
  <title>Снегопад в Самаре</title>
  <link>https://vesti.example.ru/news/sneg</link>
  <pubDate>Sat, 16 Mar 2024 09:00:00 +0300</pubDate>
  <description>Коммунальные службы вывели на улицы двести единиц техники.</description>
</item>
</channel>
</rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Сибирский курьер</title>
  <id>urn:uuid:5a1b2c3d-0000-0000-0000-000000000000</id>
  <updated>2024-03-20T08:00:00+07:00</updated>
  <entry>
    <title type="html">Новосибирск: &lt;b&gt;метро&lt;/b&gt; продлят</title>
    <link href="https://kurier.example.ru/metro"/>
    <id>urn:uuid:1</id>
    <updated>2024-03-20T08:00:00+07:00</updated>
    <author><name>Ольга Кузнецова</name></author>
    <author><name>Павел Орлов</name></author>
    <content type="html">&lt;p&gt;Мэрия утвердила проект продления метро.&lt;/p&gt;&lt;p&gt;Две новые станции откроют к 2028 году.&lt;/p&gt;</content>
  </entry>
  <entry>
    <title>Погода в Томске</title>
    <link href="https://kurier.example.ru/pogoda"/>
    <id>urn:uuid:2</id>
    <published>2024-03-19T23:30:00+07:00</published>
    <updated>2024-03-20T01:00:00+07:00</updated>
    <summary type="text">Синоптики обещают потепление до плюс пяти градусов.</summary>
  </entry>
  <entry>
    <title>Пустая запись</title>
    <link href="https://kurier.example.ru/empty"/>
    <id>urn:uuid:3</id>
    <updated>2024-03-20T02:00:00+07:00</updated>
  </entry>
</feed>
"""


def read(data: bytes, source="lenta.rss", **options):
    return list(read_feed(Input(source=source, data=data), ReadOptions(**options)))


def test_rss_entries_become_documents():
    first, second = read(RSS.format(encoding="utf-8").encode())
    assert first == RawDocument(
        source="lenta.rss#1",
        text="Мост через Волгу открыт\n\nВ пятницу открыли движение по новому мосту.\n\n"
        "Строительство заняло три года\nи обошлось в двенадцать миллиардов рублей.",
        title="Мост через Волгу открыт",
        url="https://vesti.example.ru/news/most",
        published="2024-03-15",  # the day in Moscow, though it is still the 14th in UTC
        outlet="Лента Волжских вестей",
        authors=("Анна Петрова",),
    )
    assert second.source == "lenta.rss#2"
    assert second.text == "Снегопад в Самаре\n\nКоммунальные службы вывели на улицы двести единиц техники."
    assert second.published == "2024-03-16" and second.authors == ()


def test_cp1251_rss_is_read_in_its_declared_encoding():
    data = RSS.format(encoding="windows-1251").encode("cp1251")
    assert read(data) == read(RSS.format(encoding="utf-8").encode())


def test_atom_entries_become_documents_and_an_empty_entry_fails_alone():
    first, second, third = read(ATOM.encode(), source="kurier.atom")
    assert first == RawDocument(
        source="kurier.atom#1",
        text="Новосибирск: метро продлят\n\nМэрия утвердила проект продления метро.\n\n"
        "Две новые станции откроют к 2028 году.",
        title="Новосибирск: метро продлят",
        url="https://kurier.example.ru/metro",
        published="2024-03-20",
        outlet="Сибирский курьер",
        authors=("Ольга Кузнецова", "Павел Орлов"),
    )
    assert second.published == "2024-03-19"  # <published> wins over <updated>
    assert second.text == "Погода в Томске\n\nСиноптики обещают потепление до плюс пяти градусов."
    assert third == Failure("kurier.atom#3", "entry has no text (no content, summary or description)")


MALFORMED = {
    "not xml": b"\x00\x01 this is not a feed at all <<<",
    "broken markup": "<rss><channel><title>Лента</title><<item></rss>".encode(),
}


@pytest.mark.parametrize("data", MALFORMED.values(), ids=MALFORMED.keys())
def test_malformed_feed_is_an_input_error(data):
    with pytest.raises(InputError, match="not a valid feed: ") as caught:
        read(data)
    assert caught.value.source == "lenta.rss"


def test_feed_without_entries_is_an_input_error():
    empty = '<?xml version="1.0"?><rss version="2.0"><channel><title>Лента</title></channel></rss>'
    with pytest.raises(InputError, match="feed has no entries"):
        read(empty.encode())


def test_truncated_feed_gives_the_entries_before_the_cut_then_a_failure():
    data = RSS.format(encoding="utf-8").encode()
    cut = data.index("Коммунальные".encode())
    items = read(data[:cut])
    assert items[0].source == "lenta.rss#1" and isinstance(items[0], RawDocument)
    assert items[-1].source == "lenta.rss"
    assert items[-1].reason.startswith("feed is malformed or truncated, entries after #2 may be missing (")
    assert all(isinstance(item, Failure) for item in items[1:])


def test_feed_may_be_larger_than_one_article():
    data = RSS.format(encoding="utf-8").encode()
    assert len(read(data, max_bytes=len(data) // 2)) == 2
    with pytest.raises(InputError, match="too large"):
        read(data, max_bytes=len(data) // 40)


def test_read_inputs_dispatches_feeds_by_suffix_and_by_content(tmp_path):
    (tmp_path / "a.atom").write_text(ATOM, encoding="utf-8")
    (tmp_path / "b.xml").write_text(RSS.format(encoding="utf-8"), encoding="utf-8")
    items = list(read_inputs([str(tmp_path / "a.atom"), str(tmp_path / "b.xml")]))
    assert [item.source for item in items] == [
        f"{tmp_path / 'a.atom'}#1", f"{tmp_path / 'a.atom'}#2", f"{tmp_path / 'a.atom'}#3",
        f"{tmp_path / 'b.xml'}#1", f"{tmp_path / 'b.xml'}#2",
    ]

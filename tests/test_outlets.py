"""Table-driven tests for canonical outlets, and checks of the curated list `data/outlets.tsv`."""
import tomllib
from collections import defaultdict
from importlib import resources
from pathlib import Path

import pytest

from svodka.clean.outlets import (
    canonical_outlet, host_of, is_domain, looks_like_path, name_key, outlet_for_url, outlets,
)

KINDS = {"agency", "newspaper", "tv", "radio", "online", "magazine", "platform"}


@pytest.mark.parametrize("name, expected", [
    # one publication, many spellings
    ("RBC", "РБК"),
    ("РБК", "РБК"),
    ("rbc.ru", "РБК"),
    ("www.rbc.ru", "РБК"),
    ("РосБизнесКонсалтинг", "РБК"),
    ("Ria.ru", "РИА Новости"),
    ("РИА Новости", "РИА Новости"),
    ("РИА «Новости»", "РИА Новости"),
    ("РИА-Новости", "РИА Новости"),
    ("МИА «Россия сегодня»", "РИА Новости"),
    ("Lenta", "Lenta.ru"),
    ("lenta.ru", "Lenta.ru"),
    ("Лента.ру", "Lenta.ru"),
    ("ООО «Лента.Ру»", "Lenta.ru"),
    ("Tass.ru", "ТАСС"),
    ("ТАСС", "ТАСС"),
    ("ИТАР-ТАСС", "ТАСС"),
    ("ФГУП «ИТАР-ТАСС»", "ТАСС"),
    ("tass", "ТАСС"),
    ("Коммерсант", "Коммерсантъ"),
    ("АО «Коммерсантъ»", "Коммерсантъ"),
    ("ИД «Коммерсантъ»", "Коммерсантъ"),
    ("Ъ", "Коммерсантъ"),
    ("газета «Ведомости»", "Ведомости"),
    ("ИА REGNUM", "Regnum"),
    ("Регнум", "Regnum"),
    ("ВЗГЛЯД", "Взгляд"),
    ("Деловая газета «Взгляд»", "Взгляд"),
    ("Телеканал «Звезда»", "Звезда"),
    ("Радиостанция «Эхо Москвы»", "Эхо Москвы"),
    ("Радио Свобода", "Радио Свобода"),
    ("Спорт Экспресс", "Спорт-Экспресс"),
    ("Газета.Ru", "Газета.Ru"),
    ("газета.ру", "Газета.Ru"),
    ("Газета.uz", "Газета.uz"),
    ("Россия 24", "Вести"),
    ("Би-би-си", "BBC News Русская служба"),
    ("Немецкая волна", "Deutsche Welle"),
    ("Русская служба Би-би-си", "BBC News Русская служба"),
    ("Хартыя'97", "Хартия-97"),
    ("Tut.by", "Зеркало"),
    ("Укринформ", "Укрінформ"),
    ("Огонек", "Коммерсантъ"),
    ("Izvestia.ru", "Известия"),
    ("Lenta.ru : Новости", "Lenta.ru"),
    ("Интерфакс - Новости", "Интерфакс"),
    ("Интерфакс-Украина", "Интерфакс-Украина"),
    ("  Нью-Йорк   таймс ", "The New York Times"),
    # unlisted outlets keep their name, normalised
    ("WWW.Vecherka.RU", "vecherka.ru"),
    ("ria.com", "ria.com"),
    ("  Вечерний   Новосибирск ", "Вечерний Новосибирск"),
    ("«Вечерняя Казань»", "Вечерняя Казань"),
    ("ИА «Север-Пресс»", "Север-Пресс"),
    ("РИА «Стрела»", "РИА «Стрела»"),
    ("https://www.Unknown-Site.org/news/1", "unknown-site.org"),
    # no outlet at all
    (None, None),
    ("", None),
    ("   ", None),
    ("examples/article1.txt", None),
    ("/home/user/news/rbc.ru", None),
    ("C:\\news\\tass", None),
    ("article.html", None),
    ("dump.jsonl", None),
    ("Telegram", None),
    ("vk.com", None),
    ("https://t.me/rian_ru/123", None),
])
def test_canonical_outlet_by_name(name, expected):
    assert canonical_outlet(name) == expected


@pytest.mark.parametrize("name, url, expected", [
    (None, "https://russian.rt.com/world/article/1", "RT"),
    (None, "https://m.lenta.ru/news/2024/01/01/x/", "Lenta.ru"),
    (None, "http://www.ng.ru/politics/2017-04-18/1_6975_x.html", "Независимая газета"),
    (None, "https://sport.rbc.ru/news/1", "РБК"),
    (None, "https://nvo.ng.ru/x", "Независимая газета"),
    (None, "https://crimea.ria.ru/x", "РИА Новости"),
    (None, "https://ru.euronews.com/2024/01/01/x", "Euronews"),
    (None, "https://www.bbc.com/russian/news-1", "BBC News Русская служба"),
    (None, "https://rus.delfi.lv/x", "Delfi"),
    (None, "https://ru.sputnik.kz/x", "Sputnik Казахстан"),
    (None, "https://news.mail.ru/politics/1/", "Новости Mail.ru"),
    (None, "HTTPS://WWW.KOMMERSANT.RU/doc/1", "Коммерсантъ"),
    (None, "fontanka.ru/2024/01/01/1/", "Фонтанка.ру"),
    (None, "https://www.vecherka.ru/news/1", "vecherka.ru"),
    ("", "https://xn--80a1acny.xn--p1ai/", "почта.рф"),
    # hosting and social sites name no outlet
    (None, "https://t.me/rian_ru/123", None),
    (None, "https://vk.com/wall-1_2", None),
    (None, "https://www.youtube.com/watch?v=1", None),
    (None, "https://someone.livejournal.com/1.html", None),
    (None, "https://telegra.ph/x-01-01", None),
    (None, "https://dzen.ru/a/x", None),
    (None, "https://zen.yandex.ru/media/x", None),
    (None, "https://e.mail.ru/inbox", None),
    # a path is no URL
    (None, "examples/article1.txt", None),
    (None, "file:///tmp/article.html", None),
    # a listed URL names the publication that put the page there (the name may be a brand of
    # several, or an agency it reprints); the name wins where the URL is unlisted or a platform
    ("ТАСС", "https://www.rbc.ru/x", "РБК"),
    ("Forbes", "https://www.forbes.ru/biznes/1", "Forbes Россия"),
    ("ТАСС", "https://cdn.ampproject.org/c/s/tass.example/x", "ТАСС"),
    ("Lenta", "https://t.me/lentachold", "Lenta.ru"),
    ("Неизвестное издание", "https://tass.ru/x", "ТАСС"),
    ("examples/article1.txt", "https://www.interfax.ru/x", "Интерфакс"),
    ("Telegram", "https://lenta.ru/x", "Lenta.ru"),
    ("Рыбарь", "https://t.me/rybar/1", "Рыбарь"),
    ("Неизвестное издание", "https://www.vecherka.ru/x", "Неизвестное издание"),
    ("examples/article1.txt", "https://www.vecherka.ru/x", "vecherka.ru"),
    ("YouTube", "https://www.youtube.com/watch?v=1", None),
])
def test_canonical_outlet_with_url(name, url, expected):
    assert canonical_outlet(name, url) == expected


@pytest.mark.parametrize("url, expected", [
    ("https://russian.rt.com/world/article/1", "RT"),
    ("https://www.Vecherka.ru/x", "vecherka.ru"),
    ("https://t.me/rian_ru", None),
    ("examples/a.txt", None),
    ("", None),
    (None, None),
])
def test_outlet_for_url(url, expected):
    assert outlet_for_url(url) == expected


@pytest.mark.parametrize("url, host", [
    ("https://WWW.Rbc.ru/x", "rbc.ru"),
    ("rbc.ru/x", "rbc.ru"),
    ("//m.lenta.ru", "m.lenta.ru"),
    ("http://[::1", None),
    ("data.txt/x", None),
    ("C:\\news\\a.txt", None),
    ("https://russian.rt.comhttps://russian.rt.com/sport/article/1", "russian.rt.com"),  # a scraper's glued base
    ("https://lenta.ru/x?ref=https://t.me/y", "lenta.ru"),
    ("https://web.archive.org/web/2020/https://lenta.ru/x", "web.archive.org"),
])
def test_host_of(url, host):
    assert host_of(url) == host


@pytest.mark.parametrize("text, domain, path", [
    ("Ria.ru", True, False),
    ("www.rbc.ru", True, False),
    ("Газета.Ru", True, False),
    ("РИА Новости", False, False),
    ("news.txt", False, True),
    ("data/news", False, True),
    ("https://lenta.ru/news/1", False, False),
    ("sputnik.md", True, False),
])
def test_domain_and_path_shapes(text, domain, path):
    assert (is_domain(text), looks_like_path(text)) == (domain, path)


def test_the_list_is_long_enough():
    listed = [outlet for outlet in outlets() if outlet.kind != "platform"]
    assert len(listed) >= 250


def test_every_row_is_complete():
    for outlet in outlets():
        assert outlet.name.strip(), outlet
        assert outlet.aliases or outlet.domains, outlet.name
        assert outlet.kind in KINDS, outlet.name
        assert len(outlet.country) == 2 and outlet.country.isupper(), outlet.name


def test_no_name_or_alias_names_two_outlets():
    owners = defaultdict(set)
    for outlet in outlets():
        for form in (outlet.name, *outlet.aliases):
            owners[name_key(form)].add(outlet.name)
    assert {key: names for key, names in owners.items() if len(names) > 1} == {}


def test_no_domain_names_two_outlets():
    owners = defaultdict(set)
    for outlet in outlets():
        for domain in outlet.domains:
            owners[domain.lower()].add(outlet.name)
    assert {domain: names for domain, names in owners.items() if len(names) > 1} == {}


def test_every_name_and_alias_finds_its_outlet():
    for outlet in outlets():
        expected = None if outlet.kind == "platform" else outlet.name
        for form in (outlet.name, *outlet.aliases):
            assert not looks_like_path(form), form
            assert canonical_outlet(form) == expected, form


def test_every_domain_finds_its_outlet():
    for outlet in outlets():
        expected = None if outlet.kind == "platform" else outlet.name
        for domain in outlet.domains:
            assert is_domain(domain), domain
            assert outlet_for_url(f"https://www.{domain}/news/1") == expected, domain
            assert outlet_for_url(f"https://zz9.{domain}/") == expected, domain


def test_an_alias_written_as_a_domain_is_no_other_outlets_domain():
    listed = {outlet.name for outlet in outlets()}
    for outlet in outlets():
        expected = None if outlet.kind == "platform" else outlet.name
        for alias in filter(is_domain, outlet.aliases):
            by_url = outlet_for_url(f"https://{alias}/")
            assert by_url not in listed or by_url == expected, alias


def test_the_list_ships_as_package_data():
    pyproject = tomllib.loads((Path(__file__).parents[1] / "pyproject.toml").read_text(encoding="utf-8"))
    assert "data/*" in pyproject["tool"]["setuptools"]["package-data"]["svodka"]
    assert resources.files("svodka.data").joinpath("outlets.tsv").is_file()

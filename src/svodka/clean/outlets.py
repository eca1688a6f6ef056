"""One canonical outlet per publication: "RBC", "РБК", "www.rbc.ru" and sport.rbc.ru are all РБК.

The outlets are the hand-curated list in `data/outlets.tsv`. A name matches a listed name or alias
ignoring case, ё, quotes, dashes, a legal form or carrier word before it ("ИА", "АО", "газета") and a
trailing site title ("Lenta.ru : Новости"); a domain-like name ("Ria.ru", "www.rbc.ru") also matches
by its domain. A URL names its outlet by its host or the nearest parent domain listed. Hosting and
social sites (t.me, vk.com, youtube.com, …) are listed as platforms: they name no outlet. A file
path is never an outlet.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from urllib.parse import urlsplit

PLATFORM = ""  # what a hosting or social site resolves to: it names no outlet
SEPARATORS = str.maketrans(dict.fromkeys("«»\"„“”‘’'‹›`-‐‑‒–—", " "))
LEGAL_FORMS = frozenset("ао зао оао пао ооо ано фгуп фгбу гуп муп ид иа миа тов прат тоо уп руп чуп".split())
CARRIERS = (
    "информационное агентство", "информагентство", "агентство", "издательский дом", "редакция газеты",
    "редакция журнала", "редакция", "сетевое издание", "интернет издание", "издание", "газета",
    "еженедельник", "журнал", "телеканал", "телекомпания", "телерадиокомпания", "радиостанция",
    "интернет портал", "портал", "сайт", "медиахолдинг", "гтрк",
)
PREFIXES = tuple(sorted((*LEGAL_FORMS, *CARRIERS), key=len, reverse=True))
TITLE_SEPARATORS = (" | ", " — ", " – ", " - ", ": ")
FILE_ENDINGS = (
    ".txt", ".html", ".htm", ".shtml", ".json", ".jsonl", ".xml", ".csv", ".tsv", ".warc", ".gz",
    ".zip", ".pdf", ".doc", ".docx", ".log",
)
NAME_TLDS = ("ru", "ру", "рф", "su")  # a name "X.ru" may be the outlet called X
OPENING_QUOTES, CLOSING_QUOTES, STRAIGHT_QUOTES = "«„“\"", "»“”\"", "\"„“”"


@dataclass(frozen=True)
class Outlet:
    name: str
    aliases: tuple[str, ...]
    domains: tuple[str, ...]
    country: str
    kind: str


@lru_cache(maxsize=1)
def outlets() -> tuple[Outlet, ...]:
    """Every row of `data/outlets.tsv`, platforms included (kind "platform")."""
    text = resources.files("svodka.data").joinpath("outlets.tsv").read_text(encoding="utf-8")
    lines = (line for line in text.splitlines() if line and not line.startswith("#"))
    return tuple(map(_outlet, csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)))


def canonical_outlet(name: str | None, url: str | None = None) -> str | None:
    """The canonical name of the publication called `name` (at `url`): a listed outlet by the URL's
    host where it names one (the more precise: "Forbes" at forbes.ru is Forbes Россия, "Sputnik" at
    sputnik.by Sputnik Беларусь), else by its name, alias or domain; an unlisted name normalised
    ("WWW.Vecherka.RU" → "vecherka.ru"); no usable name (none, a file path, a platform) → the URL's
    outlet or host, or None."""
    return _listed_outlet(url) or (_name_entry(name) if name else None) or _unlisted_name(name) or outlet_for_url(url)


def outlet_for_url(url: str | None) -> str | None:
    """The outlet a URL's host names ("https://russian.rt.com/…" → "RT"), the bare host where none is
    listed ("https://www.Vecherka.ru/x" → "vecherka.ru"), None for a platform, a path or no URL."""
    host = host_of(url)
    found = _host_entry(host) if host else None
    return host if found is None else found or None


def host_of(url: str | None) -> str | None:
    """The host a URL names, lower-cased, without "www." ("https://WWW.Rbc.ru/x", "rbc.ru/x" →
    "rbc.ru"); None for no URL, a file path or a URL without a host."""
    url = _unglued((url or "").strip())
    if "://" not in url and not url.startswith("//"):
        if not is_domain(url.split("/", 1)[0]):
            return None
        url = "//" + url
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    return _bare_host(host) if host else None


def _unglued(url: str) -> str:
    """The inner URL where a scraper glued a site's base before it ("https://russian.rt.comhttps://russian.rt.com/x")."""
    start = max(url.rfind("http://"), url.rfind("https://"))
    base = url[:start].partition("://")[2]
    return url[start:] if start > 0 and base and "/" not in base else url


def name_key(name: str) -> str:
    """The form names are matched in: casefolded, ё as е, quotes and dashes as spaces, spaces collapsed."""
    return " ".join(name.casefold().replace("ё", "е").translate(SEPARATORS).split())


def is_domain(text: str) -> bool:
    """Whether `text` is written as a domain ("Ria.ru", "www.rbc.ru", "Газета.Ru"), not a file's name."""
    head, _, tld = text.rpartition(".")
    plain = all(char.isalnum() or char in "-." for char in text)
    return bool(head) and tld.isalpha() and plain and not is_file_name(text)


def is_file_name(text: str) -> bool:
    return text.strip().lower().endswith(FILE_ENDINGS)


def looks_like_path(name: str) -> bool:
    """Whether a name is a file path, never an outlet: a slash or backslash without a URL scheme
    ("examples/rbc.txt", "C:\\news"), or a file's ending ("article.html")."""
    return ("://" not in name and ("/" in name or "\\" in name)) or is_file_name(name)


def _outlet(row: dict[str, str]) -> Outlet:
    return Outlet(row["name"], _cell(row["aliases"]), _cell(row["domains"]), row["country"], row["kind"])


def _cell(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split("|") if part.strip())


def _label(outlet: Outlet) -> str:
    return PLATFORM if outlet.kind == "platform" else outlet.name


@lru_cache(maxsize=1)
def _by_name() -> dict[str, str]:
    return {name_key(form): _label(outlet) for outlet in outlets() for form in (outlet.name, *outlet.aliases)}


@lru_cache(maxsize=1)
def _by_domain() -> dict[str, str]:
    return {domain.lower(): _label(outlet) for outlet in outlets() for domain in outlet.domains}


@lru_cache(maxsize=65536)
def _name_entry(name: str) -> str | None:
    """The listed outlet (or PLATFORM) a name stands for; None if unlisted or not a name at all."""
    if "://" in name:
        return _host_entry(host_of(name) or "")
    if looks_like_path(name):
        return None
    found = next((_by_name()[key] for key in _keys(name) if key in _by_name()), None)
    return _domain_entry(name.strip()) if found is None and is_domain(name.strip()) else found


def _keys(name: str):
    """The name's key, then without its legal form or carrier word, then the same for its head
    before a site title's separator ("Lenta.ru : Новости")."""
    for text in dict.fromkeys((name, _head(name))):
        key = name_key(text)
        yield key
        yield _without_prefixes(key)


def _head(name: str) -> str:
    cuts = [name.find(separator) for separator in TITLE_SEPARATORS if name.find(separator) > 0]
    return name[:min(cuts)] if cuts else name


def _without_prefixes(key: str) -> str:
    prefix = next((prefix for prefix in PREFIXES if key.startswith(prefix + " ")), None)
    return _without_prefixes(key[len(prefix) + 1:]) if prefix else key


def _domain_entry(name: str) -> str | None:
    host = _bare_host(name)
    found = _host_entry(host)
    stem, _, tld = host.rpartition(".")
    return _by_name().get(name_key(stem)) if found is None and tld in NAME_TLDS else found


def _host_entry(host: str) -> str | None:
    """The outlet (or PLATFORM) of the host or of its nearest parent domain listed; None if none is."""
    labels = host.split(".")
    suffixes = (".".join(labels[start:]) for start in range(len(labels) - 1))
    return next((_by_domain()[suffix] for suffix in suffixes if suffix in _by_domain()), None)


def _listed_outlet(url: str | None) -> str | None:
    host = host_of(url)
    return (_host_entry(host) or None) if host else None


def _unlisted_name(name: str | None) -> str | None:
    """An unlisted outlet's own name, normalised; None for no name, a file path or a platform."""
    if not name or not name.strip() or _name_entry(name) is not None:
        return None
    if "://" in name:
        return host_of(name)
    return None if looks_like_path(name) else _plain(" ".join(name.split()))


def _plain(name: str) -> str:
    return _bare_host(name) if is_domain(name) else _unquoted(_without_legal_form(name))


def _without_legal_form(name: str) -> str:
    first, _, rest = name.partition(" ")
    return rest if rest and first.casefold() in LEGAL_FORMS else name


def _unquoted(name: str) -> str:
    inner = name[1:-1]
    enclosed = len(name) > 2 and name[0] in OPENING_QUOTES and name[-1] in CLOSING_QUOTES
    balanced = inner.count("«") == inner.count("»") and not any(quote in inner for quote in STRAIGHT_QUOTES)
    return inner.strip() if enclosed and balanced else name


def _bare_host(host: str) -> str:
    return _unicode(host.lower().rstrip(".")).removeprefix("www.")


def _unicode(host: str) -> str:
    try:
        return host.encode("ascii").decode("idna")
    except UnicodeError:
        return host


def listed_outlet(name: str) -> str | None:
    """The canonical name when `name` is a listed outlet's name or alias (not a platform's); else None."""
    return _name_entry(name) or None

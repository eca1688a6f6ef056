"""Who wrote an article: names as pages and feeds give them, kept only when they are a person's name
or an outlet's desk — never the page's furniture ("Написать автору", "Войти", "Авторы").

A person's name is two to four capitalised words (or initials and a surname) of letters only; words
a page glues on around it are dropped: a label before it ("Автор:", "Опубликовал", "by"), a role
after a comma ("корреспондент"), a trailing dictionary word that no name has ("… Сафонов Источник").
"""
from __future__ import annotations

import re

from ..morph import parses
from .outlets import listed_outlet

LABEL = re.compile(
    r"(?i)^\s*(автор(ы)?( текста| материала)?|текст|подготовил[аи]?|опубликовал[аи]?|беседовал[аи]?|записал[аи]?"
    r"|материал подготовил[аи]?|by|author|written by|от|редактор)\s*[:—–-]?\s+"
)
SEPARATOR = re.compile(r"\s*(?:;|,|\s+и\s+|\s+and\s+|&|\|)\s*")
INITIAL = re.compile(r"^[A-ZА-ЯЁ]\.(?:[A-ZА-ЯЁ]\.)?$")
NAME_WORD = re.compile(r"^[A-ZА-ЯЁ][a-zа-яё'’]+(?:-[A-ZА-ЯЁa-zа-яё][a-zа-яё'’]+)*$")
DESK = re.compile(r"(?i)^(редакция|отдел|служба|пресс-служба|desk|staff|newsroom)\b")
PATRONYMIC = re.compile(r"(ович|евич|ьич|ична|овна|евна|инична)$")
PARENTHESISED = re.compile(r"\s*\([^)]{0,60}\)")
"""A place or role after a name: "Алексей Корнилов (Вологда)"."""
URL = re.compile(r"(?i)^(https?://|www\.)")
MAX_NAME_WORDS = 4
HANDLE = re.compile(r"^@?(?P<handle>(?=(?:[^a-z]*[a-z]){2})[a-z0-9][a-z0-9_.-]{2,29})$", re.IGNORECASE)
"""A user's nickname on a blog platform ("k0lobok_dev", "@mila_notes")."""
ACCOUNT_WORDS = frozenset(
    "admin administrator editor redactor redaktor redaktsiya redakciya user guest root webmaster author "
    "moderator support info news press staff anonymous unknown null none undefined".split())
"""What a site's account is called when no one signed the text."""


def valid_authors(candidates: list[str] | tuple[str, ...], handles: bool = False) -> tuple[str, ...]:
    """The names among `candidates` (each may hold several), cleaned, in order, each once. An outlet
    named beside a person ("Мария Сидорова, «Новая газета»") is where they work, not an author.
    `handles`: the candidates are what a page marks as its author (metadata, an author element),
    where a blog's nickname is the author's name too."""
    names: list[str] = []
    for candidate in candidates:
        parts = [piece for part in SEPARATOR.split(" ".join(candidate.split())) for piece in _two_people(part)]
        found = [name for name in (author_name(part, handles) for part in parts) if name]
        people = [name for name in found if not is_desk(name)]
        names.extend(name for name in (people or found) if name not in names)
    return tuple(names)


def _handle(text: str) -> str | None:
    match = HANDLE.match(text)
    if not match or match.group("handle").lower() in ACCOUNT_WORDS or is_desk(match.group("handle")):
        return None
    return match.group("handle")


def _two_people(text: str) -> list[str]:
    """"Ксения Буланова Артём Лазарев": two first names, each with a surname, are two people."""
    words = text.split()
    if len(words) == 4 and _is_first_name(words[0]) and _is_first_name(words[2]) and not PATRONYMIC.search(words[1].lower()):
        return [" ".join(words[:2]), " ".join(words[2:])]
    return [text]


def _is_first_name(word: str) -> bool:
    return any("Name" in reading.tag.grammemes for reading in parses(word))


def author_name(text: str, handles: bool = False) -> str | None:
    """`text` as an author's name: a person's name or an outlet's desk (or, with `handles`, a
    nickname); None for anything else."""
    text = LABEL.sub("", PARENTHESISED.sub("", text).strip(" .:;,—–-|")).strip(" .:;,—–-|")
    if handles and (handle := _handle(text)):
        return handle
    if not text or URL.match(text) or any(char.isdigit() for char in text) or "@" in text:
        return None
    if is_desk(text):
        return text
    return _person_name(text.split())


def _person_name(words: list[str]) -> str | None:
    while len(words) > 2 and _is_common_word(words[-1]) and not PATRONYMIC.search(words[-2].lower()):
        words = words[:-1]
    if not 2 <= len(words) <= MAX_NAME_WORDS:
        return None
    if not all(NAME_WORD.match(word) or INITIAL.match(word) for word in words):
        return None
    if all(_is_common_word(word) for word in words if not INITIAL.match(word)):
        return None  # "Лента Новостей", "Главная Страница"
    return " ".join(words)


def _is_common_word(word: str) -> bool:
    """A dictionary word that is no one's name (first name, surname or patronymic)."""
    readings = parses(word)
    if not readings or not any(reading.is_known for reading in readings):
        return False
    return not any({"Name", "Surn", "Patr"} & set(reading.tag.grammemes) for reading in readings)


def is_desk(text: str) -> bool:
    """"Редакция «Газеты.Ru»", "РИА Новости": a desk or an outlet named as the author."""
    if DESK.match(text) and len(text.split()) <= 6:
        return True
    return not text[:1].islower() and listed_outlet(text) is not None  # "корреспондент" is no outlet

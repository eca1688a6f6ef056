"""The sources an article cites: news agencies and outlets ("пишет ТАСС"), and press services."""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

QUOTES = re.compile(r"[«»“”„\"]")
CARRIERS = (
    r"агентств[оау]|информагентств[оау]|издани[еяю]|газет[аыеу]|телеканал[ау]?|портал[ау]?|сайт[ау]?"
    r"|журнал[ау]?|радиостанци[ияю]|корреспондент[ау]?|источник[иу]?|ИА"
)
CUES_BEFORE = (
    r"пиш(ет|ут)|переда[её]т|передают|сообща(ет|ют)|сообщил[аои]?|информирует|уточня(ет|ют)|цитирует"
    r"|приводит|публикует|опубликовал[аои]?|по данным|по информации|по сведениям|со ссылкой на"
    r"|как (пишет|пишут|сообщает|сообщил[аои]?|передает|передаёт|передают|уточняет)|источник:"
)
CUE_AFTER = re.compile(
    r"(?i)(?<![\w-])(сообщил[аои]?|сообща(ет|ют)|переда[её]т|пишет|уточнил[аои]?|рассказал[аио]?"
    r"|подтвердил[аио]?)\b"
)
MAX_NAME_CHARS = 60
PRESS_SERVICE = re.compile(r"(?i)\bпресс-служб[аеыиу]\s+(?P<owner>[^.,;:!?()\n–—-]{2,80})")
CUE_WORDS = re.compile(
    r"(?i)^(сообщ|добав|отмет|уточн|заяв|рассказ|поясн|подчеркн|переда|говорит|информир|со|в|на|по)"
)
DATELINE = re.compile(r"(?m)^[^\n]{0,60}?[/(]\s*(?P<name>[^/()\n]{2,30}?)\s*[/)]\s*[.,–—-]")


@lru_cache(maxsize=1)
def agencies() -> dict[str, str]:
    """Every known form (quotes removed, casefolded) → the agency's name."""
    forms: dict[str, str] = {}
    text = resources.files("svodka.data").joinpath("agencies.tsv").read_text(encoding="utf-8")
    for row in text.splitlines():
        if row and not row.startswith("#"):
            name, variants = row.split("\t")
            for form in variants.split("|"):
                forms[QUOTES.sub("", form).casefold()] = name
    return forms


def is_agency(name: str) -> bool:
    """Whether `name` is one of the known agencies' forms ("РИА Новости", "Интерфакса")."""
    return QUOTES.sub("", name).casefold() in agencies()


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, re.Pattern]:
    alternatives = "|".join(re.escape(form) for form in sorted(agencies(), key=len, reverse=True))
    name = rf"(?P<name>{alternatives})"
    before = re.compile(rf"(?i)(?<![\w-])(?:{CUES_BEFORE})\s+(?:(?:{CARRIERS})\s+)?{name}(?![\w-])")
    name_before_cue = re.compile(rf"(?i)(?<![\w-]){name}\s+$")
    return before, name_before_cue


def cited_sources(passages: list[str]) -> tuple[str, ...]:
    """Agencies named with a citing cue, then press services, in order of first appearance."""
    found = _agencies_in(QUOTES.sub("", "\n".join(passages))) + _press_services(passages)
    return tuple(dict.fromkeys(found))


def _agencies_in(passage: str) -> list[str]:
    before, _ = _patterns()
    found = [(m.start("name"), m.group("name")) for m in [*before.finditer(passage), *_datelines(passage)]]
    found += _named_before_cues(passage)
    return [agencies()[name.casefold()] for _, name in sorted(found) if name.casefold() in agencies()]


def _named_before_cues(passage: str) -> list[tuple[int, str]]:
    """"БЕЛТА сообщили": cue verbs are rare, so find them first and look back for a name."""
    _, name_before_cue = _patterns()
    found = []
    for cue in CUE_AFTER.finditer(passage):
        window_start = max(cue.start() - MAX_NAME_CHARS, 0)
        match = name_before_cue.search(passage, window_start, cue.start())
        if match:
            found.append((match.start("name"), match.group("name")))
    return found


def _datelines(passage: str) -> list[re.Match]:
    return list(DATELINE.finditer(passage))


def _press_services(passages: list[str]) -> list[str]:
    """"в пресс-службе Президента Беларуси" → "пресс-служба Президента Беларуси"; owners written in
    lower case ("белорусского лидера") are descriptors that entity resolution handles later."""
    found = []
    for passage in passages:
        for match in PRESS_SERVICE.finditer(passage):
            owner = _owner_words(match.group("owner"))
            if owner and owner[0][0].isupper():
                found.append("пресс-служба " + " ".join(owner))
    return found


def _owner_words(phrase: str) -> list[str]:
    words = []
    for word in phrase.split()[:6]:
        if CUE_WORDS.match(word) and not word[0].isupper():
            break
        words.append(word)
    return words

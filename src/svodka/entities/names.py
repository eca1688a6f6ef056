"""How a person's name splits into given names (or their initials) and a surname, and whether the
given names of two writings of a name agree: "В.Путин" and "Владимир Путин", "Ангеле Меркель" and
"Ангела Меркель", "Реджеп Эрдоган" and "Реджеп Тайип Эрдоган", "Марин Ле Пен" and "Ле Пен"."""
from __future__ import annotations

import re

PART = re.compile(r"[^\W\d_]\.|\w+(?:[-'’]\w+)*")  # an initial with its dot, or a word
# Words that belong to the surname that follows them ("Ле Пен", "фон дер Ляйен", "ван Гог").
SURNAME_PARTICLES = frozenset("ле ла де ди да дель ван фон дер аль эль бен ибн".split())
ENDINGS = frozenset("""а я у ю е и ы о ом ем ём ым им ой ей ою ею ов ев ах ях ам ям ами ями ых их ую юю
ого его ому ему""".split())
"""Case endings of Russian names and nouns, after the base form's own final vowel or soft sign."""
SOFT_FINALS = "ьйаяо"
GIVEN_STEM = 4  # letters two case forms of a given name share ("Ангеле", "Ангела"; "Реджепа", "Реджеп")


def split_name(name: str) -> tuple[list[str], str]:
    """(given names and initials, surname with its particles): "И.В. Сталина" → (["И.", "В."],
    "Сталина"); "Марин Ле Пен" → (["Марин"], "Ле Пен")."""
    parts = PART.findall(name)
    if not parts:
        return [], ""
    start = len(parts) - 1
    while start > 0 and parts[start - 1].casefold() in SURNAME_PARTICLES:
        start -= 1
    return parts[:start], " ".join(parts[start:])


def is_initial(part: str) -> bool:
    return part.endswith(".") and len(part) == 2


def spells_a_given_name(given: list[str]) -> bool:
    """"Иосиф", "Владимир Ильич": a given name written out, not initials alone ("И.В.") or nothing."""
    return any(not is_initial(part) for part in given)


def given_agrees(given: list[str], known_given: list[str]) -> bool:
    """Whether the given names written (`given`, maybe initials or another case) fit a person whose
    name has `known_given`: the first must be that person's first name or its initial; any other
    written one must fit one of the person's other given names where the known name has any (a
    middle name or patronymic left out on either side is no disagreement)."""
    if not given or not known_given:
        return False
    others = known_given[1:]
    return _fits(given[0], known_given[0]) and (not others or all(
        any(_fits(part, known) for known in others) for part in given[1:]))


def _fits(part: str, known: str) -> bool:
    part, known = _folded(part), _folded(known)
    if is_initial(part):
        return known[:1] == part[:1]
    if part == known:
        return True
    shorter = min(len(part), len(known))
    return shorter >= GIVEN_STEM and part[: shorter - 1] == known[: shorter - 1]


def _folded(word: str) -> str:
    return word.casefold().replace("ё", "е")


def is_form_of(form: str, base: str) -> bool:
    """Whether the word `form` is `base` in some case ("скрипаля" of "скрипаль", "мишустиным" of
    "мишустин"); both casefolded, ё written е. No dictionary: names are mostly not in it."""
    if form == base:
        return True
    stem = base[:-1] if base[-1:] in SOFT_FINALS and len(base) > 3 else base
    return len(stem) >= 3 and form.startswith(stem) and form[len(stem):] in ENDINGS


def same_surname(written: str, known: str) -> bool:
    """"Скрипаля" and "Скрипаль", "Ле Пен" and "Ле Пен", "Путиным" and "Путин"."""
    written_words, known_words = _folded(written).split(), _folded(known).split()
    return len(written_words) == len(known_words) and all(
        is_form_of(form, base) or is_form_of(base, form) for form, base in zip(written_words, known_words))

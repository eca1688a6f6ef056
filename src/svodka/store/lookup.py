"""Finding an entity by a name as a user types it: any case, any inflection ("Скрипаля",
"скрипалем", "Михаилом Мишустиным"), a surname alone ("Мишустин" finds "Михаил Мишустин")."""
from __future__ import annotations

import re

WORD = re.compile(r"\w+(?:-\w+)*")
ENDINGS = frozenset("""а я у ю е и ы о ом ем ём ым им ой ей ою ею ов ев ах ях ам ям ами ями ых их ую юю
ого его ому ему""".split())
"""Case endings of Russian names and nouns, after the base form's own final vowel or soft sign."""
SOFT_FINALS = "ьйаяо"


def name_matches(query: str, name: str) -> bool:
    """Whether `query` names `name`: every word of the query is a form of a word of the name, in
    order, and a one-word query is the name's last word (a surname) or the whole name."""
    asked, known = _words(query), _words(name)
    if not asked or len(asked) > len(known):
        return False
    if len(asked) == 1:
        return _same_word(asked[0], known[-1]) or len(known) == 1 and _same_word(asked[0], known[0])
    return all(_same_word(one, other) for one, other in zip(asked, known[-len(asked):]))


def _words(text: str) -> list[str]:
    return [word.casefold().replace("ё", "е") for word in WORD.findall(text)]


def _same_word(form: str, base: str) -> bool:
    if form == base:
        return True
    stem = base[:-1] if base[-1:] in SOFT_FINALS and len(base) > 3 else base
    return len(stem) >= 3 and form.startswith(stem) and form[len(stem):] in ENDINGS

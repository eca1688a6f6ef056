"""Finding an entity by a name as a user types it: any case, any inflection ("Скрипаля",
"скрипалем", "Михаилом Мишустиным"), a surname alone ("Мишустин" finds "Михаил Мишустин")."""
from __future__ import annotations

import re

from ..entities.names import is_form_of

WORD = re.compile(r"\w+(?:-\w+)*")
FORMS_SHARE = 3
"""Letters every form of a word shares with the word (`is_form_of` keeps a stem of at least three),
so the names a query can match are among those whose last word begins as the query's last word does."""


def name_matches(query: str, name: str) -> bool:
    """Whether `query` names `name`: every word of the query is a form of a word of the name, in
    order, and a one-word query is the name's last word (a surname) or the whole name."""
    asked, known = _words(query), _words(name)
    if not asked or len(asked) > len(known):
        return False
    if len(asked) == 1:
        return is_form_of(asked[0], known[-1]) or len(known) == 1 and is_form_of(asked[0], known[0])
    return all(is_form_of(one, other) for one, other in zip(asked, known[-len(asked):]))


def last_word(name: str) -> str:
    """The name's last word as `name_matches` compares it ("" for none): every name a query
    matches has a last word that is a form of the query's last word."""
    words = _words(name)
    return words[-1] if words else ""


def _words(text: str) -> list[str]:
    return [word.casefold().replace("ё", "е") for word in WORD.findall(text)]

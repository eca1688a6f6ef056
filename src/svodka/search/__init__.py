"""Full-text search over stored articles: the words of title, lead and body indexed as lemmas, so
that "Путин встреча" finds "Путиным встретился", and a query language over them (`query.parse`)."""
from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from ..morph import lemma, parses
from ..records import Article

WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
# Case endings stripped from words the dictionary does not know ("Шольцу", "Шольцем" → "шольц";
# pymorphy guesses "шолец"), longest first; what is left keeps at least STEM letters.
ENDINGS = tuple(sorted("ами ями ого его ому ему ыми ими ой ей ом ем ах ях ам ям ов ев ью ию ия ий ый ая яя ую юю "
                       "ое ее ые ие а я у ю ы и е о ь й".split(), key=len, reverse=True))
STEM = 3


def words(text: str) -> Iterator[re.Match]:
    """The words of `text` (letters and digits, hyphenated compounds whole), with their offsets."""
    return WORD.finditer(text)


@lru_cache(maxsize=1 << 16)  # a text's words recur, and snippets look up every word before a match
def key(word: str) -> str:
    """What a word is indexed and searched as: its lemma where the dictionary knows the word, else
    its stem without a case ending (the same for every form of an unknown name)."""
    found = parses(word)
    if not found or found[0].is_known or not re.search(r"[а-яё]", word.casefold()):
        return lemma(word)
    folded = word.casefold().replace("ё", "е")
    ending = next((e for e in ENDINGS if folded.endswith(e) and len(folded) - len(e) >= STEM), "")
    return folded[: len(folded) - len(ending)]


def lemmas(text: str) -> str:
    """What the index holds for `text`: its words' keys, space-separated."""
    return " ".join(key(match.group()) for match in words(text))


def index_lemmas(article: Article) -> tuple[str, str, str]:
    """What the index holds for an article: the lemmas of its title, lead and body."""
    return lemmas(article.title or ""), lemmas(article.lead or ""), lemmas(article.body())

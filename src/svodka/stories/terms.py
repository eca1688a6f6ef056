"""What an article is about, as weighted terms: lemmas of its headline, lead and body head, plus the
entities it names. The story stage compares articles and stories by these."""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from ..entities.morph import lemma, parses
from ..records import Article

WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
BODY_HEAD = 3000
"""Characters of body read: the event is told at the top; later paragraphs drift into background."""
TITLE_WEIGHT = 3
ENTITY_WEIGHT = 2
FUNCTION_WORDS = frozenset({"PREP", "CONJ", "PRCL", "NPRO", "INTJ", "PRED"})
STOP_LEMMAS = frozenset(
    ["быть", "мочь", "этот", "тот", "весь", "свой", "который", "такой", "год", "также", "ещё", "еще", "уже", "очень", "сам", "один", "два", "новый", "другой", "время", "человек", "заявить", "сообщить", "сказать", "отметить", "говорить", "рассказать", "сообщать", "стать", "являться", "иметь", "сделать", "можно", "нужно", "день", "раз"]
)


def article_terms(article: Article) -> Counter:
    """Lemma and entity counts of the article's headline (weighted), lead and body head."""
    counts = Counter()
    for term in text_terms(article.title or ""):
        counts[term] += TITLE_WEIGHT
    counts.update(text_terms(article.lead or ""))
    counts.update(text_terms(article.body()[:BODY_HEAD]))
    for mention in article.mentions:
        if mention.entity and mention.kind != "byline":
            counts["@" + mention.entity] += ENTITY_WEIGHT
    return counts


def text_terms(text: str) -> list[str]:
    return [term for word in WORD.findall(text) if (term := content_lemma(word))]


@lru_cache(maxsize=200_000)
def content_lemma(word: str) -> str | None:
    """The word's lemma, or None for function words, stop words and one-letter tokens."""
    if len(word) < 2 and not word.isdigit():
        return None
    if re.search(r"[а-яё]", word, re.IGNORECASE):
        found = parses(word)
        if found and found[0].tag.POS in FUNCTION_WORDS:
            return None
    term = lemma(word)
    return None if term in STOP_LEMMAS else term


def body_shingles(article: Article, size: int = 4) -> set[str]:
    """Overlapping `size`-word runs of the body (not the chrome), casefolded: what reprints share."""
    words = [word.casefold().replace("ё", "е") for word in WORD.findall(article.body() or article.text)]
    if len(words) < size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}

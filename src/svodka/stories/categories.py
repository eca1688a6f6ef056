"""An article's category: one of the eight of the Telegram Data Clustering contest (TGNews).

Zero-shot and hand-written: lemmas of the title and the lead are looked up in a lexicon written from
general knowledge of Russian news vocabulary (``svodka/data/categories.tsv``: category, lemma or two
consecutive lemmas, weight), and the shape of a how-to or a listicle (a numbered headline, a
question headline, the reader addressed as "вы") counts towards ``not_news``. Nothing is trained.

    category_of("«Зенит» обыграл ЦСКА", "Петербуржцы забили два гола…")  →  "sports"
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache
from importlib import resources
from itertools import pairwise

from svodka.entities.morph import lemma, parses
from svodka.records import Article

CATEGORIES = (
    "society", "economy", "technology", "sports", "entertainment", "science", "other", "not_news",
)
LEXICON = "categories.tsv"
WORD = re.compile(r"\w+(?:[-'’]\w+)*")

TITLE_WEIGHT = 3.0  # a headline word says more about the topic than a body word
BODY_CHARS = 1500  # the lead carries the topic; the rest only costs time
OTHER_FLOOR = 4.0  # news that no topic's words claim falls to "other"
READER_WORDS = frozenset({"вы", "ваш", "ты", "твой"})
QUESTION_OPENERS = frozenset({"как", "почему", "зачем", "что", "сколько", "какой", "чем", "где"})
REPORTING_VERBS = frozenset({"сообщить", "заявить", "сообщать", "сообщаться", "передавать", "рассказать",
                             "отметить", "подчеркнуть", "пояснить", "уточнить"})

Lexicon = dict[tuple[str, ...], tuple[tuple[str, float], ...]]


def category_of(title: str | None, text: str) -> str:
    """The best of :data:`CATEGORIES` for an article (``text`` is the body; ``title`` may be empty)."""
    scores = category_scores(title, text)
    return max(CATEGORIES, key=lambda category: scores[category])


def categorise(article: Article) -> Article:
    """The category stage: the article with its category set."""
    return article.with_(category=category_of(article.title, article.body()))


def category_scores(title: str | None, text: str) -> dict[str, float]:
    title_words, body_words = words(title or ""), words(text[:BODY_CHARS])
    title_lemmas, body_lemmas = lemmas(title_words), lemmas(body_words)
    scores = dict.fromkeys(CATEGORIES, 0.0)
    add(scores, lexicon_hits(title_lemmas), TITLE_WEIGHT)
    add(scores, lexicon_hits(body_lemmas), 1.0)
    scores["other"] += OTHER_FLOOR
    scores["not_news"] += not_news_shape(title_words, title_lemmas, body_words, body_lemmas)
    return scores


def add(scores: dict[str, float], hits: Counter, scale: float) -> None:
    """Each lexicon entry counts its weight once, then less for every repeat (a square root)."""
    for key, count in hits.items():
        for category, weight in lexicon()[key]:
            scores[category] += scale * weight * count ** 0.5


def lexicon_hits(found: Sequence[str]) -> Counter:
    known = lexicon()
    pairs = pairwise(found)
    return Counter(key for key in [*((word,) for word in found), *pairs] if key in known)


def not_news_shape(title_words: Sequence[str], title_lemmas: Sequence[str],
                   body_words: Sequence[str], body_lemmas: Sequence[str]) -> float:
    """Evidence that the article gives advice or a list rather than reports: a numbered headline
    without a verb ("10 правил идеальных выходных"), a question headline, the reader addressed, a
    timeless present; each reporting verb ("сообщил", "заявил") counts against it."""
    score = 0.0
    if title_words and title_words[0].isdigit() and not has_finite_verb(title_words[1:]):
        score += 8.0
    if title_lemmas and title_lemmas[0] in QUESTION_OPENERS:
        score += 4.0
    score += 60.0 * reader_share(body_words, body_lemmas)
    score += 12.0 * max(0.0, present_share(body_words) - 0.5)
    score -= 2.0 * sum(lemma_ in REPORTING_VERBS for lemma_ in body_lemmas)
    return score


def reader_share(body_words: Sequence[str], body_lemmas: Sequence[str]) -> float:
    """The share of body words that address the reader: "вы", "ваш", imperatives, 2nd person."""
    if not body_words:
        return 0.0
    addressed = sum(lemma_ in READER_WORDS or addresses_reader(word)
                    for word, lemma_ in zip(body_words, body_lemmas))
    return addressed / len(body_words)


def present_share(body_words: Sequence[str]) -> float:
    """The share of present tense among finite verbs: news reports what happened (past) or what is
    planned (future); explainers and advice hold timelessly (present). Below 5 verbs, no verdict."""
    tenses = [tense for word in body_words if (tense := verb_tense(word))]
    return sum(tense == "pres" for tense in tenses) / len(tenses) if len(tenses) >= 5 else 0.0


@lru_cache(maxsize=100_000)
def verb_tense(word: str) -> str | None:
    found = parses(word)
    return found[0].tag.tense if found and found[0].tag.POS == "VERB" else None


@lru_cache(maxsize=100_000)
def addresses_reader(word: str) -> bool:
    found = parses(word)
    return bool(found) and ("impr" in found[0].tag or "2per" in found[0].tag)


def has_finite_verb(title_words: Iterable[str]) -> bool:
    return any((found := parses(word)) and found[0].tag.POS == "VERB" for word in title_words)


def words(text: str) -> list[str]:
    return WORD.findall(text)


def lemmas(found: Iterable[str]) -> list[str]:
    return [lemma(word) for word in found]


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """Lexicon entries keyed by their lemmas as :func:`lemma` spells them, so they match the text's."""
    entries: dict[tuple[str, ...], list[tuple[str, float]]] = {}
    for category, entry, weight in lexicon_rows():
        key = tuple(lemma(word) for word in entry.split())
        entries.setdefault(key, []).append((category, float(weight)))
    return {key: tuple(found) for key, found in entries.items()}


def lexicon_rows() -> list[list[str]]:
    text = resources.files("svodka").joinpath("data", LEXICON).read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]
    unknown = [row for row in rows if len(row) != 3 or row[0] not in CATEGORIES]
    if unknown:
        raise ValueError(f"{LEXICON}: rows that are not category<TAB>lemma<TAB>weight: {unknown[:3]}")
    return rows

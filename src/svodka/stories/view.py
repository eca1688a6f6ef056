"""A story's face: a headline chosen from its members' (informative, names the actors, no
clickbait, under 90 characters: the Dialogue-2021 headline-selection criteria) and an extractive
summary of 2-4 sentences drawn from several outlets."""
from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..records import Article
from ..sentences import sentences
from .terms import text_terms
from .vectors import cosine

HEADLINE_CHARACTERS = 90
SUMMARY_SENTENCES = (2, 4)
SUMMARY_CHARACTERS = 700
LEADING_SENTENCES = 3
"""Sentences of each member read for the summary: news puts the event first."""
LEAD_BONUS = 0.15
"""An article's first sentence usually says what happened: it gets this much, the second half of it."""
REDUNDANCY = 0.6
"""How much a candidate sentence's likeness to those already chosen counts against it."""
CLICKBAIT = re.compile(
    r"(?i)(\?|!|\.\.\.|…)\s*$|^(как|почему|зачем|что|кто|вот|узнайте|смотрите)\b"
    r"|\b(шок\w*|сенсаци\w*|невероятн\w*|вы не поверите|стало известно|раскрыл\w* секрет\w*"
    r"|вот что|видео|фото)\b")


def choose_title(articles: Sequence[Article], centroid: Mapping[str, float], actors: Sequence[str]) -> str | None:
    """The members' headline that best says what happened, by what names the story's actors."""
    titles = list(dict.fromkeys(article.title.strip() for article in articles if article.title and article.title.strip()))
    if not titles:
        return None
    return max(titles, key=lambda title: (title_score(title, centroid, actors), -len(title)))


def title_score(title: str, centroid: Mapping[str, float], actors: Sequence[str]) -> float:
    terms = text_terms(title)
    informative = cosine(dict.fromkeys(terms, 1.0), centroid)
    named = sum(1 for actor in actors if _names(title, actor))
    length = len(title)
    fit = 0.0 if 30 <= length <= HEADLINE_CHARACTERS else -0.3 if length > HEADLINE_CHARACTERS else -0.2
    return informative + 0.15 * min(named, 2) + fit - (0.4 if CLICKBAIT.search(title) else 0.0)


def _names(title: str, actor: str) -> bool:
    """The actor's name in the title, in any inflection: its longest word's stem is there."""
    word = max(actor.split(), key=len)
    return len(word) > 2 and word[: max(3, len(word) - 2)].casefold() in title.casefold()


@dataclass(frozen=True)
class _Sentence:
    text: str
    article: Article
    vector: dict[str, float]
    relevance: float

    @property
    def outlet(self) -> str | None:
        return self.article.outlet


def summarise(articles: Sequence[Article], centroid: Mapping[str, float]) -> tuple[str, tuple[str, ...]]:
    """2-4 central, non-redundant sentences from the members' leads and first sentences, preferring
    outlets not yet quoted; returns the text and the ids of the articles it draws from."""
    candidates = []
    for article in articles:
        for position, text in enumerate(_leading_sentences(article)):
            vector = _vector(text)
            candidates.append(_Sentence(text, article, vector, cosine(vector, centroid) + LEAD_BONUS / (1 + position)))
    chosen: list[_Sentence] = []
    limit = SUMMARY_SENTENCES[1] if len({a.outlet for a in articles if a.outlet}) > 2 else SUMMARY_SENTENCES[0]
    while candidates and len(chosen) < limit:
        gain, best = max(((_marginal(candidate, chosen), candidate) for candidate in candidates), key=lambda pair: pair[0])
        candidates.remove(best)
        if sum(len(c.text) for c in chosen) + len(best.text) > SUMMARY_CHARACTERS and len(chosen) >= SUMMARY_SENTENCES[0]:
            break
        if gain > 0 or not chosen:
            chosen.append(best)
    chosen.sort(key=lambda c: articles.index(c.article))
    return " ".join(c.text for c in chosen), tuple(dict.fromkeys(c.article.id for c in chosen))


def _marginal(candidate: _Sentence, chosen: list[_Sentence]) -> float:
    if not chosen:
        return candidate.relevance
    overlap = max(cosine(candidate.vector, other.vector) for other in chosen)
    new_outlet = 0.1 if candidate.outlet and all(other.outlet != candidate.outlet for other in chosen) else 0.0
    return candidate.relevance - REDUNDANCY * overlap + new_outlet


def _leading_sentences(article: Article) -> list[str]:
    found = (" ".join(article.text[s.start : s.end].split()) for s in sentences(article.text, article.spans)
             if s.kind in ("lead", "body"))
    whole = [text for text in found if 40 <= len(text) <= 400 and text[-1] in ".!?»\"…"]
    return whole[:LEADING_SENTENCES]


def _vector(text: str) -> dict[str, float]:
    return dict.fromkeys(text_terms(text), 1.0)

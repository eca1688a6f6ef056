"""Incremental story clustering: each new article is a copy of a stored one (MinHash), joins the most
similar story active in its time window, or opens a new story, which may continue an earlier one
(a thread). Nothing already clustered is re-clustered, and every lookup goes through an index, so a
batch costs the same in a store of any size."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Protocol

import numpy as np

from ..records import Article
from . import minhash
from .categories import category_of
from .terms import article_terms, body_shingles
from .vectors import Vector, add, cosine, tfidf

WINDOW_DAYS = 3
"""An article joins a story last seen at most this many days away: one happening's coverage."""
JOIN_SIMILARITY = 0.32
"""Cosine to a story's centroid from which an article joins it: set from a pairwise study of headline
cosines (ParaPhraser's best cut was near 0.30), not tuned on the benchmarks' figures."""
THREAD_DAYS = 14
THREAD_SIMILARITY = 0.16
"""A new story continues an earlier one (same actors, same subject, a different happening) from here."""
HAPPENINGS = {"call": "call", "meeting": "in person", "negotiations": "in person", "visit": "in person",
              "host": "in person"}
"""Between the same people, a phone call and a meeting are different happenings; a visit, its talks
and its host's reception are one."""
KEYS = 10
"""The article's strongest terms used to find candidate stories."""
CANDIDATES = 30
COPY_DAYS = 30
"""A copy is looked for among articles of the month around: agency copy is reprinted within days,
and a re-scrape of the very same article has its id already."""
MIN_SHINGLES = 25
"""Bodies shorter than this (a headline, a teaser) are never called copies: too little to tell."""


@dataclass
class StoryState:
    """What the clusterer keeps of a story: the sum of its members' vectors and its time span."""

    id: int
    centroid: Vector
    first_day: int
    last_day: int
    articles: int
    thread: int
    happening: str | None = None
    changed: bool = False
    days: set[int] = field(default_factory=set)


@dataclass(frozen=True)
class Membership:
    """Where one article went: its story, the stored article it copies (if any), its category."""

    article_id: str
    story_id: int
    duplicate_of: str | None
    category: str
    similarity: float
    day: int
    signature: np.ndarray
    bands: list[int]


class StoryIndex(Protocol):
    """The lookups the clusterer needs; the store implements them with indexed tables."""

    def documents(self) -> int: ...
    def frequencies(self, terms: set[str]) -> dict[str, int]: ...
    def add_frequencies(self, counts: Counter, documents: int) -> None: ...
    def copies(self, bands: list[int], first_day: int, last_day: int) -> list[tuple[str, np.ndarray]]: ...
    def story_of(self, article_id: str) -> tuple[int, str | None]: ...
    def candidates(self, keys: list[str], first_day: int, last_day: int, limit: int) -> list[int]: ...
    def load(self, story_ids: list[int]) -> list[StoryState]: ...
    def next_story_id(self) -> int: ...
    def save(self, stories: list[StoryState], memberships: list[Membership], keys: dict[int, set[str]]) -> None: ...


class Clusterer:
    """Places one batch of articles into stories; articles without a date count as of `today`."""

    def __init__(self, index: StoryIndex, today: date | None = None):
        self.index = index
        self.today = (today or date.today()).toordinal()

    def add(self, articles: list[Article]) -> list[Membership]:
        """Cluster a batch in publication order. Stories and copies the batch itself creates are
        looked up in memory alongside the index; everything is saved once, at the end."""
        ordered = sorted(articles, key=self.day_of)
        counts = {article.id: article_terms(article) for article in ordered}
        batch_frequencies = Counter(term for terms in counts.values() for term in terms)
        self.index.add_frequencies(batch_frequencies, len(ordered))
        documents = self.index.documents()
        frequencies = self.index.frequencies(set(batch_frequencies))
        self._open: dict[int, StoryState] = {}
        self._keys: dict[int, set[str]] = {}
        self._members: dict[str, Membership] = {}
        self._by_band: dict[int, list[str]] = {}
        self._keys_in_batch: dict[str, set[int]] = {}
        memberships = []
        for article in ordered:
            vector = tfidf(counts[article.id], frequencies, documents)
            membership = self._place(article, vector)
            memberships.append(membership)
            self._remember(membership)
        self.index.save([s for s in self._open.values() if s.changed], memberships, self._keys)
        return memberships

    def day_of(self, article: Article) -> int:
        try:
            return date.fromisoformat((article.published or "")[:10]).toordinal()
        except ValueError:
            return self.today

    def _place(self, article: Article, vector: Vector) -> Membership:
        day = self.day_of(article)
        happening = happening_of(article)
        shingles = body_shingles(article)
        sig = minhash.signature(shingles)
        bands = minhash.bands(sig)
        category = article.category or category_of(article.title, article.body())
        original = self._original(sig, bands, day) if len(shingles) >= MIN_SHINGLES else None
        if original:
            story_id, canonical = self._story_of(original)
            story = self._story(story_id)
            self._join(story, vector, day)
            return Membership(article.id, story.id, canonical or original, category, 1.0, day, sig, bands)
        story, similarity = self._best_story(vector, day, happening)
        if story is None:
            story, similarity = self._new_story(vector, day, happening), 1.0
        else:
            self._join(story, vector, day)
        return Membership(article.id, story.id, None, category, similarity, day, sig, bands)

    def _original(self, sig: np.ndarray, bands: list[int], day: int) -> str | None:
        scored = [(minhash.jaccard(sig, other), article_id) for article_id, other in self._lookup_copies(bands, day)]
        scored = [pair for pair in scored if pair[0] >= minhash.DUPLICATE_JACCARD]
        return max(scored)[1] if scored else None

    def _best_story(self, vector: Vector, day: int, happening: str | None) -> tuple[StoryState | None, float]:
        ids = self._candidates(vector, day - WINDOW_DAYS, day + WINDOW_DAYS)
        scored = [(cosine(vector, story.centroid), story.id) for story in self._stories(ids)
                  if story.first_day - WINDOW_DAYS <= day <= story.last_day + WINDOW_DAYS
                  and not (happening and story.happening and happening != story.happening)]
        best = max(scored, default=None)
        if best is None or best[0] < JOIN_SIMILARITY:
            return None, 0.0
        return self._open[best[1]], best[0]

    def _new_story(self, vector: Vector, day: int, happening: str | None) -> StoryState:
        story_id = self.index.next_story_id()
        earlier = self._candidates(vector, day - THREAD_DAYS, day - 1)
        threads = [(cosine(vector, story.centroid), story.thread) for story in self._stories(earlier)]
        thread = max(threads, default=(0.0, story_id))
        story = StoryState(story_id, {}, day, day, 0, thread[1] if thread[0] >= THREAD_SIMILARITY else story_id,
                           happening)
        self._open[story_id] = story
        self._join(story, vector, day)
        return story

    def _join(self, story: StoryState, vector: Vector, day: int) -> None:
        story.centroid = add(story.centroid, vector)
        story.first_day, story.last_day = min(story.first_day, day), max(story.last_day, day)
        story.articles += 1
        story.changed = True
        story.days.add(day)
        keys = _keys_of(vector)
        self._keys.setdefault(story.id, set()).update(keys)
        for key in keys:
            self._keys_in_batch.setdefault(key, set()).add(story.id)

    def _candidates(self, vector: Vector, first_day: int, last_day: int) -> list[int]:
        keys = _keys_of(vector)
        stored = self.index.candidates(keys, first_day, last_day, CANDIDATES)
        in_batch = [story_id for key in keys for story_id in self._keys_in_batch.get(key, ())
                    if self._open[story_id].first_day <= last_day and self._open[story_id].last_day >= first_day]
        return list(dict.fromkeys([*in_batch, *stored]))

    def _stories(self, ids: list[int]) -> list[StoryState]:
        missing = [story_id for story_id in ids if story_id not in self._open]
        for story in self.index.load(missing):
            self._open[story.id] = story
        return [self._open[story_id] for story_id in ids if story_id in self._open]

    def _story(self, story_id: int) -> StoryState:
        return self._stories([story_id])[0]

    def _lookup_copies(self, bands: list[int], day: int) -> list[tuple[str, np.ndarray]]:
        found = dict(self.index.copies(bands, day - COPY_DAYS, day + COPY_DAYS))
        for band in bands:
            for article_id in self._by_band.get(band, ()):
                if abs(self._members[article_id].day - day) <= COPY_DAYS:
                    found[article_id] = self._members[article_id].signature
        return list(found.items())

    def _story_of(self, article_id: str) -> tuple[int, str | None]:
        if article_id in self._members:
            membership = self._members[article_id]
            return membership.story_id, membership.duplicate_of
        return self.index.story_of(article_id)

    def _remember(self, membership: Membership) -> None:
        self._members[membership.article_id] = membership
        for band in membership.bands:
            self._by_band.setdefault(band, []).append(membership.article_id)


def happening_of(article: Article) -> str | None:
    """What the article reports happening between people, told first (its headline's, as a rule)."""
    told = [(min((r.start for r in event.evidence), default=len(article.text)), HAPPENINGS[event.type])
            for event in article.events if event.type in HAPPENINGS]
    return min(told)[1] if told else None


def _keys_of(vector: Vector) -> set[str]:
    return set(sorted(vector, key=lambda term: (-vector[term], term))[:KEYS])

"""The events stage: what happened — meetings, calls, visits, statements, agreements, … — with
participants and their roles, place, date, format, duration and topics, one event per happening."""
from __future__ import annotations

from bisect import bisect_left

from ..records import Article
from ..sentences import sentences, tokens
from .countries import countries_of
from .merge import as_event, happenings, statement_events
from .sightings import SentenceMentions, Sighting, sighting
from .triggers import trigger_kind


def annotate_events(article: Article) -> Article:
    found = sightings(article)
    countries = countries_of(article)
    names = {entity.id: entity.name for entity in article.entities}
    events = [as_event(happening, countries, names) for happening in happenings(found)]
    return article.with_(events=tuple(events + statement_events(article.quotes, article.published)))


def sightings(article: Article) -> list[Sighting]:
    mentions = sorted((m for m in article.mentions if m.entity), key=lambda m: (m.start, m.end))
    starts = [m.start for m in mentions]
    found = []
    for sentence in sentences(article.text, article.spans):
        words = tokens(article.text, sentence.start, sentence.end)
        within = mentions[bisect_left(starts, sentence.start) : bisect_left(starts, sentence.end)]
        inside = SentenceMentions.of([m for m in within if m.end <= sentence.end])
        for index in range(len(words)):
            told = trigger_kind(words, index, article.text)
            if told is not None:
                found.append(sighting(article, sentence, words, index, told[0], mentions, inside, told[1]))
    return found

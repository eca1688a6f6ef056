"""The entities stage: mentions of people, places and organisations, each tied to one entity."""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import replace
from itertools import accumulate

from ..clean.script import analysis_form
from ..records import Article, Entity, Mention
from .compound import with_country_names
from .gazetteer import gazetteer_mentions
from .kb import knowledge_base
from .descriptors import adjective_mentions, descriptor_mentions
from .link import entity_id, entity_of, link
from ..nlp import tag_names
from .ner import Found, content_texts, ner_mentions
from .nested import names_inside
from .normal import normalize
from .products import without_products
from .propagate import propagated


def annotate_entities(article: Article, tagged: list[list] | None = None) -> Article:
    """The article with its mentions and entities; `tagged`: NER's spans of its content texts, when
    they were tagged already (see `annotate_entities_many`)."""
    analysed = analysis_form(article.text)
    kb = knowledge_base()
    found = ner_mentions(analysed, article.spans, tagged)
    found = merged(found, propagated(analysed, article.spans, found))
    found = merged(found, gazetteer_mentions(analysed, article.spans, kb))
    found = with_country_names(analysed, article.spans, without_products(analysed, found), kb)
    found = sorted(found + names_inside(analysed, found, kb), key=lambda m: (m.start, -m.end))
    mentions, entities = link(analysed, found, kb)
    described = descriptor_mentions(analysed, article.spans, kb, mentions, article.published)
    adjectives = adjective_mentions(analysed, article.spans, kb, mentions + described)
    authors, author_entities = byline_mentions(article, analysed)
    extra = _kb_entities(kb, described + adjectives, entities)
    everything = sorted(mentions + described + adjectives + authors, key=lambda m: (m.start, m.end))
    return article.with_(mentions=tuple(everything), entities=in_order(everything, entities + extra + author_entities))


def annotate_entities_many(articles: list[Article]) -> list[Article]:
    """`annotate_entities` of each article, with the content of all of them tagged by NER together:
    the same result, in about half the time (the tagger works best on batches of texts of one length)."""
    texts = [content_texts(analysis_form(article.text), article.spans) for article in articles]
    tagged = iter(tag_names([text for own in texts for text in own]))
    return [annotate_entities(article, [next(tagged) for _ in own]) for article, own in zip(articles, texts)]


def in_order(mentions: list[Mention], entities: list[Entity]) -> tuple[Entity, ...]:
    """Entities in the order the article first mentions them, aliases sorted (as the store keeps them)."""
    first = {m.entity: index for index, m in reversed(list(enumerate(mentions)))}
    ordered = sorted(entities, key=lambda entity: first.get(entity.id, len(mentions)))
    return tuple(replace(entity, aliases=tuple(sorted(entity.aliases))) for entity in ordered)


def _kb_entities(kb, mentions: list[Mention], known: list[Entity]) -> list[Entity]:
    """Entities that only descriptors or adjectives point at."""
    have = {entity.id for entity in known}
    keys = dict.fromkeys(m.entity for m in mentions if m.entity not in have)
    return [entity_of(kb.entities[key]) for key in keys]


def merged(primary: list[Found], extra: list[Found]) -> list[Found]:
    """`primary` mentions, plus those of `extra` that overlap none of them, in text order."""
    taken = sorted((m.start, m.end) for m in primary)
    starts = [start for start, _ in taken]
    reach = list(accumulate((end for _, end in taken), max))  # the furthest end among the first i
    added = [m for m in extra if not _overlaps_any(m, starts, reach)]
    return sorted(primary + added, key=lambda m: m.start)


def _overlaps_any(mention: Found, starts: list[int], reach: list[int]) -> bool:
    before = bisect_left(starts, mention.end)  # the taken ranges that start before it ends
    return before > 0 and reach[before - 1] > mention.start


def byline_mentions(article: Article, analysed: str) -> tuple[list[Mention], list[Entity]]:
    """The article's authors where the byline names them: people, but not what the article is about."""
    mentions, entities = [], {}
    for span in article.spans_of("byline"):
        line = span.of(analysed)
        for author in article.authors:
            at = line.find(author)
            if at >= 0:
                normal = normalize(author, "PER")
                entity = Entity(entity_id("PER", normal), "PER", normal)
                entities[entity.id] = entity
                mentions.append(Mention(span.start + at, span.start + at + len(author), "PER", normal,
                                        entity.id, "byline"))
    return mentions, list(entities.values())

"""The quotes stage: who said what, direct and indirect, each quote tied to its speaker's entity."""
from __future__ import annotations

from dataclasses import replace

from ..records import Article, Quote
from .context import Context
from .direct import direct_quotes
from .headline import headline_quotes
from .indirect import indirect_quotes


def annotate_quotes(article: Article) -> Article:
    context = Context.of(article)
    quotes = []
    for passage in context.passages:
        direct = direct_quotes(context, passage)
        indirect = [q for q in headline_quotes(context, passage) + indirect_quotes(context, passage)
                    if not any(d.start <= q.start < d.end or q.start <= d.start < q.end for d in direct)]
        quotes.extend(sorted(direct + indirect, key=lambda quote: quote.start))
    names = {entity.id: entity.name for entity in article.entities}
    return article.with_(quotes=tuple(_canonical(quote, names) for quote in quotes))


def _canonical(quote: Quote, names: dict[str, str]) -> Quote:
    """The speaker's canonical name ("Александр Лукашенко" where the text says "белорусского лидера")."""
    return replace(quote, speaker_text=names.get(quote.speaker, quote.speaker_text))

"""A readable digest of an article for the terminal. Plain text only: scraped content is never
interpreted as markup."""
from __future__ import annotations

from collections import Counter

from .records import Article

WIDTH = 100


def digest(article: Article, sources: list[str] | None = None) -> str:
    rows = [
        ("id", article.id),
        ("source", ", ".join(sources) if sources else article.source),
        ("url", article.url),
        ("lead", article.lead),
        ("byline", ", ".join(article.authors) or None),
        ("outlet", article.outlet),
        ("cited", ", ".join(article.cited) or None),
        ("published", article.published),
        ("language", article.language),
        ("category", article.category),
        ("entities", _entity_names(article)),
        ("quotes", _quote_summary(article)),
        ("events", _event_summary(article)),
        ("body", _body_size(article)),
        ("chrome cut", _chrome_summary(article)),
    ]
    heading = _clip(article.title or "(no title)", WIDTH)
    lines = [heading, "─" * min(len(heading), WIDTH)]
    lines += [f"  {name:<11} {_clip(value or '—', WIDTH - 14)}" for name, value in rows]
    return "\n".join(lines)


def _entity_names(article: Article, limit: int = 12) -> str | None:
    counts = Counter(m.entity for m in article.mentions if m.entity and m.kind != "byline")
    names = {entity.id: entity.name for entity in article.entities}
    shown = [names.get(entity_id, entity_id) for entity_id, _ in counts.most_common(limit)]
    more = len(counts) - len(shown)
    return ", ".join(shown) + (f" and {more} more" if more > 0 else "") if shown else None


def _quote_summary(article: Article) -> str | None:
    """"6: Владимир Путин 3, Александр Лукашенко 2, эксперты 1"."""
    if not article.quotes:
        return None
    speakers = Counter(quote.speaker_text or "?" for quote in article.quotes)
    return f"{len(article.quotes)}: " + ", ".join(f"{name} {count}" for name, count in speakers.most_common())


def _event_summary(article: Article) -> str | None:
    """"meeting (Владимир Путин, Александр Лукашенко), call (…)"; statements are the quotes."""
    names = {entity.id: entity.name for entity in article.entities}
    told = [f"{event.type} ({', '.join(names.get(p.entity, p.entity) for p in event.participants)})"
            for event in article.events if event.type != "statement"]
    return "; ".join(told) or None


def _body_size(article: Article) -> str:
    body = article.spans_of("body")
    chars = sum(span.end - span.start for span in body)
    return f"{chars:,} characters in {len(body)} paragraph{'s' if len(body) != 1 else ''}"


def _chrome_summary(article: Article) -> str | None:
    chrome = article.spans_of("chrome")
    if not chrome:
        return None
    chars = sum(span.end - span.start for span in chrome)
    first = " ".join(chrome[0].of(article.text).split())
    return f"{chars:,} characters, from “{_clip(first, 40)}”"


def _clip(text: str, width: int) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[: width - 1] + "…"


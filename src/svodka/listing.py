"""Stored quotes and events for the terminal (one readable line or two each) and as JSON objects.
Scraped text goes through `printable`: it is never interpreted by the terminal."""
from __future__ import annotations

from dataclasses import asdict

from .digest import WIDTH, printable
from .store import ArticleRef, FoundEvent, FoundQuote


def quote_line(found: FoundQuote) -> str:
    """«Владимир Путин: «…» — 2024-06-01, ВЗГЛЯД [article id]»; indirect speech without guillemets."""
    quote = found.quote
    speaker = found.speaker_name or quote.speaker_text or quote.speaker or "(unknown speaker)"
    words = _one_line(quote.text)
    said = f"[indirect] {words}" if quote.kind == "indirect" else f"«{words}»"
    return printable(f"{_one_line(speaker)}: {said} — {_cited(found.article)}")


def event_lines(found: FoundEvent) -> str:
    """A heading (date, type, CAMEO code, participants, place, article) and the evidence sentence;
    a date in parentheses is the article's publication date (the event's own is unknown)."""
    event = found.event
    date = event.date or (f"({found.article.published[:10]})" if found.article.published else "(no date)")
    who = ", ".join(f"{_name(found, p.entity)} ({p.role})" for p in event.participants) or "(nobody named)"
    place = f" · {_name(found, event.place)}" if event.place else ""
    lines = [f"{date}  {_one_line(event.type)} {_one_line(event.cameo)}  {who}{place} — {_cited(found.article)}"]
    if found.evidence:
        lines.append("    " + _clip(_one_line(found.evidence), WIDTH - 4))
    return "\n".join(printable(line) for line in lines)


def quote_dict(found: FoundQuote) -> dict:
    return {"article": asdict(found.article), "ordinal": found.ordinal, "speaker_name": found.speaker_name,
            **found.quote.to_dict()}


def event_dict(found: FoundEvent) -> dict:
    data = found.event.to_dict()
    for participant in data["participants"]:
        entity = found.entity(participant["entity"])
        participant.update(name=entity.name if entity else None, type=entity.type if entity else None)
    place = found.entity(found.event.place)
    return {"id": found.id, "article": asdict(found.article), "ordinal": found.ordinal, **data,
            "place_name": place.name if place else None, "evidence_text": found.evidence}


def _name(found: FoundEvent, entity_id: str | None) -> str:
    return _one_line(found.name_of(entity_id) or "")


def _cited(article: ArticleRef) -> str:
    where = ", ".join(filter(None, [(article.published or "")[:10], article.outlet or article.source]))
    return _one_line(f"{where} [{article.id}]")


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"

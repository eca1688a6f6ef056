"""Institutions named with their country: "МИД Великобритании", "Верховный суд Пакистана" are one
organisation's name; the country inside stays a mention of its own."""
from __future__ import annotations

from .morph import parses
from .ner import Found


def with_country_names(analysed: str, found: list[Found]) -> list[Found]:
    """Add an ORG mention spanning an organisation and the place in the genitive right after it."""
    compounds = [Found(org.start, place.end, "ORG") for org, place in zip(found, found[1:])
                 if org.type == "ORG" and place.type == "LOC" and analysed[org.end : place.start] == " "
                 and _genitive(analysed[place.start : place.end])]
    replaced = {(c.start, c.end) for c in compounds}
    kept = [m for m in found if not any(m.start == start and m.type == "ORG" for start, _ in replaced)]
    return sorted(kept + compounds, key=lambda m: (m.start, -m.end))


def _genitive(name: str) -> bool:
    first = name.split()[0]
    return any(parse.tag.case == "gent" for parse in parses(first))

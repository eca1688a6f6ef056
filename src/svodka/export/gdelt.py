"""Exports of stored events. GDELT: a tab-separated table in the spirit of the GDELT 2.0 event
table, one row per event: two actors, a CAMEO code and its quad class, where and when, and the
evidence it was read from. CSV: the same table, comma-separated. JSONL: every field."""
from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterable
from typing import TextIO

from ..terminal import shown
from ..entities.kb import knowledge_base
from .text import spreadsheet_safe
from ..listing import event_dict
from ..records import Participant
from ..store import FoundEvent

GDELT_COLUMNS = {
    "GLOBALEVENTID": "stable event id: the article's id, a dash, the event's ordinal in the article",
    "SQLDATE": "YYYYMMDD of the event (month or day 00 when unknown); the publication date when the "
               "event has no date",
    "DatePrecision": "day, month or year (of the event's own date), published (SQLDATE is the "
                     "article's date) or unknown (no date at all)",
    "Actor1Id": "svodka entity id of actor 1: the initiator or host, else the first participant",
    "Actor1Name": "canonical name of actor 1",
    "Actor1CountryCode": "ISO 3166 alpha-2 country of actor 1 (a country itself, or its country in "
                         "the knowledge base: a person's citizenship or office, an organisation's seat)",
    "Actor1Type": "PER, ORG or LOC",
    "Actor1Role": "svodka role of actor 1 (initiator, host, participant, …)",
    "Actor2Id": "svodka entity id of actor 2: the counterpart, visitor, target or appointee, else the "
                "next participant",
    "Actor2Name": "canonical name of actor 2",
    "Actor2CountryCode": "country of actor 2, as for actor 1",
    "Actor2Type": "PER, ORG or LOC",
    "Actor2Role": "svodka role of actor 2",
    "EventCode": "CAMEO event code",
    "EventRootCode": "its first two digits",
    "QuadClass": "1 verbal cooperation (root 01-05), 2 material cooperation (06-08), 3 verbal conflict "
                 "(09-13), 4 material conflict (14-20)",
    "ActionGeo_FullName": "name of the place where it happened",
    "ActionGeo_CountryCode": "country of that place",
    "EventType": "svodka's event type (meeting, call, visit, …)",
    "Topics": "the event's topics, separated by ;",
    "SOURCEURL": "the article's URL, else the path it was read from",
    "ArticleId": "the svodka article id",
    "Evidence": "the text of the event's first evidence sentence, on one line",
}
FIRST_ROLES = ("initiator", "host")
SECOND_ROLES = ("counterpart", "visitor", "target", "appointee")
DATE = re.compile(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


def export_gdelt(events: Iterable[FoundEvent], out: TextIO) -> int:
    out.write("\t".join(GDELT_COLUMNS) + "\n")
    count = 0
    for count, found in enumerate(events, start=1):
        out.write("\t".join(tsv_cell(value) for value in gdelt_row(found)) + "\n")
    return count


def export_events_csv(events: Iterable[FoundEvent], out: TextIO) -> int:
    writer = csv.writer(out)
    writer.writerow(GDELT_COLUMNS)
    count = 0
    for count, found in enumerate(events, start=1):
        writer.writerow([tsv_cell(value) for value in gdelt_row(found)])
    return count


def export_events_jsonl(events: Iterable[FoundEvent], out: TextIO) -> int:
    count = 0
    for count, found in enumerate(events, start=1):
        out.write(json.dumps(event_dict(found), ensure_ascii=False) + "\n")
    return count


def gdelt_row(found: FoundEvent) -> list:
    event = found.event
    first, second = actors(event.participants)
    date, precision = sql_date(event.date, found.article.published)
    root = event.cameo[:2] if re.fullmatch(r"\d{3,4}", event.cameo or "") else ""
    return [found.id, date, precision, *_actor(found, first), *_actor(found, second), event.cameo, root,
            quad_class(root), found.name_of(event.place), country_code(event.place), event.type,
            ";".join(event.topics), found.article.url or found.article.source, found.article.id, found.evidence]


def actors(participants: tuple[Participant, ...]) -> tuple[Participant | None, Participant | None]:
    """Actor 1 (who acts or hosts) and actor 2 (whom it is done with or to)."""
    first = next((p for p in participants if p.role in FIRST_ROLES), participants[0] if participants else None)
    rest = [p for p in participants if p is not first]
    second = next((p for p in rest if p.role in SECOND_ROLES), rest[0] if rest else None)
    return first, second


def _actor(found: FoundEvent, participant: Participant | None) -> list:
    if participant is None:
        return [None] * 5
    entity = found.entity(participant.entity)
    return [participant.entity, found.name_of(participant.entity), country_code(participant.entity),
            entity.type if entity else None, participant.role]


def sql_date(date: str | None, published: str | None) -> tuple[str, str]:
    """("20240601", "day"), ("20240600", "month"), …; the publication date when `date` is none."""
    match = DATE.match(date or "")
    if match:
        year, month, day = match.groups()
        return year + (month or "00") + (day or "00"), "day" if day else "month" if month else "year"
    match = DATE.match(published or "")
    if match and match.group(3):
        return "".join(match.groups()), "published"
    return "", "unknown"


def quad_class(root: str) -> str:
    if not root:
        return ""
    code = int(root)
    return next((str(quad) for quad, top in ((1, 5), (2, 8), (3, 13), (4, 20)) if code <= top), "")


def country_code(entity_id: str | None) -> str | None:
    return knowledge_base().country_of(entity_id)


def tsv_cell(value) -> str:
    """One line, no tabs or control characters, never a spreadsheet formula."""
    return spreadsheet_safe(shown(" ".join(("" if value is None else str(value)).split())))


EVENT_EXPORTERS = {"jsonl": export_events_jsonl, "csv": export_events_csv, "gdelt": export_gdelt}

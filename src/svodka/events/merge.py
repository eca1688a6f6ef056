"""One event per happening per article: sightings of the same happening (the headline, the lead and
the body telling of one meeting) become one event with several pieces of evidence."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..records import Event, Participant, Range
from .lexicon import KINDS, SPECIFICITY, Kind
from .sightings import Sighting

ROLE_RANK = ("host", "visitor", "initiator", "counterpart", "target", "appointee", "participant")


@dataclass
class Happening:
    kind: Kind
    roles: dict[str, str] = field(default_factory=dict)
    sightings: list[Sighting] = field(default_factory=list)

    @property
    def status(self) -> str:
        return self.sightings[0].status

    def add(self, sighting: Sighting) -> None:
        self.sightings.append(sighting)
        self.kind = _more_specific(self.kind, sighting.kind)
        for participant in sighting.participants:
            known = self.roles.get(participant.entity)
            if known is None or ROLE_RANK.index(participant.role) < ROLE_RANK.index(known):
                self.roles[participant.entity] = participant.role


def happenings(sightings: list[Sighting]) -> list[Happening]:
    """Sightings that name enough people open happenings (a meeting needs two sides: "Лукашенко и
    Путин обсудили" is one); then the others join the happening they tell of, if any."""
    found: list[Happening] = []
    for sighting in filter(_can_open, sightings):
        home = _same_happening(found, sighting)
        if home is None:
            home = Happening(sighting.kind)
            found.append(home)
        home.add(sighting)
    for sighting in sightings:
        if not _can_open(sighting):
            home = _same_happening(found, sighting)
            if home is not None:
                home.add(sighting)
    return found


def _can_open(sighting: Sighting) -> bool:
    """A rally is news by its place alone ("Митинг 12 марта в Москве"); others need their people."""
    if sighting.kind.type == "protest" and sighting.place and not sighting.joins_only:
        return True
    needed = 2 if sighting.kind.family == "consult" or sighting.joins_only else 1
    return len(sighting.participants) >= needed


def _same_happening(found: list[Happening], sighting: Sighting) -> Happening | None:
    """The happening this sighting tells of: same family and status, the same people (all of the fewer side,
    at least two where both have two; anyone for people said to take part in it), and no other
    date; with nobody named, the nearest of its family told before it (or the first)."""
    family = [h for h in found if h.kind.family == sighting.kind.family and h.status == sighting.status]
    entities = {p.entity for p in sighting.participants}
    return _nearest([h for h in family if (sighting.takes_part or _shares_people(h, entities))
                     and _dates_agree(h, sighting)], sighting)


def _shares_people(happening: Happening, entities: set[str]) -> bool:
    """Enough people in common, and one side's people all on the other's: "Меркель и Порошенко
    договорились с Путиным" and "Меркель, Порошенко и Олланд выступили с заявлением" are two."""
    known = set(happening.roles)
    needed = min(2, len(entities), len(known))
    return len(entities & known) >= needed and (entities <= known or known <= entities)


def _nearest(family: list[Happening], sighting: Sighting) -> Happening | None:
    before = [h for h in family if h.sightings[0].sentence.start <= sighting.sentence.start]
    if before:
        return max(before, key=lambda h: max(s.sentence.start for s in h.sightings
                                             if s.sentence.start <= sighting.sentence.start))
    return family[0] if family else None


def _dates_agree(happening: Happening, sighting: Sighting) -> bool:
    dates = {s.date for s in happening.sightings if s.date}
    return not sighting.date or not dates or any(d.startswith(sighting.date) or sighting.date.startswith(d) for d in dates)


def _more_specific(one: Kind, other: Kind) -> Kind:
    if one.family != "consult" or other.family != "consult":
        return one
    return min(one, other, key=lambda kind: SPECIFICITY.index(kind.type))


def as_event(happening: Happening, countries: dict[str, str], names: dict[str, str]) -> Event:
    sightings = sorted(happening.sightings, key=lambda s: s.trigger.start)
    dated = [s for s in sightings if s.date]
    best = max(dated, key=lambda s: ("unknown", "year", "month", "day").index(s.precision), default=None)
    place = next((s.place for s in sightings if s.place), None)
    roles = _hosting(happening, place, countries)
    return Event(
        type=happening.kind.type, cameo=happening.kind.cameo,
        participants=tuple(Participant(entity, role) for entity, role in roles.items()),
        evidence=tuple(dict.fromkeys(Range(s.sentence.start, s.sentence.end) for s in sightings)),
        trigger=sightings[0].trigger.text, place=place,
        date=best.date if best else None, date_precision=best.precision if best else "unknown",
        topics=_topics(sightings, roles, countries, names),
        format=next((s.format for s in sightings if s.format), None),
        duration=next((s.duration for s in sightings if s.duration), None),
        status=happening.status,
    )


def _topics(sightings: list[Sighting], roles: dict[str, str], countries: dict[str, str],
            names: dict[str, str]) -> tuple[str, ...]:
    """Topics by name; the participants' own countries say nothing of what was discussed."""
    own = {"country:" + countries[entity] for entity in roles if entity in countries}
    topics = (topic for s in sightings for topic in s.topics if topic not in own and topic not in roles)
    return tuple(dict.fromkeys(names.get(topic, topic) for topic in topics))


def _hosting(happening: Happening, place: str | None, countries: dict[str, str]) -> dict[str, str]:
    """A meeting in one participant's country: that participant hosts, the others visit."""
    roles = dict(happening.roles)
    where = countries.get(place) if place else None
    if happening.kind.family != "consult" or happening.kind.type == "call" or where is None:
        return roles
    home = [entity for entity in roles if countries.get(entity) == where]
    away = [entity for entity in roles if countries.get(entity) not in (None, where)]
    if len(home) == 1 and away:
        roles[home[0]] = "host"
        roles.update({entity: "visitor" for entity in away})
    return roles


def statement_events(quotes, published: str | None) -> list[Event]:
    """Each speaker's quotes in an article: one statement."""
    by_speaker: dict[str, list] = {}
    for quote in quotes:
        if quote.speaker:
            by_speaker.setdefault(quote.speaker, []).append(quote)
    kind = KINDS["statement"]
    return [Event(type=kind.type, cameo=kind.cameo, participants=(Participant(speaker, "initiator"),),
                  evidence=tuple(Range(q.start, q.end) for q in said), trigger=said[0].cue or "",
                  date=published[:10] if published else None, date_precision="day" if published else "unknown")
            for speaker, said in by_speaker.items()]

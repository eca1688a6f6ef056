"""Scoring events (with their status) and quotes (with their speakers) against the hand-made facts
gold of `gold/facts/` (see its GUIDELINE.md).

The gold addresses the article's annotation text (title, summary, content of a realnews-ru row) by
offsets; svodka reads the same row as its JSONL reader does and cleans it, so its offsets differ.
Events and quotes are therefore matched by what they say, not where: a quote by the words of its
content, an event by its type family and by its sentence or its participants. Names match when one
is the other's words (lemmatised) or they share the surname ("Путин" ~ "Владимир Путин")."""
from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..entities.morph import lemma
from ..records import Article, Event

WORD = re.compile(r"\w+")
FAMILIES = {"meeting": "consult", "call": "call", "negotiations": "consult", "visit": "consult",
            "host": "consult", "criticism": "criticism", "accusation": "criticism"}
"""Types a reader and svodka may tell apart differently: a meeting, its talks, a visit and its
reception are one happening; a criticism and an accusation are close kin."""
PATIENT_ROLES = frozenset({"target", "appointee"})
"""svodka's roles of who is acted upon in a directed event (criticism, accusation, sanctions, appointment,
military action, protest); the gold's patients."""
DIRECTED = frozenset({"criticism", "accusation", "sanctions", "appointment", "military", "protest"})
MATCH_OVERLAP = 0.5  # share of the shorter passage's words two passages must share to be one


@dataclass(frozen=True)
class GoldEvent:
    type: str
    status: str
    agents: tuple[str, ...]
    patients: tuple[str, ...]
    place: str | None
    sentence: str


@dataclass(frozen=True)
class GoldQuote:
    kind: str
    content: str
    speaker: str | None
    author: bool


@dataclass
class GoldArticle:
    file: str
    row: int
    record: dict
    events: list[GoldEvent]
    quotes: list[GoldQuote]


@dataclass
class FactCounts:
    """What the scorer counted over the articles scored so far."""

    gold_happened: int = 0
    predicted_happened: int = 0
    happened_matched: int = 0
    happened_not_happened: int = 0  # svodka's happened events that the gold says did not happen
    status_pairs: Counter = field(default_factory=Counter)  # (gold status, svodka status) of matched events
    participants_predicted: int = 0  # over matched events: svodka's participants,
    participants_gold: int = 0  # the gold's,
    participants_right: int = 0  # svodka's that the gold names too,
    sides_judged: int = 0  # those of a directed event,
    sides_right: int = 0  # and of them, on the gold's side (agent or patient)
    gold_quotes: int = 0
    predicted_quotes: int = 0
    quotes_matched: int = 0
    content_overlap: int = 0
    content_predicted: int = 0
    content_gold: int = 0
    speakers_judged: int = 0
    speakers_right: int = 0
    author_lines: int = 0
    author_lines_given: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, other: FactCounts) -> None:
        for name, value in vars(other).items():
            setattr(self, name, getattr(self, name) + value)

    def scores(self) -> dict[str, float | int]:
        return {
            "happened P": _ratio(self.happened_matched, self.predicted_happened),
            "happened R": _ratio(self.happened_matched, self.gold_happened),
            "not happened as happened": self.happened_not_happened,
            "status accuracy": _ratio(sum(n for (g, p), n in self.status_pairs.items() if g == p),
                                      sum(self.status_pairs.values())),
            "participants P": _ratio(self.participants_right, self.participants_predicted),
            "participants R": _ratio(self.participants_right, self.participants_gold),
            "role side accuracy": _ratio(self.sides_right, self.sides_judged),
            "quotes P": _ratio(self.quotes_matched, self.predicted_quotes),
            "quotes R": _ratio(self.quotes_matched, self.gold_quotes),
            "content P": _ratio(self.content_overlap, self.content_predicted),
            "content R": _ratio(self.content_overlap, self.content_gold),
            "content F1": _f1(_ratio(self.content_overlap, self.content_predicted),
                              _ratio(self.content_overlap, self.content_gold)),
            "speaker accuracy": _ratio(self.speakers_right, self.speakers_judged),
            "author lines given to someone": self.author_lines_given,
        }


def load_gold(paths: list[Path], data: Path) -> list[GoldArticle]:
    """Every annotated article of the gold files `paths`, read against the rows in `data`."""
    articles = []
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            item = json.loads(line)
            record = _row(data / item["file"], item["row"])
            text = annotation_text(record)
            articles.append(GoldArticle(
                item["file"], item["row"], record,
                [GoldEvent(e["type"], e["status"], tuple(e["agents"]), tuple(e["patients"]), e.get("place"),
                           _passage(text, e["sentence"])) for e in item.get("events", [])],
                [GoldQuote(q["kind"], " ".join(_passage(text, part) for part in [q["content"], *q.get("more", [])]),
                           q.get("speaker"), bool(q.get("author"))) for q in item.get("quotes", [])],
            ))
    return articles


def annotation_text(record: dict) -> str:
    """As gold/facts/text.py builds it: title, summary (when not blank), content."""
    parts = [record.get("title") or ""]
    if (record.get("summary") or "").strip():
        parts.append(record["summary"])
    parts.append(record.get("content") or "")
    return "\n\n".join(parts)


def score_article(gold: GoldArticle, article: Article | None) -> FactCounts:
    counts = FactCounts()
    events = [] if article is None else [e for e in article.events if e.type != "statement"]
    _score_events(gold, article, events, counts)
    _score_quotes(gold, article, counts)
    return counts


def _score_events(gold: GoldArticle, article: Article | None, events: list[Event], counts: FactCounts) -> None:
    """Each event is matched to one gold event: first by the sentence that tells it, then (for the
    events left) by its participants and an overlapping sentence, so that a loose match does not
    take the gold event another event tells in so many words."""
    counts.gold_happened += sum(e.status == "happened" for e in gold.events)
    counts.predicted_happened += sum(e.status == "happened" for e in events)
    unmatched, matches = list(gold.events), {}
    for strict in (True, False):
        for number, event in enumerate(events):
            if number in matches:
                continue
            match = next((g for g in unmatched if _same_event(g, event, article, strict)), None)
            if match is not None:
                unmatched.remove(match)
                matches[number] = match
    for number, event in enumerate(events):
        match = matches.get(number)
        if match is None:
            if event.status == "happened":
                counts.errors.append(f"{gold.file}#{gold.row}: extra {event.type} {_names(event, article)} "
                                     f"«{_evidence(event, article)[:120]}»")
            continue
        counts.status_pairs[(match.status, event.status)] += 1
        _score_participants(match, event, article, counts)
        if event.status == "happened" and match.status == "happened":
            counts.happened_matched += 1
        elif event.status == "happened":
            counts.happened_not_happened += 1
            counts.errors.append(f"{gold.file}#{gold.row}: {match.status} {match.type} taken as happened "
                                 f"«{match.sentence[:120]}»")
    for missed in unmatched:
        if missed.status == "happened":
            counts.errors.append(f"{gold.file}#{gold.row}: missed {missed.type} "
                                 f"{', '.join(missed.agents + missed.patients)} «{missed.sentence[:120]}»")


def _score_participants(gold: GoldEvent, event: Event, article: Article, counts: FactCounts) -> None:
    """Who svodka says took part, against the gold's agents and patients; in a directed event,
    whether each one found is on the gold's side."""
    counts.participants_predicted += len(event.participants)
    counts.participants_gold += len(gold.agents) + len(gold.patients)
    for participant, name in zip(event.participants, _names(event, article)):
        agent = any(name_matches(g, name) for g in gold.agents)
        patient = any(name_matches(g, name) for g in gold.patients)
        counts.participants_right += agent or patient
        if gold.type in DIRECTED and agent != patient:
            counts.sides_judged += 1
            counts.sides_right += patient == (participant.role in PATIENT_ROLES)


def _same_event(gold: GoldEvent, event: Event, article: Article, strict: bool = False) -> bool:
    if FAMILIES.get(gold.type, gold.type) != FAMILIES.get(event.type, event.type):
        return False
    if _overlap(_words(gold.sentence), _words(_evidence(event, article))) >= MATCH_OVERLAP:
        return True
    if strict:
        return False
    names = _names(event, article)
    return any(name_matches(g, n) for g in gold.agents + gold.patients for n in names) and \
        _overlap(_words(gold.sentence), _words(" ".join(article.text[r.start:r.end] for r in event.evidence))) > 0.2


def _score_quotes(gold: GoldArticle, article: Article | None, counts: FactCounts) -> None:
    quotes = [] if article is None else list(article.quotes)
    said = [g for g in gold.quotes if not g.author]
    counts.gold_quotes += len(said)
    counts.predicted_quotes += len(quotes)
    counts.author_lines += len(gold.quotes) - len(said)
    predicted = [(q, _words(q.said())) for q in quotes]
    counts.content_predicted += sum(len(words) for _, words in predicted)
    counts.content_gold += sum(len(_words(g.content)) for g in said)
    for author in (g for g in gold.quotes if g.author):  # taken as a quote: most of its words in one
        own = _words(author.content)
        if any(q.speaker and _overlap_count(own, words) >= MATCH_OVERLAP * sum(own.values()) for q, words in predicted):
            counts.author_lines_given += 1
            counts.errors.append(f"{gold.file}#{gold.row}: author's words given to someone «{author.content[:100]}»")
    names = {entity.id: entity.name for entity in article.entities} if article else {}
    for quote in said:
        words = _words(quote.content)
        best = max(predicted, key=lambda item: _overlap_count(words, item[1]), default=None)
        if best is None or _overlap(words, best[1]) < MATCH_OVERLAP:
            counts.errors.append(f"{gold.file}#{gold.row}: missed quote of {quote.speaker} «{quote.content[:100]}»")
            continue
        predicted.remove(best)
        counts.quotes_matched += 1
        counts.content_overlap += _overlap_count(words, best[1])
        if quote.speaker:
            counts.speakers_judged += 1
            speaker = names.get(best[0].speaker or "") or best[0].speaker_text or ""
            if name_matches(quote.speaker, speaker):
                counts.speakers_right += 1
            else:
                counts.errors.append(f"{gold.file}#{gold.row}: speaker {speaker or '(none)'!r}, gold "
                                     f"{quote.speaker!r} «{quote.content[:80]}»")


def name_matches(gold: str, predicted: str) -> bool:
    """The same name in other words: equal lemmas, one's words within the other's, or the same
    surname ("Путин" ~ "Владимир Путин"; "МИД России" ~ "МИД РФ" does not match)."""
    one, other = _lemmas(gold), _lemmas(predicted)
    if not one or not other:
        return False
    return set(one) <= set(other) or set(other) <= set(one) or one[-1] == other[-1] and len(one[-1]) > 3


def _lemmas(name: str) -> list[str]:
    return [lemma(word).replace("ё", "е") for word in WORD.findall(name.casefold())]


def _names(event: Event, article: Article | None) -> list[str]:
    names = {entity.id: entity.name for entity in article.entities} if article else {}
    return [names.get(p.entity, p.entity) for p in event.participants]


def _evidence(event: Event, article: Article | None) -> str:
    if article is None or not event.evidence:
        return ""
    first = event.evidence[0]
    return article.text[first.start:first.end]


def _words(text: str) -> Counter:
    return Counter(word.casefold() for word in WORD.findall(text))


def _overlap_count(one: Counter, other: Counter) -> int:
    return sum((one & other).values())


def _overlap(one: Counter, other: Counter) -> float:
    shorter = min(sum(one.values()), sum(other.values()))
    return _overlap_count(one, other) / shorter if shorter else 0.0


def _passage(text: str, part: dict) -> str:
    return text[part["start"]:part["end"]]


def _row(path: Path, row: int) -> dict:
    with path.open(encoding="utf-8") as stream:
        for number, line in enumerate(stream):
            if number == row:
                return json.loads(line)
    raise IndexError(f"{path} has no row {row}")


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0

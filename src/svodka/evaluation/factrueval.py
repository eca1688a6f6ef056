"""factRuEval-2016 loader: mentions from ``.objects`` -> ``.spans`` -> ``.tokens``.

One document is six files sharing a stem (``book_<id>``). A mention (``.objects``) lists its spans
(``.spans``); a span covers ``n_tokens`` tokens starting at ``first_token_id`` (``.tokens``, whose
offsets are Python character offsets into the ``.txt`` read as UTF-8 with ``newline=''``:
``text[start:start + length]`` equals the token on all 90,322 tokens of both splits, and loading
checks it again).

Person -> PER, Org -> ORG, Location and LocOrg -> LOC; Project and Facility are left out. A
mention runs from the first to the last character of its spans, and is also found by its name
part alone: the same range without its descriptor spans ("столице Великобритании" by
"Великобритании"). Nested mentions all stay gold ("МИД России" and the LocOrg "России" in it).
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from svodka.evaluation.mentions import GoldMention, NerDocument, Span

OBJECT_TYPES = {"Person": "PER", "Org": "ORG", "Location": "LOC", "LocOrg": "LOC"}

# Span types that describe rather than name; a mention is also found by its range without them.
DESCRIPTOR_SPAN_TYPES = frozenset({"org_descr", "loc_descr", "job", "prj_descr", "facility_descr"})


@dataclass(frozen=True)
class Token:
    id: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class SpanRecord:
    id: str
    type: str
    start: int
    end: int


def read_text(path: Path) -> str:
    with open(path, encoding="utf-8", newline="") as file:
        return file.read()


def lines(path: Path) -> list[str]:
    # Not splitlines(): it would also split inside a token on U+2028, U+0085, form feeds...
    return read_text(path).split("\n")


def data_lines(path: Path) -> Iterator[str]:
    """Non-blank lines with the ``# ...`` comment (a human-readable echo of the ids) cut off."""
    for line in lines(path):
        fields = line.partition("#")[0].strip()
        if fields:
            yield fields


def read_tokens(path: Path) -> list[Token]:
    tokens = []
    for line in lines(path):
        if not line.strip():
            continue
        token_id, start, length, text = line.split(" ", 3)
        tokens.append(Token(token_id, int(start), int(start) + int(length), text))
    return tokens


def read_spans(path: Path, tokens: list[Token]) -> dict[str, SpanRecord]:
    """Spans by id, with the character range of their tokens."""
    position = {token.id: index for index, token in enumerate(tokens)}
    spans = {}
    for line in data_lines(path):
        span_id, span_type, _start, _length, first_token_id, n_tokens = line.split()[:6]
        first = position[first_token_id]
        last = tokens[first + int(n_tokens) - 1]
        spans[span_id] = SpanRecord(span_id, span_type, tokens[first].start, last.end)
    return spans


def read_entity_ids(path: Path, document_id: str) -> dict[str, str]:
    """Mention id -> ``<document>:<coref object id>`` (identity within the document)."""
    entity_ids = {}
    for record in read_text(path).split("\n\n"):
        first_line = record.strip().partition("\n")[0]
        if not first_line:
            continue
        object_id, *mention_ids = first_line.split()
        for mention_id in mention_ids:
            entity_ids[mention_id] = f"{document_id}:{object_id}"
    return entity_ids


def covering_range(spans: list[SpanRecord]) -> Span:
    return min(span.start for span in spans), max(span.end for span in spans)


def name_part_range(spans: list[SpanRecord]) -> Span | None:
    names = [span for span in spans if span.type not in DESCRIPTOR_SPAN_TYPES]
    return covering_range(names) if names else None


def mention_from_object(
    line: str, spans: dict[str, SpanRecord], entity_ids: dict[str, str]
) -> GoldMention | None:
    mention_id, object_type, *span_ids = line.split()
    entity_type = OBJECT_TYPES.get(object_type)
    if entity_type is None:
        return None
    parts = [spans[span_id] for span_id in span_ids]
    start, end = covering_range(parts)
    name_part = name_part_range(parts)
    alternatives = (name_part,) if name_part not in (None, (start, end)) else ()
    return GoldMention(start, end, entity_type, alternatives, entity_id=entity_ids.get(mention_id))


def without_duplicates(mentions: list[GoldMention]) -> tuple[GoldMention, ...]:
    """One mention per (start, end, type): a range annotated twice is still one thing to find."""
    seen: dict[tuple[int, int, str], GoldMention] = {}
    for mention in mentions:
        seen.setdefault((mention.start, mention.end, mention.type), mention)
    return tuple(seen.values())


def mismatched_tokens(text: str, tokens: list[Token]) -> list[Token]:
    return [token for token in tokens if text[token.start : token.end] != token.text]


def load_document(stem: Path) -> NerDocument:
    text = read_text(stem.with_suffix(".txt"))
    tokens = read_tokens(stem.with_suffix(".tokens"))
    if mismatched := mismatched_tokens(text, tokens):
        raise ValueError(f"{stem}: {len(mismatched)} token offsets do not match the text")
    spans = read_spans(stem.with_suffix(".spans"), tokens)
    entity_ids = read_entity_ids(stem.with_suffix(".coref"), stem.name)
    mentions = [
        mention_from_object(line, spans, entity_ids)
        for line in data_lines(stem.with_suffix(".objects"))
    ]
    gold = without_duplicates([mention for mention in mentions if mention is not None])
    return NerDocument(stem.name, text, gold)


def document_stems(split_dir: Path) -> list[Path]:
    stems = (path.with_suffix("") for path in split_dir.glob("book_*.objects"))
    return sorted(stems, key=lambda stem: int(stem.name.removeprefix("book_")))


def load_factrueval(split_dir: Path) -> Iterator[NerDocument]:
    """Documents of one split directory (``factrueval2016/devset`` or ``testset``)."""
    for stem in document_stems(split_dir):
        yield load_document(stem)


def token_offset_mismatches(split_dir: Path) -> list[tuple[str, Token]]:
    """Tokens whose offsets do not select their own text in the ``.txt`` (there are none)."""
    mismatches = []
    for stem in document_stems(split_dir):
        text = read_text(stem.with_suffix(".txt"))
        tokens = read_tokens(stem.with_suffix(".tokens"))
        mismatches.extend((stem.name, token) for token in mismatched_tokens(text, tokens))
    return mismatches

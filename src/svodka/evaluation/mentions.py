"""The records the NER harness passes around: gold mentions, documents, system predictions."""
from __future__ import annotations

from dataclasses import dataclass

ENTITY_TYPES = ("PER", "LOC", "ORG")

Span = tuple[int, int]


@dataclass(frozen=True)
class GoldMention:
    """A gold mention: ``text[start:end]`` of ``type``.

    ``alternatives`` are other character ranges that also count as finding this mention (for
    factRuEval: the name without its descriptor). ``normal`` is the annotated base form and
    ``entity_id`` the entity the mention refers to, where the dataset gives them.
    """

    start: int
    end: int
    type: str
    alternatives: tuple[Span, ...] = ()
    normal: str | None = None
    entity_id: str | None = None

    @property
    def spans(self) -> tuple[Span, ...]:
        return ((self.start, self.end), *self.alternatives)


@dataclass(frozen=True)
class NerDocument:
    """A document with its gold mentions.

    ``optional`` mentions are right if found but not missed if not found: a prediction matching
    one is neither a true nor a false positive (NEREL's spans nested inside a same-type span).
    ``flat`` gold never annotates a name inside another (SlavicNER), so it cannot judge a
    prediction nested inside a correct one ("Пакистана" in "Верховный суд Пакистана").
    """

    id: str
    text: str
    gold: tuple[GoldMention, ...]
    topic: str | None = None
    optional: tuple[GoldMention, ...] = ()
    flat: bool = False


@dataclass(frozen=True)
class Prediction:
    """What a system under test returns: ``text[start:end]`` is a ``type`` mention, base form ``normal``."""

    start: int
    end: int
    type: str
    normal: str | None = None
    entity: str | None = None

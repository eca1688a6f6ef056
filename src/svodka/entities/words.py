"""Words of the article's content (title, lead, body) with their offsets: what the gazetteer,
propagation and descriptors scan."""
from __future__ import annotations

import re
from functools import lru_cache

from ..records import Span

CONTENT_KINDS = ("title", "lead", "body")
WORD = re.compile(r"\w+(?:[-'’]\w+)*")

Word = tuple[int, int, str]

# What a sentence starts after, read back from a word: a full stop (and a closing quote), a line
# break, or a dialogue dash opening a line. An opening quote or bracket is not one: «Яблоко» is a name.
SENTENCE_START = re.compile(r"(?:^|[.!?…][»”\"]?\s+|\n[ \t]*(?:[—–-][ \t]*)?)$")
LOOK_BACK = 8


def opens_sentence(analysed: str, start: int) -> bool:
    """Whether the word at `start` is capitalised by its place, not because it is a name."""
    return SENTENCE_START.search(analysed, max(0, start - LOOK_BACK), start) is not None


@lru_cache(maxsize=4)
def content_passages(analysed: str, spans: tuple[Span, ...]) -> tuple[list[Word], ...]:
    """For each content span, its words as (start, end, text), offsets into the whole text; read once
    per article, however many steps ask (the lists are shared: do not change them)."""
    return tuple([(span.start + m.start(), span.start + m.end(), m.group()) for m in WORD.finditer(span.of(analysed))]
                 for span in spans if span.kind in CONTENT_KINDS)

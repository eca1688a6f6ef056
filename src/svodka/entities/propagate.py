"""Document-level consistency: a name NER found once is the same kind of name wherever else the
article writes it ("Путин" missed in the title but found in the body)."""
from __future__ import annotations

from ..records import Span
from .morph import lemma
from .ner import Found
from .words import WORD, content_passages


def propagated(analysed: str, spans: tuple[Span, ...], found: list[Found]) -> list[Found]:
    """Capitalised occurrences of single-word names already found, which no mention covers."""
    types = _single_word_types(analysed, found)
    return [Found(start, end, types[lemma(word)]) for words in content_passages(analysed, spans)
            for start, end, word in words if word[:1].isupper() and lemma(word) in types]


def _single_word_types(analysed: str, found: list[Found]) -> dict[str, str]:
    """Lemma → type of the single-word mentions and of the surnames of people named in full
    ("Карасин" after "Григорий Карасин"), keeping only lemmas NER always gave one type."""
    seen: dict[str, set[str]] = {}
    for mention in found:
        text = analysed[mention.start : mention.end]
        if WORD.fullmatch(text):
            seen.setdefault(lemma(text), set()).add(mention.type)
        elif mention.type == "PER" and len(words := text.split()) >= 2 and WORD.fullmatch(words[-1]):
            seen.setdefault(lemma(words[-1]), set()).add("PER")
    return {key: next(iter(kinds)) for key, kinds in seen.items() if len(kinds) == 1}

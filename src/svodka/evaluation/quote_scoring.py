"""Scoring predicted quotes against ADAQ's token tags: token P/R/F1, speaker accuracy, sentences.

A token is predicted ``content`` when it overlaps any predicted quote's words, ``source`` when it
overlaps any predicted speaker range, ``cue`` when it overlaps any predicted cue range (offsets
only: a speaker given by name without a range marks no token). Each tag is scored on its own over
tokens: precision = tokens predicted and tagged so / tokens predicted, recall = the same / tokens
tagged so. Punctuation tokens (no letter or digit: commas, quote marks, dashes) count like any
other token, as ADAQ tags them (a quote's own quote marks are ``content``); a second count leaves
them out. Tokens that could not be placed in their sentence count in neither.

Speaker accuracy: over gold sentences with both a content and a source span, the share where the
predicted quote overlapping the most gold content tokens has a speaker range overlapping a gold
source token.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from svodka.evaluation.adaq import TAGS, AdaqSentence, AdaqToken
from svodka.evaluation.mentions import Span
from svodka.evaluation.predicted import PredictedQuote, any_overlap, overlaps
from svodka.evaluation.scoring import Prf


def predicted_spans(quotes: Sequence[PredictedQuote], tag: str) -> list[Span]:
    spans = {"content": [q.content for q in quotes], "source": [q.source for q in quotes],
             "cue": [q.cue for q in quotes]}[tag]
    return [span for span in spans if span is not None]


def predicted_tags(token: AdaqToken, quotes: Sequence[PredictedQuote]) -> set[str]:
    if token.span is None:
        return set()
    return {tag for tag in TAGS if any(overlaps(token.span, span) for span in predicted_spans(quotes, tag))}


def best_quote(sentence: AdaqSentence, quotes: Sequence[PredictedQuote]) -> PredictedQuote | None:
    """The predicted quote overlapping the most gold content tokens, if any overlaps one."""
    content = [token.span for token in sentence.tagged("content") if token.span is not None]
    overlap = [sum(overlaps(quote.content, span) for span in content) for quote in quotes]
    if not quotes or max(overlap) == 0:
        return None
    return quotes[overlap.index(max(overlap))]


def speaker_is_right(sentence: AdaqSentence, quotes: Sequence[PredictedQuote]) -> bool:
    quote = best_quote(sentence, quotes)
    if quote is None or quote.source is None:
        return False
    sources = [token.span for token in sentence.tagged("source") if token.span is not None]
    return any_overlap([quote.source], sources)


@dataclass
class QuoteCounts:
    """Running counts over the sentences of the dataset; ``*_words`` leave punctuation out."""

    right: Counter = field(default_factory=Counter)
    predicted: Counter = field(default_factory=Counter)
    gold: Counter = field(default_factory=Counter)
    sentences: int = 0
    refused: int = 0
    gold_with_quote: int = 0
    predicted_with_quote: int = 0
    both_with_quote: int = 0
    attributable: int = 0
    speaker_right: int = 0

    def add(self, sentence: AdaqSentence, quotes: Sequence[PredictedQuote] | None) -> None:
        """Count one sentence; ``quotes`` is ``None`` when the system refused the sentence."""
        self.sentences += 1
        self.refused += quotes is None
        quotes = quotes or []
        for token in sentence.tokens:
            if token.span is not None:
                self.add_token(token, predicted_tags(token, quotes))
        has_gold, has_predicted = bool(sentence.tagged("content")), bool(quotes)
        self.gold_with_quote += has_gold
        self.predicted_with_quote += has_predicted
        self.both_with_quote += has_gold and has_predicted
        if has_gold and sentence.tagged("source"):
            self.attributable += 1
            self.speaker_right += speaker_is_right(sentence, quotes)

    def add_token(self, token: AdaqToken, tags: set[str]) -> None:
        kinds = ("all",) if token.is_punctuation else ("all", "words")
        for kind in kinds:
            self.gold[token.tag, kind] += 1
            for tag in tags:
                self.predicted[tag, kind] += 1
                self.right[tag, kind] += tag == token.tag

    def prf(self, tag: str, words_only: bool = False) -> Prf:
        key = (tag, "words" if words_only else "all")
        return Prf(self.right[key], self.predicted[key], self.right[key], self.gold[key])

    @property
    def speaker_accuracy(self) -> float:
        return self.speaker_right / self.attributable if self.attributable else 0.0

"""The one place that loads Natasha's models (they ship inside the natasha wheel), once per process.

svodka uses Natasha's NER tagger only (sentences, words and morphology come from razdel and
pymorphy3), so only the embedding and the NER model are loaded.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

import numpy as np
from natasha import NewsEmbedding, NewsNERTagger
from slovnet.exec.model import Conv1d
from threadpoolctl import threadpool_limits

NER_MAX_CHARS = 5000
"""Longer texts are tagged in pieces (a paragraph of news is a few hundred characters)."""
NER_BATCH = 16
"""Texts tagged together. The tagger pads a batch to its longest text, so texts go in sorted by
length; measured on 300 real articles, 16 was fastest (1.8-2.0x the tagger's own 8 in text order;
32 and more are slower again)."""


@dataclass(frozen=True)
class Models:
    ner_tagger: NewsNERTagger


class WindowlessConv1d(Conv1d):
    """slovnet's 1-d convolution without copying every window of the input (its im2col copy was a
    third of the NER model's time): the same products, summed kernel offset by kernel offset.
    Measured on 2,982 paragraphs of realnews-ru: the same names, in 17% less time."""

    def __call__(self, input):
        weight, pad = self.weight.array, self.padding
        padded = np.pad(input, ((0, 0), (0, 0), (pad, pad))).transpose(0, 2, 1)
        windows = padded.shape[1] - weight.shape[2] + 1
        output = padded[:, :windows, :] @ weight[:, :, 0].T
        for offset in range(1, weight.shape[2]):
            output += padded[:, offset : offset + windows, :] @ weight[:, :, offset].T
        output += self.bias.array
        return output.swapaxes(2, 1)


@lru_cache(maxsize=1)
def models() -> Models:
    """Loaded once per process. svodka runs in parallel by process, so the NER's matrix products get
    one BLAS thread: a second one only spins (measured: ~50 CPU-seconds wasted per 2,000 articles)."""
    threadpool_limits(1, user_api="blas")
    tagger = NewsNERTagger(NewsEmbedding())
    tagger.batch_size = tagger.infer.encoder.batch_size = NER_BATCH
    for layer in tagger.infer.model.encoder.layers:
        layer.conv.__class__ = WindowlessConv1d
    return Models(ner_tagger=tagger)


@dataclass(frozen=True, slots=True)
class Tagged:
    """A name NER found: `start`/`stop` in the text it was given, and its type (PER, LOC, ORG)."""

    start: int
    stop: int
    type: str


def tag_names(texts: Sequence[str]) -> list[list[Tagged]]:
    """Natasha's NER spans of each text, in the order given. The texts are tagged shortest first, so
    that each batch holds texts of about one length (the output is the same as tagging them one by
    one); a text longer than NER_MAX_CHARS is tagged in pieces cut after a sentence, so that one
    huge paragraph costs time and memory in proportion to its length."""
    pieces = [(index, offset, piece) for index, text in enumerate(texts) for offset, piece in _pieces(text)]
    order = sorted(range(len(pieces)), key=lambda at: len(pieces[at][2]))
    tagged: list[list[Tagged]] = [[] for _ in texts]
    markups = models().ner_tagger.map([pieces[at][2] for at in order])
    for at, markup in zip(order, markups):
        index, offset, _ = pieces[at]
        tagged[index].extend(Tagged(offset + span.start, offset + span.stop, span.type) for span in markup.spans)
    for found in tagged:
        found.sort(key=lambda span: span.start)
    return tagged


def _pieces(text: str) -> list[tuple[int, str]]:
    pieces, start = [], 0
    while len(text) - start > NER_MAX_CHARS:
        window = text[start : start + NER_MAX_CHARS]
        cut = max(window.rfind(". "), window.rfind("! "), window.rfind("? "), window.rfind("\n"))
        cut = cut + 1 if cut > NER_MAX_CHARS // 2 else (window.rfind(" ") if window.rfind(" ") > 0 else len(window))
        pieces.append((start, text[start : start + cut]))
        start += cut
    pieces.append((start, text[start:]))
    return pieces

"""Sparse term vectors: tf-idf weighting, cosine, and story centroids kept to their strongest terms."""
from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping

Vector = dict[str, float]
ARTICLE_TERMS = 40
CENTROID_TERMS = 80
IDF_EVIDENCE = 200
"""Documents after which the store's own frequencies are trusted half: in a young store (two
articles) every shared word looks common and every other rare, so idf leans toward 1 until then."""


def tfidf(counts: Counter, frequencies: Mapping[str, int], documents: int) -> Vector:
    """Log-scaled counts times smoothed idf, unit length, the strongest ARTICLE_TERMS kept."""
    weights = {term: (1 + math.log(count)) * idf(frequencies.get(term, 0), documents)
               for term, count in counts.items()}
    return unit(strongest(weights, ARTICLE_TERMS))


def idf(frequency: int, documents: int) -> float:
    trust = documents / (documents + IDF_EVIDENCE)
    return 1 + trust * math.log((documents + 1) / (frequency + 1))


def strongest(vector: Mapping[str, float], size: int) -> Vector:
    if len(vector) <= size:
        return dict(vector)
    return dict(sorted(vector.items(), key=lambda item: (-item[1], item[0]))[:size])


def unit(vector: Mapping[str, float]) -> Vector:
    norm = math.sqrt(sum(weight * weight for weight in vector.values()))
    return {term: weight / norm for term, weight in vector.items()} if norm else {}


def cosine(first: Mapping[str, float], second: Mapping[str, float]) -> float:
    if len(first) > len(second):
        first, second = second, first
    dot = sum(weight * second.get(term, 0.0) for term, weight in first.items())
    norms = math.sqrt(sum(w * w for w in first.values())) * math.sqrt(sum(w * w for w in second.values()))
    return dot / norms if norms else 0.0


def add(centroid: Mapping[str, float], vector: Mapping[str, float]) -> Vector:
    """The sum of a story's member vectors, kept to its CENTROID_TERMS strongest terms."""
    total = dict(centroid)
    for term, weight in vector.items():
        total[term] = total.get(term, 0.0) + weight
    return strongest(total, CENTROID_TERMS)

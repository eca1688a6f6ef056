"""MinHash signatures of shingle sets and their LSH bands: near-duplicates (reprints, re-scrapes)
found by lookup, not by comparing every pair."""
from __future__ import annotations

import hashlib

import numpy as np

PERMUTATIONS = 128
BANDS = 32
ROWS = PERMUTATIONS // BANDS
"""32 bands of 4 rows: two texts share a band with probability 1-(1-J^4)^32, 0.96 at Jaccard 0.6 and
0.13 at 0.3, so copies meet in the index and unrelated texts seldom do."""
DUPLICATE_JACCARD = 0.6
"""Estimated shingle Jaccard from which an article is a copy: light edits (a changed lead, a dropped
paragraph) keep it above 0.6; two outlets' own write-ups of one event stay far below."""
_PRIME = (1 << 61) - 1
_MAX = np.uint64((1 << 32) - 1)
_generator = np.random.default_rng(20261122)
_A = _generator.integers(1, _PRIME, PERMUTATIONS, dtype=np.uint64)
_B = _generator.integers(0, _PRIME, PERMUTATIONS, dtype=np.uint64)


def signature(shingles: set[str]) -> np.ndarray:
    """The minimum of each of PERMUTATIONS hash functions over the shingles (uint32)."""
    if not shingles:
        return np.full(PERMUTATIONS, _MAX, dtype=np.uint32)
    hashes = np.fromiter((_hash32(shingle) for shingle in shingles), dtype=np.uint64, count=len(shingles))
    permuted = (hashes[:, None] * _A[None, :] + _B[None, :]) % np.uint64(_PRIME) & _MAX
    return permuted.min(axis=0).astype(np.uint32)


def bands(sig: np.ndarray) -> list[int]:
    """One 63-bit key per band: equal keys mean the band's rows are all equal."""
    rows = sig.reshape(BANDS, ROWS)
    return [int.from_bytes(hashlib.blake2b(bytes([n]) + row.tobytes(), digest_size=8).digest(), "little") >> 1
            for n, row in enumerate(rows)]


def jaccard(first: np.ndarray, second: np.ndarray) -> float:
    """The estimated Jaccard similarity of the two shingle sets."""
    return float(np.mean(first == second))


def _hash32(text: str) -> int:
    return int.from_bytes(hashlib.blake2b(text.encode(), digest_size=4).digest(), "little")

"""A word's family for search ("~белорусский" finds "Белоруссия", "белорус", "белоруска"): the
stem its lemma keeps once a derivational or inflectional suffix is taken off, searched as a prefix.
Approximate by design: alternating roots ("встреча" / "встретиться") stay apart, and a short stem
is kept whole rather than matching unrelated words."""
from __future__ import annotations

# Suffixes that derive adjectives, nouns of place, people and abstractions, and verb endings,
# longest first; what is left keeps at least STEM letters.
SUFFIXES = tuple(sorted(
    "ийский ский ская ское ские ского ской цкий ческий ический ическ ство ствие ость ение ание ация иция "
    "ия ие ец ка ник ница ица ин ый ий ой ать ять ить еть уть ться ся а я о е ь".split(),
    key=len, reverse=True))
# A people's or place's suffix, taken off too where the stem stays long ("американ" → "америк").
PEOPLE = ("ан", "ян")
STEM = 4
LONG_STEM = 6


def stem(lemma: str) -> str:
    """The prefix that `lemma`'s family shares."""
    word = lemma.casefold().replace("ё", "е")
    ending = next((s for s in SUFFIXES if word.endswith(s) and len(word) - len(s) >= STEM), "")
    word = word[: len(word) - len(ending)]
    people = next((s for s in PEOPLE if word.endswith(s) and len(word) - len(s) >= LONG_STEM), "")
    return word[: len(word) - len(people)]

"""The article's language, from its body. Cyrillic text is told apart among Russian and the eleven
other languages of the region's news with svodka's own character n-gram model (naive Bayes over 1- to
4-grams, `data/language.npz`, trained by `training/train_language.py` on texts written for it);
text in Latin letters goes to lingua, restricted to the Latin-script languages a Russian-language
corpus meets."""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from importlib import resources

import numpy as np
from lingua import Language, LanguageDetectorBuilder

LANGUAGES = ("ru", "uk", "be", "bg", "sr", "mk", "kk", "ky", "uz", "tg", "mn", "en")
CYRILLIC_LANGUAGES = tuple(code for code in LANGUAGES if code != "en")
LATIN_LANGUAGES = (Language.ENGLISH, Language.GERMAN, Language.FRENCH, Language.SPANISH, Language.ITALIAN,
                   Language.POLISH, Language.PORTUGUESE, Language.DUTCH, Language.TURKISH, Language.CZECH)
MAX_ORDER = 4
SAMPLE_CHARS = 2000
MIN_LETTERS = 12
CYRILLIC = re.compile(r"[\u0400-\u04ff]")
NOT_A_LETTER = re.compile(r"[^\w]+|_")
DIGIT = re.compile(r"\d")


def ngrams(text: str) -> Counter:
    """Character 1- to MAX_ORDER-grams of `text`: lower-cased, digits as 0, each word padded with a
    space on both sides (letters alone for 1-grams)."""
    grams: Counter = Counter()
    for word in NOT_A_LETTER.sub(" ", DIGIT.sub("0", text.lower())).split():
        padded = f" {word} "
        grams.update(word)
        for order in range(2, MAX_ORDER + 1):
            grams.update(padded[at : at + order] for at in range(len(padded) - order + 1))
    return grams


@lru_cache(maxsize=1)
def _model() -> tuple[dict[str, int], np.ndarray]:
    with resources.files("svodka.data").joinpath("language.npz").open("rb") as stream:
        data = np.load(stream)
        vocabulary, weights, languages = data["vocabulary"], data["weights"], tuple(data["languages"])
    if languages != LANGUAGES:
        raise RuntimeError(f"language model is for {languages}, not {LANGUAGES}: retrain it")
    return {gram: row for row, gram in enumerate(vocabulary.tolist())}, weights.astype(np.float32)


@lru_cache(maxsize=1)
def _latin_detector():
    return LanguageDetectorBuilder.from_languages(*LATIN_LANGUAGES).build()


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of `text`'s language, or None when it has too few letters to tell."""
    sample = text[:SAMPLE_CHARS]
    letters = [char for char in sample if char.isalpha()]
    if len(letters) < MIN_LETTERS:
        return None
    cyrillic = sum(1 for char in letters if CYRILLIC.match(char))
    if cyrillic < 0.5 * len(letters):
        found = _latin_detector().detect_language_of(sample)
        return found.iso_code_639_1.name.lower() if found else None
    return _cyrillic_language(sample)


def language_scores(text: str) -> dict[str, float]:
    """Log-likelihood of `text` in each Cyrillic language, per n-gram, for inspection and tests."""
    index, weights = _model()
    grams = ngrams(text)
    rows = [index[gram] for gram in grams if gram in index]
    if not rows:
        return {}
    counts = np.array([grams[gram] for gram in grams if gram in index], dtype=np.float32)
    totals = counts @ weights[rows] / counts.sum()
    return {code: float(total) for code, total in zip(LANGUAGES, totals) if code in CYRILLIC_LANGUAGES}


def _cyrillic_language(sample: str) -> str | None:
    scores = language_scores(sample)
    return max(scores, key=scores.get) if scores else None


def is_russian(article) -> bool:
    """Whether the Russian language stages apply: Russian text, or text too short to tell."""
    return article.language in ("ru", None)

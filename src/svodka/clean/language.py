"""The article's language, from its body. Cyrillic text is told apart among Russian and the eleven
other languages of the region's news with svodka's own character n-gram model (naive Bayes over 1- to
4-grams, `data/language.npz`, trained by `training/train_language.py` on texts written for it);
text in Latin letters goes to lingua, restricted to the Latin-script languages a Russian-language
corpus meets, and is English where lingua is unsure."""
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
RUSSIAN_LETTERS = frozenset("абвгдеёжзийклмнопрстуфхцчшщъыьэюя")
ALPHABETS = {
    "ru": RUSSIAN_LETTERS,
    "uk": frozenset("абвгґдеєжзиіїйклмнопрстуфхцчшщьюя"),
    "be": frozenset("абвгдеёжзійклмнопрстуўфхцчшыьэюя"),
    "bg": frozenset("абвгдежзийклмнопрстуфхцчшщъьюя"),
    "sr": frozenset("абвгдђежзијклљмнњопрстћуфхцчџш"),
    "mk": frozenset("абвгдѓежзѕијклљмнњопрстќуфхцчџш"),
    "kk": RUSSIAN_LETTERS | frozenset("әғқңөұүһі"),
    "ky": RUSSIAN_LETTERS | frozenset("ңөү"),
    "uz": frozenset("абвгдеёжзийклмнопрстуфхцчшъьэюяўқғҳ"),
    "tg": frozenset("абвгғдеёжзиӣйкқлмнопрстуӯфхҳчҷшъэюя"),
    "mn": RUSSIAN_LETTERS | frozenset("өү"),
}
"""The letters each language writes (its Cyrillic alphabet): a text with a letter outside it is not
in that language, unless it is a quotation or a name from another."""
LATIN_SURE = 0.5
"""lingua's confidence below which a Latin-script text is taken as English, by far the commonest
Latin-script language in Russian-language news: short English headlines full of foreign names
("Sabalenka beats Swiatek …") get a third or less for any language, while a German, French, Polish or
Dutch headline gets 0.8 or more."""
MAX_ORDER = 5
SAMPLE_CHARS = 600
"""The body's start, enough to tell its language (every text of 300 characters or more of the dev set
is told right from its first 300)."""
MIN_LETTERS = 12
MIN_SEGMENT_LETTERS = 20
CLEAR_MARGIN = 0.25
"""Log-likelihood per n-gram between the best language and the next: on the dev sets, every text
read wrong whole had a margin under 0.07, and nine texts in ten one over 0.3."""
SEGMENT = re.compile(r"[«»“”„\"\n|]|(?<=[.!?])\s+")
"""Where a text's parts meet: quotation marks, line breaks, menu bars, sentence ends."""
CYRILLIC = re.compile(r"[\u0400-\u04ff]")
LETTER = re.compile(r"[^\W\d_]")
NOT_A_LETTER = re.compile(r"[^\w]+|_")
DIGIT = re.compile(r"\d")


def ngrams(text: str) -> Counter:
    """Character 1- to MAX_ORDER-grams of `text`: lower-cased, digits as 0, each word padded with a
    space on both sides (letters alone for 1-grams). Read over the whole text at once: a gram that
    spans two words has a space inside, which no word's gram has, so it is simply never known."""
    joined = " " + " ".join(NOT_A_LETTER.sub(" ", DIGIT.sub("0", text.lower())).split()) + " "
    grams = Counter(joined.replace(" ", ""))
    for order in range(2, MAX_ORDER + 1):
        grams.update([joined[at : at + order] for at in range(len(joined) - order + 1)])
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
    letters = len(LETTER.findall(sample))
    if letters < MIN_LETTERS:
        return None
    if len(CYRILLIC.findall(sample)) < 0.5 * letters:
        return _latin_language(sample)
    return _cyrillic_language(sample)


def _latin_language(sample: str) -> str:
    ranked = _latin_detector().compute_language_confidence_values(sample)
    if not ranked or ranked[0].value < LATIN_SURE:
        return "en"
    return ranked[0].language.iso_code_639_1.name.lower()


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
    """The language of the main text. Read whole, a text is clear in one language as a rule; where
    it is not (the best two within CLEAR_MARGIN per n-gram, or the best one's alphabet lacks a
    letter of the text), each part (a sentence, a quotation) votes with its letters, so that a long
    Russian quotation inside a Serbian text does not make it Russian."""
    scores = language_scores(sample)
    if not scores:
        return None
    best = max(scores, key=scores.get)
    ranked = sorted(scores.values(), reverse=True)
    if ranked[0] - ranked[1] >= CLEAR_MARGIN and not _foreign_letters(sample, best):
        return best
    votes: Counter = Counter()
    for part in SEGMENT.split(sample):
        letters = len(CYRILLIC.findall(part))
        if letters >= MIN_SEGMENT_LETTERS:
            votes[_written_in(part)] += letters
    return votes.most_common(1)[0][0] if votes else _written_in(sample)


def _written_in(text: str) -> str:
    """The likeliest language among those whose alphabet has every letter of `text` (all of them,
    where none has)."""
    scores = language_scores(text)
    possible = {code: score for code, score in scores.items() if not _foreign_letters(text, code)} or scores
    return max(possible, key=possible.get)


def _foreign_letters(text: str, language: str) -> bool:
    return bool(set(CYRILLIC.findall(text.lower())) - ALPHABETS[language])


def is_russian(article) -> bool:
    """Whether the Russian language stages apply: Russian text, or text too short to tell."""
    return article.language in ("ru", None)

"""The article's language, from its body (lingua, restricted to the languages of the region)."""
from __future__ import annotations

import re
from functools import lru_cache

from lingua import Language, LanguageDetectorBuilder

LANGUAGES = (
    Language.RUSSIAN, Language.UKRAINIAN, Language.BELARUSIAN, Language.ENGLISH, Language.KAZAKH,
    Language.BULGARIAN, Language.SERBIAN, Language.POLISH, Language.GERMAN, Language.FRENCH,
    Language.SPANISH, Language.ITALIAN,
)
SAMPLE_CHARS = 600
# Letters that only Russian uses together: ы (not Ukrainian, Bulgarian, Serbian) and и (not
# Belarusian); and letters of the neighbours that Russian lacks. Prose with the first and none of the second is
# Russian, and lingua (a millisecond a call) is asked only about everything else.
RUSSIAN_ONLY_TOGETHER = frozenset("ыи")
NOT_RUSSIAN = frozenset("іїєґўәғқңөұүһӣӯҳҷҗ")
CYRILLIC = re.compile(r"[\u0400-\u04ff]")


@lru_cache(maxsize=1)
def _detector():
    return LanguageDetectorBuilder.from_languages(*LANGUAGES).with_low_accuracy_mode().build()


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of `text`'s language, or None when it has too few letters to tell."""
    sample = text[:SAMPLE_CHARS]
    if sum(map(str.isalpha, sample)) < 20:
        return None
    if _plainly_russian(sample):
        return "ru"
    language = _detector().detect_language_of(sample)
    return language.iso_code_639_1.name.lower() if language else None


def _plainly_russian(sample: str) -> bool:
    letters = set(sample.lower())
    cyrillic = len(CYRILLIC.findall(sample))
    return RUSSIAN_ONLY_TOGETHER <= letters and not letters & NOT_RUSSIAN and cyrillic > 0.5 * len(sample)

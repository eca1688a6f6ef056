"""The article's language, from its body (lingua, restricted to the languages of the region)."""
from __future__ import annotations

from functools import lru_cache

from lingua import Language, LanguageDetectorBuilder

LANGUAGES = (
    Language.RUSSIAN, Language.UKRAINIAN, Language.BELARUSIAN, Language.ENGLISH, Language.KAZAKH,
    Language.BULGARIAN, Language.SERBIAN, Language.POLISH, Language.GERMAN, Language.FRENCH,
    Language.SPANISH, Language.ITALIAN,
)
SAMPLE_CHARS = 600


@lru_cache(maxsize=1)
def _detector():
    return LanguageDetectorBuilder.from_languages(*LANGUAGES).with_low_accuracy_mode().build()


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of `text`'s language, or None when it has too few letters to tell."""
    sample = text[:SAMPLE_CHARS]
    if sum(1 for char in sample if char.isalpha()) < 20:
        return None
    language = _detector().detect_language_of(sample)
    return language.iso_code_639_1.name.lower() if language else None

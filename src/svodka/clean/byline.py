"""Bylines: "Текст: Дарья Григоренко", "Автор: …", "Фото: …" (a credit, not an author)."""
from __future__ import annotations

import re
from dataclasses import dataclass

AUTHOR_LABELS = (
    r"текст(\s+и\s+фото)?|автор(ы)?|автор\s+текста|(\w+\s+)?подготовил[аи]?|беседовал[аи]?"
    r"|записал[аи]?|by|author|text"
)
CREDIT_LABELS = (
    r"фото(графия|графии)?|фото\s+и\s+видео|видео|инфографика|иллюстрация|автор\s+фото|фотограф|источник(\s+фото)?"
    r"|редактор|корректор|перевод|дизайн|должность|опубликовал[аи]?|photo|video"
)
BYLINE = re.compile(
    rf"(?i)^(?:[-•·*]\s+)?(?P<label>{AUTHOR_LABELS}|{CREDIT_LABELS})\s*(?P<colon>[:—–,-]?)\s*(?P<names>.+?)\s*$"
)
AUTHOR_LABEL = re.compile(rf"(?i)^({AUTHOR_LABELS})$")
NAME = re.compile(r"^([A-ZА-ЯЁ][\w'’-]*\.?)(\s+[A-ZА-ЯЁ][\w'’-]*\.?){0,3}$")
SEPARATORS = re.compile(r"\s*(?:,|;|\s+и\s+|\s+and\s+|&)\s*")
CREDIT_WORDS = 6
"""A credit names a source in a few words ("Фото: Михаил Метцель / ТАСС"); after "Источник:" or
"ВИДЕО:" a longer run is a headline ("Источник: в Махачкале начался штурм дома с боевиками")."""
CLOSING_WORDS = re.compile(r"(?i)\s*[,/|]\s*(специально для|корреспондент|обозреватель|фото)\b.*$")


@dataclass(frozen=True, slots=True)
class Byline:
    label: str
    authors: tuple[str, ...]

    @property
    def is_credit(self) -> bool:
        return not self.authors


def parse_byline(text: str) -> Byline | None:
    """A Byline when `text` (one line, analysis form) is a byline; None when it is anything else."""
    match = BYLINE.match(text)
    if not match or len(text) > 160:
        return None
    label, names = match.group("label"), CLOSING_WORDS.sub("", match.group("names"))
    needs_colon = not re.search(r"(?i)подготовил|беседовал|записал|^by\b", label)
    if needs_colon and not match.group("colon"):
        return None
    parts = [part.strip(" .") for part in SEPARATORS.split(names) if part.strip(" .")]
    if AUTHOR_LABEL.match(label):
        if not parts or not all(NAME.match(part) for part in parts):
            return None
        return Byline(label, tuple(parts))
    if len(names.split()) > CREDIT_WORDS:
        return None
    return Byline(label, ())

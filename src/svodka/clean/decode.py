"""Bytes to text: BOMs, UTF-16, UTF-8, and the single-byte Cyrillic code pages, without being told."""
from __future__ import annotations

import codecs
from collections import Counter
import re
import unicodedata

import charset_normalizer

from ..errors import InputError

BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
CYRILLIC_CODEPAGES = ("cp1251", "koi8_r", "koi8_u", "cp866", "iso8859_5")
MAGIC = (
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"\x7fELF", "an executable"),
    (b"SQLite format 3", "an SQLite database"),
)
PLAUSIBLE = set(
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґў"
    "abcdefghijklmnopqrstuvwxyz0123456789 \n\r\t.,:;!?-–—«»\"'()%№…"
)
CAPITALS = set("АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯІЇЄҐЎ")
UTF8_CYRILLIC = re.compile(rb"[\xd0\xd1][\x80-\xbf]")


def decode(data: bytes, source: str, errors: str = "strict") -> str:
    """Decode `data`, guessing the encoding; raise InputError naming `source` when it is not text."""
    if not data.strip():
        raise InputError(source, "empty input")
    text = _decode_guessing(data, source, errors)
    _refuse_unprintable(text, source)
    text = unicodedata.normalize("NFC", text).lstrip("\ufeff")
    if not text.strip():
        raise InputError(source, "empty input (only whitespace after decoding)")
    return text


def _decode_guessing(data: bytes, source: str, errors: str) -> str:
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace")
    _refuse_known_binary(data, source)
    utf16 = _utf16_without_bom(data)
    if utf16:
        return data.decode(utf16, errors="replace")
    _refuse_control_bytes(data, source)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        if _mostly_utf8(data):
            if errors == "replace":
                return data.decode("utf-8", errors="replace")
            raise InputError(
                source,
                f"invalid UTF-8 at byte {error.start} (the rest looks like UTF-8, so the file "
                "is probably damaged; --encoding-errors replace reads it anyway)",
            ) from None
    return _decode_single_byte(data, source)


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 prose has a column of high bytes with almost no variety: NUL for spaces and ASCII,
    0x04 for Cyrillic."""
    sample = data[:4000]
    if len(sample) < 8 or b"\x00" not in sample:
        return None
    for high, encoding in ((sample[1::2], "utf-16-le"), (sample[0::2], "utf-16-be")):
        counts = Counter(high).most_common(2)
        if counts[0][0] in (0, 4) and sum(count for _, count in counts) >= 0.95 * len(high):
            return encoding
    return None


def _refuse_known_binary(data: bytes, source: str) -> None:
    for magic, what in MAGIC:
        if data.startswith(magic):
            raise InputError(source, f"binary input ({what}), not text")


def _refuse_control_bytes(data: bytes, source: str) -> None:
    sample = data[:8192]
    controls = sum(1 for byte in sample if byte < 9 or 13 < byte < 32)
    if b"\x00" in sample or controls > len(sample) * 0.05:
        raise InputError(source, "binary input (contains NUL or control bytes), not text")


def _refuse_unprintable(text: str, source: str) -> None:
    """What decodes into control characters or unassigned code points was never text."""
    sample = text[:8192]
    odd = sum(1 for char in sample if not char.isprintable() and char not in "\n\r\t\ufeff\u00ad\u200b")
    if odd > 0.05 * len(sample):
        raise InputError(source, "binary input (decodes to control characters), not text")


def _mostly_utf8(data: bytes) -> bool:
    sample = data[:200_000]
    cyrillic_pairs = len(UTF8_CYRILLIC.findall(sample))
    invalid = len(sample.decode("utf-8", errors="replace").encode("utf-8")) - len(sample)
    return cyrillic_pairs > 0 and invalid // 2 < cyrillic_pairs


def _decode_single_byte(data: bytes, source: str) -> str:
    sample = data[:20_000]
    scored = []
    for encoding in CYRILLIC_CODEPAGES:
        try:
            text = sample.decode(encoding)
        except UnicodeDecodeError:
            continue
        scored.append((_plausibility(text), encoding))
    score, encoding = max(scored, key=lambda pair: pair[0])
    if score < 0.6:
        best = charset_normalizer.from_bytes(data).best()
        if best is None:
            raise InputError(source, "cannot tell the text encoding (not UTF-8, UTF-16 or a Cyrillic code page)")
        return str(best)
    return data.decode(encoding, errors="replace")


def _plausibility(text: str) -> float:
    """Share of non-ASCII characters that are ordinary Cyrillic prose (capitals count half,
    a Cyrillic letter glued to a Latin one counts nothing)."""
    score = high = 0.0
    for index, char in enumerate(text):
        if char.isascii():
            continue
        high += 1
        if _touches_latin(text, index):
            continue
        score += 1 if char in PLAUSIBLE else 0.5 if char in CAPITALS else 0
    return score / high if high else 0.0


def _touches_latin(text: str, index: int) -> bool:
    neighbours = text[max(index - 1, 0) : index] + text[index + 1 : index + 2]
    return any(char.isascii() and char.isalpha() for char in neighbours)

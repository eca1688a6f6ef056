"""Bytes to text: BOMs, UTF-16, UTF-8, and the single-byte Cyrillic code pages, without being told."""
from __future__ import annotations

import codecs
from collections import Counter
from functools import lru_cache
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
LOWER_CYRILLIC = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґў"
ASCII_LETTERS = re.compile(rb"[A-Za-z]")
CONTROL_BYTES = re.compile(rb"[\x01-\x08\x0e-\x1f]")
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
SAMPLE_BYTES = 4000
MIN_CODE_PAGE_LETTERS = 12
CODE_PAGE_SHARE = 0.75
"""Lines in a code page read as text when this share of their high bytes are Cyrillic letters
(capitals count half, see `_plausibility`)."""
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
        mixed = _decode_mixed(data, MIN_CODE_PAGE_LETTERS)
        if mixed is None and _mostly_utf8(data):
            if errors == "replace":
                return data.decode("utf-8", errors="replace")
            raise InputError(
                source,
                f"invalid UTF-8 at byte {error.start} (the rest looks like UTF-8, so the file "
                "is probably damaged; --encoding-errors replace reads it anyway)",
            ) from None
    return mixed or _decode_single_byte(data, source)


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
    if b"\x00" in sample or len(CONTROL_BYTES.findall(sample)) > len(sample) * 0.05:
        raise InputError(source, "binary input (contains NUL or control bytes), not text")


def _refuse_unprintable(text: str, source: str) -> None:
    """What decodes into control characters or unassigned code points was never text."""
    sample = text[:8192]
    if len(CONTROL_CHARS.findall(sample)) > 0.05 * len(sample):
        raise InputError(source, "binary input (decodes to control characters), not text")


def _mostly_utf8(data: bytes) -> bool:
    sample = data[:200_000]
    cyrillic_pairs = len(UTF8_CYRILLIC.findall(sample))
    invalid = len(sample.decode("utf-8", errors="replace").encode("utf-8")) - len(sample)
    return cyrillic_pairs > 0 and invalid // 2 < cyrillic_pairs


def _decode_mixed(data: bytes, min_letters: int = 0) -> str | None:
    """Text pasted together from two encodings (a code page, then UTF-8): each line in its own.
    None unless some lines with Cyrillic are UTF-8 and the others read as Cyrillic words in a code
    page, with at least `min_letters` letters (fewer stray bytes in UTF-8 are damage, not text)."""
    lines = data.split(b"\n")
    utf8 = [_utf8_or_none(line) for line in lines]
    if not any(text is not None and UTF8_CYRILLIC.search(line) for text, line in zip(utf8, lines)):
        return None
    rest = b"\n".join(line for text, line in zip(utf8, lines) if text is None)
    high = Counter(byte for byte in rest[:SAMPLE_BYTES] if byte >= 0x80)
    encoding = max(CYRILLIC_CODEPAGES, key=lambda name: _plausibility(high, name))
    total = sum(high.values())
    if total < min_letters or _plausibility(high, encoding) < CODE_PAGE_SHARE * total:
        return None
    return "\n".join(text if text is not None else line.decode(encoding, errors="replace")
                     for text, line in zip(utf8, lines))


def _utf8_or_none(line: bytes) -> str | None:
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _decode_single_byte(data: bytes, source: str) -> str:
    sample = data[:SAMPLE_BYTES]
    high = Counter(byte for byte in sample if byte >= 0x80)
    total = sum(high.values())
    # Cyrillic in a code page is mostly high bytes; a Western text has a few accents among ASCII.
    if total < 0.3 * (total + len(ASCII_LETTERS.findall(sample))):
        return _decode_other(data, source)
    encoding = max(CYRILLIC_CODEPAGES, key=lambda name: _plausibility(high, name))
    return data.decode(encoding, errors="replace")


def _decode_other(data: bytes, source: str) -> str:
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise InputError(source, "cannot tell the text encoding (not UTF-8, UTF-16 or a Cyrillic code page)")
    return str(best)


def _plausibility(high: Counter, encoding: str) -> float:
    """How much of the high bytes read as Cyrillic letters in `encoding`; capitals count half,
    because a wrong code page turns lower case into upper case or into symbols."""
    weights = _letter_weights(encoding)
    return sum(count * weights[byte - 0x80] for byte, count in high.items())


@lru_cache(maxsize=None)
def _letter_weights(encoding: str) -> tuple[float, ...]:
    chars = (bytes([byte]).decode(encoding, errors="replace") for byte in range(0x80, 0x100))
    return tuple(1.0 if char in LOWER_CYRILLIC else 0.5 if char.lower() in LOWER_CYRILLIC else 0.0
                 for char in chars)

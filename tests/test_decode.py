"""Every encoding svodka must read without being told, and the inputs it must refuse."""
import codecs

import pytest

from svodka.clean.decode import decode
from svodka.errors import InputError

RUSSIAN = "Президент провёл совещание с членами правительства. Обсуждали бюджет, цены и урожай."
UKRAINIAN = "Президент України провів нараду з урядом. Обговорювали бюджет і ціни на їжу."
SHORT = "ТАСС сообщает"


@pytest.mark.parametrize("text, encoding", [
    *[(text, encoding) for text in (RUSSIAN, SHORT)
      for encoding in ("utf-8", "cp1251", "koi8_r", "cp866", "iso8859_5")],
    (UKRAINIAN, "utf-8"), (UKRAINIAN, "cp1251"), (UKRAINIAN, "koi8_u"),
])
def test_encodings_are_detected(text, encoding):
    assert decode(text.encode(encoding), "x.txt") == text


@pytest.mark.parametrize("bom, encoding", [
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
    (b"", "utf-16-le"),
    (b"", "utf-16-be"),
])
def test_boms_and_utf16(bom, encoding):
    assert decode(bom + RUSSIAN.encode(encoding), "x.txt") == RUSSIAN


def test_text_is_nfc_normalised():
    decomposed = "Ёлка и йод".replace("Ё", "Е\u0308").replace("й", "и\u0306")
    assert decode(decomposed.encode("utf-8"), "x.txt") == "Ёлка и йод"


@pytest.mark.parametrize("data, reason", [
    (b"", "empty input"),
    (b"   \n\n\t ", "empty input"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "binary input (a PDF document)"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary input (a PNG image)"),
    (bytes(range(256)) * 4, "binary input"),
])
def test_refused_inputs(data, reason):
    with pytest.raises(InputError, match=reason.replace("(", r"\(").replace(")", r"\)")) as error:
        decode(data, "bad.txt")
    assert error.value.source == "bad.txt"


def test_damaged_utf8_is_refused_with_its_offset():
    data = RUSSIAN.encode("utf-8")
    damaged = data[:21] + b"\xff\xfe" + data[21:]
    with pytest.raises(InputError, match="invalid UTF-8 at byte 21"):
        decode(damaged, "damaged.txt")


def test_damaged_utf8_can_be_read_with_replacement():
    data = RUSSIAN.encode("utf-8")
    text = decode(data[:21] + b"\xff" + data[21:], "damaged.txt", errors="replace")
    assert "\ufffd" in text and text.replace("\ufffd", "") == RUSSIAN

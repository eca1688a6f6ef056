"""What svodka prints or stores that came from input: file names, URLs, titles, article text.

Two rules, each in one place:

* `safe_name` turns any path or URL (a file name that is not UTF-8, one with control characters)
  into text that can be stored and printed: undecodable bytes as ``\\xff``, control characters as
  ``\\u001b``. The name stays recognisable and never breaks the store or the terminal.
* `say` (through `shown`) is the one filter for everything written to the terminal: a terminal
  never sees a control or format character that came from input (escape sequences that clear the
  screen, set the window title or hide a hyperlink; bidirectional overrides). Control characters
  are shown escaped, so that an analyst sees something was there; JSON output stays lossless
  (``\\uXXXX`` is a JSON escape)."""
from __future__ import annotations

import os
import unicodedata

import click

KEPT = "\n\t"
LINE_SEPARATORS = ("Zl", "Zp")


def safe_name(name: str | bytes | os.PathLike) -> str:
    """`name` as printable, storable text: undecodable bytes and control characters escaped."""
    text = os.fsdecode(name) if not isinstance(name, str) else name
    text = text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return "".join(char if char.isprintable() else _escaped(char) for char in text)


def shown(text: str, json: bool = False) -> str:
    """`text` fit for a terminal. Control characters (but newline and tab) are escaped; other
    invisible characters are dropped from text and escaped in JSON, which keeps them exact."""
    if text.isprintable():
        return text
    return "".join(char if char.isprintable() or char in KEPT else _invisible(char, json) for char in text)


def say(text: str, err: bool = False, json: bool = False) -> None:
    """Print one message or record; everything svodka's CLI prints goes through here."""
    click.echo(shown(text, json=json), err=err)


def _invisible(char: str, json: bool) -> str:
    category = unicodedata.category(char)
    if json:
        return _json_escaped(char)
    if category == "Cc":
        return _escaped(char)
    return " " if category in LINE_SEPARATORS else ""


def _escaped(char: str) -> str:
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8, carried as a lone surrogate
        return f"\\x{code - 0xDC00:02x}"
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def _json_escaped(char: str) -> str:
    code = ord(char)
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"

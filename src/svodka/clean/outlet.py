"""The outlet that published an article, when the text gives it away."""
from __future__ import annotations

import re

from .chrome import copyright_owner

EDITOR_NOTE = re.compile(
    r"[–—-]\s*прим\.\s*(?!ред\b|редакции\b|пер\b|авт\b)(?P<outlet>«[^»\n]{2,40}»|[A-ZА-ЯЁ][\w.-]*(?:\s[A-ZА-ЯЁ][\w.-]*){0,3})"
)


def outlet_from_text(passages: list[str], chrome: list[str]) -> str | None:
    """From an editor's note in the article ("– прим. ВЗГЛЯД"), else from a copyright line."""
    for passage in passages:
        match = EDITOR_NOTE.search(passage)
        if match:
            return match.group("outlet").strip(" .")
    for line in chrome:
        owner = copyright_owner(line)
        if owner:
            return owner
    return None

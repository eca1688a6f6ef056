"""Chrome that only its neighbours give away: a teaser block under a related-articles heading, a
headline with its cut-off blurb, the caption above a photo credit, the text of an embedded post above
its attribution, code between code. Each rule reads the paragraphs (pieces) around it and marks
`_mark(kinds, i)`; a paragraph already marked stays as it is."""
from __future__ import annotations

import re

from .lines import Line
from .shapes import (
    CYRILLIC,
    MAX_SHAPE_CHARS,
    ends_sentence,
    is_code,
    is_credit,
    is_date,
    is_embed_attribution,
    is_embed_furniture,
    is_headline_like,
    is_read_also,
    is_related_heading,
    is_truncated,
    words,
)

POST_MARKS = re.compile(r"(^|\s)[#@]\w|[\U0001F300-\U0001FAFF\u2600-\u27BF]")
MAX_TEASERS = 8
"""Paragraphs a related-articles heading may head: a few teasers of a headline, a blurb and a date."""
MAX_CAPTION_WORDS = 30
MAX_BLURB_WORDS = 40
MIN_BLURB_WORDS = 10
"""An unheaded teaser's blurb is a sentence or more cut off: a verse ending in "…" is not one."""


def mark_blocks(pieces: list[Line], kinds: list[str | None]) -> None:
    for rule in (_teasers_under_headings, _read_also_links, _headlines_with_blurbs, _dated_teaser_lists,
                 _captions_above_credits, _embedded_posts, _code_runs):
        rule(pieces, kinds)


def _read_also_links(pieces: list[Line], kinds: list[str | None]) -> None:
    """"Читайте также письма Януковича" / "Трампу и Меркель": the rest of the linked headlines,
    cut from the line at their links, are the teaser's too."""
    for index, piece in enumerate(pieces):
        if not is_read_also(piece.text) or piece.ends_sentence:
            continue
        for after in range(index + 1, min(index + 4, len(pieces))):
            if pieces[after].words > 5 or pieces[after].ends_sentence or pieces[after].paragraph != piece.paragraph:
                break
            _mark(kinds, after)


def _teasers_under_headings(pieces: list[Line], kinds: list[str | None]) -> None:
    """"Также по теме" and the teasers under it: headlines, cut-off blurbs, dates, credits; the first
    paragraph of running text after them is the article again."""
    for index, piece in enumerate(pieces):
        if not is_related_heading(piece.text):
            continue
        _mark(kinds, index)
        after, teasers = index + 1, 0
        while after < min(index + 1 + MAX_TEASERS, len(pieces)) and _teaser_part(pieces[after].text):
            if is_headline_like(pieces[after].text) and teasers and not _cut_blurb_or_date_follows(pieces, after):
                break  # past the first teaser, only the shape of another one goes on (not an intertitle)
            _mark(kinds, after)
            if is_headline_like(pieces[after].text) and _blurb_follows(pieces, after):
                _mark(kinds, after + 1)
                after += 1
                teasers += 1
            after += 1


def _cut_blurb_or_date_follows(pieces: list[Line], headline: int) -> bool:
    following = pieces[headline + 1].text if headline + 1 < len(pieces) else ""
    return is_truncated(following) or is_date(following)


def _blurb_follows(pieces: list[Line], headline: int) -> bool:
    """Under a teaser's headline, its blurb: cut off, or a sentence or two, shorter than an article's
    paragraph usually is."""
    if headline + 1 >= len(pieces):
        return False
    text = pieces[headline + 1].text
    return is_truncated(text) or len(words(text)) <= MAX_BLURB_WORDS and not is_headline_like(text)


def _teaser_part(text: str) -> bool:
    return is_headline_like(text) or is_truncated(text) or is_date(text) or is_credit(text)


def _headlines_with_blurbs(pieces: list[Line], kinds: list[str | None]) -> None:
    """A headline right above a blurb the site cut off ("… и только усугубляют...") is a teaser,
    headed or not."""
    for index in range(1, len(pieces)):
        if is_truncated(pieces[index].text) and pieces[index].words >= MIN_BLURB_WORDS \
                and is_headline_like(pieces[index - 1].text):
            _mark(kinds, index - 1, index)


def _dated_teaser_lists(pieces: list[Line], kinds: list[str | None]) -> None:
    """Headlines each with its date or time (a sidebar, a "latest news" list): two or more in a row."""
    pairs = [index for index in range(len(pieces) - 1)
             if _headline_and_date(pieces[index].text, pieces[index + 1].text)]
    for index in pairs:
        if index - 2 in pairs or index + 2 in pairs:
            _mark(kinds, index, index + 1)


def _headline_and_date(first: str, second: str) -> bool:
    return is_headline_like(first) and is_date(second) or is_date(first) and is_headline_like(second)


def _captions_above_credits(pieces: list[Line], kinds: list[str | None]) -> None:
    """A photo credit ("Reuters", "© РИА Новости") and the caption right above it."""
    for index, piece in enumerate(pieces):
        if not is_credit(piece.text):
            continue
        _mark(kinds, index)
        above = pieces[index - 1] if index else None
        if above and kinds[index] == "chrome" and above.paragraph == piece.paragraph and _caption_shaped(above.text):
            _mark(kinds, index - 1)


def _caption_shaped(text: str) -> bool:
    count = len(words(text))
    return count <= MAX_CAPTION_WORDS and not (ends_sentence(text) and count > 12)


def _embedded_posts(pieces: list[Line], kinds: list[str | None]) -> None:
    """An embedded post: its attribution ("— Donald J. Trump (@realDonaldTrump)"), the date under it,
    its links and tags, and the post's text right above them."""
    for index, piece in enumerate(pieces):
        if not is_embed_attribution(piece.text):
            continue
        _mark(kinds, index)
        if index + 1 < len(pieces) and is_date(pieces[index + 1].text):
            _mark(kinds, index + 1)
        before = index - 1
        while before >= 0 and (is_embed_furniture(pieces[before].text) or not CYRILLIC.search(pieces[before].text[:MAX_SHAPE_CHARS])):
            _mark(kinds, before)
            before -= 1
        if before == index - 1 and before >= 0 and kinds[before] is None \
                and _is_post_text(pieces[before].text, piece.text):
            _mark(kinds, before)


def _is_post_text(text: str, attribution: str) -> bool:
    """The post's own text above its attribution: always where the attribution has a dash ("— Name
    (@handle)", as Twitter embeds), and where the text reads like a post (tags, handles, emoji) for
    the others (an Instagram embed often shows no text, and the article's paragraph is right above)."""
    if text.rstrip().endswith(":"):
        return False
    return attribution.lstrip()[:1] in "—–-" or bool(POST_MARKS.search(text[:MAX_SHAPE_CHARS]))


def _code_runs(pieces: list[Line], kinds: list[str | None]) -> None:
    """Code, and what stands between two pieces of code (a player's configuration over many lines)."""
    code = [index for index, piece in enumerate(pieces) if is_code(piece.text)]
    for index in code:
        _mark(kinds, index)
    for first, second in zip(code, code[1:]):
        if second - first <= 3 and all(not pieces[between].is_prose for between in range(first + 1, second)):
            for between in range(first + 1, second):
                _mark(kinds, between)
    for index in code:
        after = index + 1
        if after < len(pieces) and after not in code and _player_title(pieces[after].text):
            _mark(kinds, after)


def _player_title(text: str) -> bool:
    """The title a video player shows under its code: a headline's shape."""
    return is_headline_like(text) and len(words(text)) <= MAX_CAPTION_WORDS


def _mark(kinds: list[str | None], *indexes: int) -> None:
    for index in indexes:
        if kinds[index] is None:
            kinds[index] = "chrome"

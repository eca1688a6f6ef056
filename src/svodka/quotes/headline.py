"""Headline quotes: "Путин: Россия и Белоруссия очень плотно работают между собой", the commonest
form of a quote in Russian news. A headline or lead that opens with who speaks and a colon gives
the rest of the sentence to them (a paraphrase: indirect). Quoted words after the colon are a
direct quote, found by the direct finder."""
from __future__ import annotations

from ..records import Quote
from .context import Context, Passage
from .speaker import subject_before

HEADING_KINDS = ("title", "lead")
SPEAKER_WORDS = 8  # a speaker and their title before the colon: "Глава МИД России Сергей Лавров:"
MIN_WORDS = 3
QUOTE_OPENERS = "«“„\""


def headline_quotes(context: Context, passage: Passage) -> list[Quote]:
    if passage.sentence.kind not in HEADING_KINDS:
        return []
    tokens, text = passage.tokens, context.article.text
    colon = next((i for i, t in enumerate(tokens[: SPEAKER_WORDS + 1]) if t.text == ":"), None)
    if colon is None or colon + 1 >= len(tokens) or tokens[colon + 1].text in QUOTE_OPENERS:
        return []
    speaker = subject_before(tokens, colon, context.mentions, None)
    if speaker is None or speaker.entity is None or text[passage.sentence.start : speaker.start].strip(QUOTE_OPENERS + " "):
        return []
    if text[speaker.end : tokens[colon].start].strip():  # more than the speaker before the colon
        return []
    said = [t for t in tokens[colon + 1 :] if t.is_word]
    if len(said) < MIN_WORDS:
        return []
    start, end = tokens[colon + 1].start, tokens[-1].end
    while end > start and text[end - 1] in ".!…":
        end -= 1
    context.spoke(speaker, passage)
    return [Quote(start=start, end=end, text=text[start:end], kind="indirect", speaker=speaker.entity,
                  speaker_text=speaker.text, speaker_start=speaker.start, speaker_end=speaker.end)]

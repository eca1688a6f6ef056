"""Direct quotes: words in quotation marks with their attribution — after them ("«…», – сказал
Путин"), before them ("Путин отметил: «…»", "Путин: «…»"), or around them ("заявил, что «…»": mixed).
Names of things in quotation marks (РИА «Новости», газета «Коммерсант») are not quotes."""
from __future__ import annotations

import re

from ..entities.morph import lemma
from ..records import Quote, Range
from .context import Context, Passage
from .cues import saying_lemma, verb_gender, verb_number
from .marks import Quoted, notes
from .speaker import Speaker, located_body, subject_after, subject_before

DASH_AFTER = re.compile(r"^[,.!?…]*\s*[–—-]$")
MIN_WORDS = 3


def direct_quotes(context: Context, passage: Passage) -> list[Quote]:
    found = []
    for quotation in passage.quotations:
        if not _is_named(context, quotation):
            quote = _attributed(context, passage, quotation)
            if quote is not None:
                found.append(quote)
    return found


def _is_named(context: Context, quotation: Quoted) -> bool:
    """РИА «Новости»: the quotation marks are part of a name."""
    return any(m.start <= quotation.open and quotation.close < m.end for m in context.mentions.all)


def _attributed(context: Context, passage: Passage, quotation: Quoted) -> Quote | None:
    after = _after(context, passage, quotation)
    interrupted = _interrupted(context, passage, quotation)
    if interrupted is not None:
        speaker, cue, attribution = interrupted
        if after is not None and after[0] is not None and after[0].entity:  # "…, – добавил Лавров"
            speaker, cue = after[0], after[1]
        return _quote(context, passage, quotation, speaker, cue, "direct", (attribution,))
    found = after or _before(context, passage, quotation) or _own_paragraph(context, passage, quotation)
    if found is None:
        return None
    speaker, cue, kind = found
    if cue is None and _words(context, quotation) < MIN_WORDS:  # "Фильм: «Брат»" is a title
        return None
    return _quote(context, passage, quotation, speaker, cue, kind)


def _words(context: Context, quotation: Quoted) -> int:
    return len(re.findall(r"\w+", context.article.text[quotation.start : quotation.end]))


def _after(context: Context, passage: Passage, quotation: Quoted):
    """«…», – обратился Путин к Лукашенко."""
    tokens = passage.tokens
    words = [i for i, t in enumerate(tokens) if t.start > quotation.close and t.is_word]
    if not words or not DASH_AFTER.match(context.article.text[quotation.close + 1 : tokens[words[0]].start].strip()):
        return None
    for index in words[:3]:  # after "», –" any verb attributes: "– улыбнулся Путин", "– описала она"
        if (saying_lemma(tokens[index]) or verb_number(tokens[index])) and not passage.inside_quotation(tokens[index]):
            number = verb_number(tokens[index])
            speaker = (subject_after(tokens, index, context.mentions, number)
                       or located_body(tokens, index, context.mentions)
                       or subject_before(tokens[: index + 1], index, context.mentions, number))
            return speaker, index, "direct"
    return None


def _interrupted(context: Context, passage: Passage, quotation: Quoted) -> tuple[Speaker, int, Range] | None:
    """«Мы готовы к переговорам, – сказал Лавров. – Но условия должны быть честными»: the attribution
    between two dashes inside the marks (its speaker, cue and range); the words on both sides are
    the quote."""
    tokens = passage.tokens
    inside = [i for i, t in enumerate(tokens) if quotation.start <= t.start and t.end <= quotation.end]
    for position, index in enumerate(inside[1:-1], start=1):
        if tokens[index].text not in "–—" or tokens[inside[position - 1]].text not in ",.!?…":
            continue
        cue = next((i for i in inside[position + 1 : position + 4] if saying_lemma(tokens[i])), None)
        resumes = _resumes(tokens, cue, inside[-1]) if cue is not None else None
        if resumes is None:
            continue
        speaker = subject_after(tokens[:resumes], cue, context.mentions, verb_number(tokens[cue]))
        return None if speaker is None else (speaker, cue, Range(tokens[index].start, tokens[resumes].end))
    return None


def _resumes(tokens, cue: int, last: int) -> int | None:
    """The dash after the attribution ("… сказал Лавров. – Но …") past which the words go on."""
    for index in range(cue + 1, min(cue + 12, last)):
        if tokens[index].text in "–—" and tokens[index - 1].text in ".,":
            return index
        if tokens[index].text in "«»\"":
            return None
    return None


def _own_paragraph(context: Context, passage: Passage, quotation: Quoted):
    """«…» as a paragraph of its own right after a sentence that ends a paragraph by naming who
    speaks ("Об этом сообщил Игорь Конашенков.", "В Минобороны также отметили, что …"): theirs."""
    text = context.article.text
    previous = context.previous(passage)
    if previous is None or "\n" not in text[previous.sentence.end : passage.sentence.start] \
            or text[passage.sentence.start : quotation.open].strip() \
            or text[quotation.close + 1 : passage.sentence.end].strip(" .!?…\n"):
        return None
    tokens = previous.tokens
    cue = next((i for i in range(len(tokens) - 1, -1, -1)
                if saying_lemma(tokens[i]) and not previous.inside_quotation(tokens[i])), None)
    if cue is None or _words(context, quotation) < MIN_WORDS:
        return None
    number = verb_number(tokens[cue])
    speaker = (subject_before(tokens, cue, context.mentions, number) or subject_after(tokens, cue, context.mentions, number)
               or located_body(tokens, cue, context.mentions))
    return (speaker, None, "direct") if speaker is not None and speaker.entity else None


def _before(context: Context, passage: Passage, quotation: Quoted):
    """Путин отметил: «…» / Путин: «…» / заявил, что «…»."""
    tokens = passage.tokens
    before = [i for i, t in enumerate(tokens) if t.end <= quotation.open]
    if not before:
        return None
    last = tokens[before[-1]]
    if last.text == ":":
        cue = _last_cue(passage, before[:-1])
        if cue is None:
            speaker = subject_before(tokens, before[-1], context.mentions, None)
            return (speaker, None, "direct") if speaker and speaker.entity else None
        number = verb_number(tokens[cue])
        return (subject_before(tokens, cue, context.mentions, number)
                or subject_after(tokens[: before[-1]], cue, context.mentions, number)), cue, "direct"
    if last.text.lower() == "что" and len(before) > 2 and tokens[before[-2]].text == ",":
        cue = _last_cue(passage, before[:-2])
        if cue is not None and before[-3] - cue <= 6:
            number = verb_number(tokens[cue])
            return subject_before(tokens, cue, context.mentions, number), cue, "mixed"
    return None


def _last_cue(passage: Passage, indices: list[int]) -> int | None:
    for index in reversed(indices[-8:]):
        if saying_lemma(passage.tokens[index]):
            return index
    return None


def _quote(context: Context, passage: Passage, quotation: Quoted, speaker: Speaker | None,
           cue: int | None, kind: str, attribution: tuple[Range, ...] = ()) -> Quote | None:
    speaker = context.resolved(speaker, passage, verb_gender(passage.tokens[cue]) if cue is not None else None)
    if speaker is None:
        return None
    context.spoke(speaker, passage)
    text = context.article.text
    cue_token = passage.tokens[cue] if cue is not None else None
    return Quote(
        start=quotation.start, end=quotation.end, text=text[quotation.start : quotation.end], kind=kind,
        speaker=speaker.entity, speaker_text=speaker.text, speaker_start=speaker.start, speaker_end=speaker.end,
        cue=(saying_lemma(cue_token) or lemma(cue_token.text)) if cue_token else None,
        cue_start=cue_token.start if cue_token else None, cue_end=cue_token.end if cue_token else None,
        addressee=addressee(context, passage, cue),
        notes=tuple(sorted(attribution + notes(text, quotation.start, quotation.end))),
    )


def addressee(context: Context, passage: Passage, cue: int | None) -> str | None:
    """"обратился Путин к Лукашенко", "сказал …, обращаясь к Лукашенко": whom the words were for."""
    if cue is None:
        return None
    tokens = passage.tokens
    for index in range(cue + 1, len(tokens) - 1):
        if tokens[index].text in ".!?;":
            break
        if tokens[index].text.lower() in ("к", "ко"):
            mention = context.mentions.covering(tokens[index + 1])
            if mention and mention.type == "PER" and mention.entity:
                return mention.entity
    return None

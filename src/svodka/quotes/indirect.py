"""Indirect quotes: reported speech without quotation marks — "X отметил, что …", "X заявил о …",
"по словам X, …", "как сообщил X, …" and "…, утверждает X". The quote is the reported clause."""
from __future__ import annotations

from ..entities.morph import parses
from ..records import Quote, Range
from .context import Context, Passage
from .cues import (
    ABOUT,
    ACCORDING,
    CITING,
    is_gerund,
    saying_lemma,
    verb_gender,
    verb_number,
    word_set,
)
from .speaker import Speaker, folded, located_body, subject_after, subject_before

MAX_GAP = 7  # words between the verb and ", что" ("заявил вчера «РИА Новости», что")
ANAPHORA = word_set("этом том нем ней них")
CLAUSE_BREAKS = frozenset({"хотя", "однако"})
# Words that open a clause of the author's after an attribution, not the rest of what was said.
AUTHOR_CLAUSES = CLAUSE_BREAKS | {"что", "который", "которая", "которое", "которые", "чтобы"}


def indirect_quotes(context: Context, passage: Passage) -> list[Quote]:
    found = []
    for index, token in enumerate(passage.tokens):
        if passage.inside_quotation(token):
            continue
        quote = _according_to(context, passage, index) or _as_said(context, passage, index)
        if quote is None and saying_lemma(token):
            quote = _reported(context, passage, index, found) or _inverted(context, passage, index)
        if quote is not None and not any(q.start < quote.end and quote.start < q.end for q in found):
            found.append(quote)
    return found


def _reported(context: Context, passage: Passage, cue: int, earlier: list[Quote]) -> Quote | None:
    """"X отметил, что …" / "X заявил о …" / "X заявил: …"."""
    tokens = passage.tokens
    lemma = saying_lemma(tokens[cue])
    start = _that_clause(passage, cue)
    cue_end = tokens[cue].end
    if start is None and lemma in ABOUT and cue + 2 < len(tokens) and tokens[cue + 1].text.lower() in ("о", "об", "обо"):
        if tokens[cue + 2].text.lower() in ANAPHORA:
            return None
        start, cue_end = cue + 2, tokens[cue + 1].end
    if start is None:
        return None
    end = _clause_end(passage, start)
    if end <= start or _quoted_start(passage, start):
        return None
    number = verb_number(tokens[cue])
    if is_gerund(tokens[cue]) and earlier:  # "сообщил, что …, подчеркнув …": the same speaker
        return _quote(context, passage, start, end, context.resolved(None, passage, verb_gender(tokens[cue])), cue, cue_end)
    subject = (subject_before(tokens, cue, context.mentions, number)
               or located_body(tokens, cue, context.mentions)
               or (None if is_gerund(tokens[cue]) else subject_after(tokens[: start], cue, context.mentions, number)))
    return _quote(context, passage, start, end, subject, cue, cue_end)


def _that_clause(passage: Passage, cue: int) -> int | None:
    """Index of the "что" (or the first word after a colon) that opens what was said."""
    tokens = passage.tokens
    for index in range(cue + 1, min(cue + MAX_GAP + 2, len(tokens) - 1)):
        text = tokens[index].text
        if text == ":" and tokens[index + 1].is_word:
            return None if _attribution_starts(passage, index + 1) else index + 1
        if text.lower() == "что" and tokens[index - 1].text == ",":
            return index
        if text in ".!?;" or saying_lemma(tokens[index]) or (text == "," and index > cue + 1
                                                              and tokens[index + 1].text.lower() != "что"):
            return None
    return None


def _quoted_start(passage: Passage, start: int) -> bool:
    """"заявил, что «…»": a mixed quote, which the direct quotes take."""
    tokens = passage.tokens
    following = tokens[start + 1] if start + 1 < len(tokens) else None
    return following is not None and following.text in "«“„\""


def _clause_end(passage: Passage, start: int) -> int:
    """Index past the last token of the reported clause: the sentence's end, or where another
    attribution ("…, подчеркнув …", ": по словам …") or a concession ("…, хотя …") begins."""
    tokens = passage.tokens
    end = len(tokens)
    for index in range(start + 1, len(tokens)):
        text = tokens[index].text
        if text in ";" or text in ".!?…" and index == len(tokens) - 1:
            return index
        if text in ",:" and index + 1 < len(tokens):
            following = tokens[index + 1]
            if (following.text.lower() in CLAUSE_BREAKS or _attribution_starts(passage, index + 1)
                    or saying_lemma(following) and is_gerund(following)):
                return index
    return end


def _attribution_starts(passage: Passage, index: int) -> bool:
    tokens = passage.tokens
    if index + 1 >= len(tokens):
        return False
    first, second = tokens[index].text.lower(), tokens[index + 1]
    return (first == "по" and second.text.lower() in ACCORDING
            or first == "как" and saying_lemma(second) is not None
            or first in "–—" and saying_lemma(second) is not None)


def _according_to(context: Context, passage: Passage, index: int) -> Quote | None:
    """"по словам белорусского лидера, стороны …" / "…, по мнению X, …"."""
    tokens = passage.tokens
    if tokens[index].text.lower() != "по" or index + 2 >= len(tokens) or tokens[index + 1].text.lower() not in ACCORDING:
        return None
    comma = next((i for i in range(index + 2, len(tokens)) if tokens[i].text in ",.;:"), len(tokens))
    speaker = _genitive_speaker(context, passage, index + 2, comma)
    if speaker is None:
        return None
    if comma + 1 < len(tokens) and tokens[comma].text == ",":
        return _quote(context, passage, comma + 1, _clause_end(passage, comma + 1), speaker, index,
                      tokens[index + 1].end)
    if index > 1 and tokens[index - 1].text == ",":
        return _quote(context, passage, _content_start(passage), index - 1, speaker, index, tokens[index + 1].end)
    return None


def _genitive_speaker(context: Context, passage: Passage, first: int, stop: int) -> Speaker | None:
    tokens = passage.tokens
    if first >= stop:
        return None
    for index in range(first, stop):
        mention = context.mentions.covering(tokens[index])
        if mention is not None:
            return Speaker(mention.start, mention.end, mention.normal, mention.entity)
    if tokens[first].text.lower() == "пресс-службы":
        return Speaker(tokens[first].start, tokens[stop - 1].end, context.mentions.press_service or "пресс-служба", None)
    text = context.article.text[tokens[first].start : tokens[stop - 1].end]
    return Speaker(tokens[first].start, tokens[stop - 1].end, text, None)


def _as_said(context: Context, passage: Passage, index: int) -> Quote | None:
    """"как сообщил X, …" at the start, or "…, как сообщил X" at the end."""
    tokens = passage.tokens
    if tokens[index].text.lower() != "как":
        return None
    cue = next((i for i in range(index + 1, min(index + 3, len(tokens))) if saying_lemma(tokens[i])), None)
    if cue is None or any(t.text == "," for t in tokens[index:cue]):
        return None
    number = verb_number(tokens[cue])
    speaker = (subject_after(tokens, cue, context.mentions, number) or located_body(tokens, cue, context.mentions)
               or subject_before(tokens, cue, context.mentions, number))
    if speaker is None or _is_cited(context, speaker):
        return None
    comma = next((i for i in range(cue + 1, len(tokens)) if tokens[i].text in ",.;"), len(tokens))
    if comma + 1 < len(tokens) and tokens[comma].text == ",":
        return _quote(context, passage, comma + 1, _clause_end(passage, comma + 1), speaker, cue)
    if index > 1 and tokens[index - 1].text == ",":
        return _quote(context, passage, _content_start(passage), index - 1, speaker, cue)
    return None


def _inverted(context: Context, passage: Passage, cue: int) -> Quote | None:
    """"Поскольку минские достижения иллюзорны, утверждает Пастухов" / "…, – сказал он."."""
    tokens = passage.tokens
    before = cue - 1
    while before > 0 and tokens[before].text in "–—-":
        before -= 1
    if before < 2 or tokens[before].text != ",":
        return None
    number = verb_number(tokens[cue])
    speaker = subject_after(tokens, cue, context.mentions, number)
    if speaker is None or _is_cited(context, speaker) and saying_lemma(tokens[cue]) in CITING:
        return None
    goes_on = _continuation(passage, cue)
    if goes_on is None:
        return _quote(context, passage, _content_start(passage), before, speaker, cue)
    interruption = Range(tokens[before].start, tokens[goes_on - 1].end)
    return _quote(context, passage, _content_start(passage), _clause_end(passage, goes_on), speaker, cue,
                  notes=(interruption,))


def _continuation(passage: Passage, cue: int) -> int | None:
    """"Из-за этого, отметил он, страдают …": where the words go on after the attribution that
    interrupts them (the first word after the comma that closes it; an apposition to the speaker,
    "…, утверждает Пастухов, руководитель фонда, …", is part of the attribution), or None where the
    sentence ends there or another clause of the author's begins ("…, добавив, что …")."""
    tokens = passage.tokens
    index, appositions = cue + 1, 0
    while index < min(cue + MAX_GAP + 1, len(tokens) - 1):
        text = tokens[index].text
        if text in ".!?;:…«»\"":
            return None
        if text == ",":
            following = index + 1
            while following < len(tokens) - 1 and tokens[following].text in "–—-":
                following += 1
            word = tokens[following]
            if not word.is_word or saying_lemma(word) or word.text.lower() in AUTHOR_CLAUSES:
                return None
            if not _nominative_noun(word.text) or appositions:
                return following
            appositions += 1
        index += 1
    return None


def _nominative_noun(word: str) -> bool:
    """"руководитель", "глава": a noun in the nominative, as an apposition to a speaker starts."""
    found = parses(word)[:1]
    return bool(found) and found[0].tag.POS == "NOUN" and found[0].tag.case == "nomn"


def _content_start(passage: Passage) -> int:
    tokens = passage.tokens
    first = 0
    while first < len(tokens) and tokens[first].text in "–—-":
        first += 1
    return first


def _is_cited(context: Context, speaker: Speaker) -> bool:
    """"пишет ТАСС", "передает РИА «Новости»": the article's source, not a speaker."""
    return folded(speaker.text) in {folded(name) for name in context.article.cited}


def _quote(context: Context, passage: Passage, start: int, end: int, speaker: Speaker | None, cue: int,
           cue_end: int | None = None, notes: tuple[Range, ...] = ()) -> Quote | None:
    tokens = passage.tokens
    if end <= start or not any(t.is_word for t in tokens[start:end]):
        return None
    speaker = context.resolved(speaker, passage, verb_gender(tokens[cue]))
    if speaker is None:
        return None
    context.spoke(speaker, passage)
    first, last = tokens[start], tokens[end - 1]
    text = context.article.text
    return Quote(
        start=first.start, end=last.end, text=text[first.start : last.end], kind="indirect",
        speaker=speaker.entity, speaker_text=speaker.text, speaker_start=speaker.start, speaker_end=speaker.end,
        cue=saying_lemma(tokens[cue]) or " ".join(t.text for t in tokens[cue : cue + 2]),
        cue_start=tokens[cue].start, cue_end=cue_end or tokens[cue].end, notes=notes,
    )

"""What the quote finders share about one article: its sentences with their tokens and quotations,
its mentions, and who spoke last in each paragraph (for "добавил он" and dropped subjects)."""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property

from ..records import Article
from ..sentences import Sentence, Token, sentences, tokens
from .marks import Quoted, quoted
from .speaker import Mentions, Speaker, gender_of, is_descriptor, pronoun_gender

DESCRIPTOR_PARAGRAPHS = 3
"""Paragraphs back (this one included) in which a descriptor speaker may stand for the person quoted last."""
PERSON_IDS = ("per:", "person:")  # ids of people svodka derives, and of people its knowledge base knows


@dataclass
class Passage:
    sentence: Sentence
    tokens: list[Token]
    quotations: list[Quoted]

    def inside_quotation(self, token: Token) -> bool:
        return any(q.open <= token.start < q.close + 1 for q in self.quotations)


@dataclass
class Context:
    article: Article
    mentions: Mentions
    passages: list[Passage]
    last_speaker: dict[int, Speaker] = field(default_factory=dict)
    _positions: dict[int, int] | None = None

    @classmethod
    def of(cls, article: Article) -> Context:
        passages = []
        for sentence in sentences(article.text, article.spans):
            passages.append(Passage(sentence, tokens(article.text, sentence.start, sentence.end),
                                    quoted(article.text, sentence.start, sentence.end)))
        return cls(article, Mentions(article.text, article.mentions, article.cited), passages)

    def resolved(self, speaker: Speaker | None, passage: Passage, gender: str | None = None) -> Speaker | None:
        """A pronoun speaker tied to the person it stands for; no speaker: who spoke last here, if
        the verb's `gender` agrees ("Она отметила" / "отметила" is no man's), else the last person
        of that gender named here."""
        paragraph = passage.sentence.paragraph
        if speaker is None:
            last = self.last_speaker.get(paragraph)
            if last is None or gender is None or gender_of(last.text) in (gender, None):
                return last
            person = self.mentions.last_person_before(passage.sentence.start, gender, self._paragraph_start(paragraph - 1))
            return Speaker(last.start, last.end, person.normal, person.entity) if person else None
        if speaker.entity is None and speaker.text.lower() in ("он", "она"):
            floor = self._paragraph_start(paragraph - 1)
            person = self.mentions.last_person_before(speaker.start, pronoun_gender(speaker.text), floor)
            if person:
                return Speaker(speaker.start, speaker.end, person.normal, person.entity)
        if speaker.entity is None and is_descriptor(speaker.text):
            person = self.mentions.described_person(speaker)
            if person:
                return Speaker(speaker.start, speaker.end, person.normal, person.entity)
            recent = self._recent_person_speaker(paragraph)
            named = self._last_named(speaker, paragraph) if len(speaker.text.split()) == 1 else None
            if named and (recent is None or named.start > recent.start):
                # "…, отмечает эксперт, …", "— сказал сенатор" after the person was named: a bare role points back
                return Speaker(speaker.start, speaker.end, named.normal, named.entity)
            if recent:  # "по мнению эксперта" after the expert was quoted
                return Speaker(speaker.start, speaker.end, recent.text, recent.entity)
        return speaker

    def _last_named(self, speaker: Speaker, paragraph: int):
        """The person named last before a bare role, not in someone's quoted words ("…ни выслал Обама»")."""
        return self.mentions.last_person_before(speaker.start, None, self._paragraph_start(paragraph - 1),
                                                self._is_quoted)

    def _is_quoted(self, offset: int) -> bool:
        at = bisect_right(self._quotation_starts, offset) - 1
        return at >= 0 and offset < self._quotations[at].end

    @cached_property
    def _quotations(self) -> list[Quoted]:
        return [q for passage in self.passages for q in passage.quotations]

    @cached_property
    def _quotation_starts(self) -> list[int]:
        return [q.start for q in self._quotations]

    def _recent_person_speaker(self, paragraph: int) -> Speaker | None:
        for back in range(paragraph, paragraph - DESCRIPTOR_PARAGRAPHS, -1):
            speaker = self.last_speaker.get(back)
            if speaker is not None and speaker.entity and speaker.entity.startswith(PERSON_IDS):
                return speaker
        return None

    def previous(self, passage: Passage) -> Passage | None:
        """The sentence before `passage` in the article, if any."""
        index = self._index.get(id(passage), 0)
        return self.passages[index - 1] if index > 0 else None

    @property
    def _index(self) -> dict[int, int]:
        if self._positions is None:
            self._positions = {id(p): i for i, p in enumerate(self.passages)}
        return self._positions

    def spoke(self, speaker: Speaker, passage: Passage) -> None:
        self.last_speaker[passage.sentence.paragraph] = speaker

    def _paragraph_start(self, paragraph: int) -> int:
        starts = [p.sentence.start for p in self.passages if p.sentence.paragraph >= paragraph]
        return min(starts) if starts else 0

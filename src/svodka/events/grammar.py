"""The grammar events need of a sentence's tokens and mentions: where a clause starts, which
preposition stands before a name, what case a mention can be in, how a list of names runs on."""
from __future__ import annotations

from bisect import bisect_right

from ..entities.kb import knowledge_base
from ..entities.morph import cases, parses
from ..quotes.speaker import PREPOSITIONS
from ..records import Mention
from ..sentences import Token

ACTORS = ("PER", "ORG")
COMPLEMENTISERS = frozenset({"что"})  # not "чтобы": "X вылетел в Киев, чтобы провести встречу" is X meeting
WITH = frozenset({"с", "со", "c"})  # the Latin "c" some sites type for "с": "обсуждала c главой МИДа"
CLAUSE_MARKS = ".;:!?()–—«»\""  # where a list of names or a noun's genitives end
TITLE_WORDS = 5  # words of a title before a name in a list ("руководителем Госдепартамента США")


def _words_of(tokens: list[Token], mention: Mention) -> list[Token]:
    return [t for t in tokens if mention.start <= t.start < mention.end and t.is_word]


def is_actor(mention: Mention) -> bool:
    """Who can act in an event: a person or an organisation. (Countries and capitals acting in every
    kind of event were tried: recall rose on every set, precision rose on the two tuning sets and
    fell from 61 to 49 % on the held-out one. States act only where `is_state` says.)"""
    return mention.type in ACTORS


def is_state(mention: Mention) -> bool:
    """A country or its capital standing for its government ("КНДР обвинила США", "Тбилиси
    обвиняет Москву"): a state acts in a clause whose verb accuses or criticises (SPEECH_ACTS)."""
    return mention.type == "LOC" and state_of(mention.entity) is not None


def state_of(entity_id: str | None) -> str | None:
    """The country id a country or capital acts for ("city:tbilisi" → "country:GE"), else None."""
    if not entity_id:
        return None
    if entity_id.startswith("country:"):
        return entity_id
    entity = knowledge_base().entities.get(entity_id)
    return f"country:{entity.capital_of}" if entity is not None and entity.capital_of else None


def only_nominative(tokens: list[Token], mention: Mention) -> bool:
    """Whether the mention is in a form only a subject takes ("Путин", not "Шойгу", any case)."""
    within = _words_of(tokens, mention)
    if mention.kind != "descriptor":  # a name by its last inflected word ("Елизавета" of "Елизавета II")
        within.reverse()
    readings = next((found for t in within if (found := cases(t.text, animate_first=True))), frozenset())
    return readings == {"nomn"}


def clause_start(tokens: list[Token], index: int) -> int:
    """Where the trigger's clause starts: after the sentence's last stop, colon or quotation mark,
    or after ", что" ("Зайберт заявил, что Обама проведет встречу": Обама meets, Зайберт speaks)."""
    for back in range(index - 1, -1, -1):
        if tokens[back].text in ".!?;:«»\"“”":
            return tokens[back].end
        if tokens[back].text.lower() in COMPLEMENTISERS and back > 0 and tokens[back - 1].text == ",":
            return tokens[back].end
    return tokens[0].start if tokens else 0


def after_preposition(tokens: list[Token], mention: Mention) -> bool:
    return word_before(tokens, mention).lower() in PREPOSITIONS


def word_before(tokens: list[Token], mention: Mention, back: int = 1) -> str:
    """The token `back` places before the mention (1: right before it; "" past the sentence's start)."""
    before = bisect_right(tokens, mention.start, key=lambda token: token.end)  # tokens ending by its start
    return tokens[before - back].text if before >= back else ""


def joined_after(tokens: list[Token], at: int, actors: list[Mention]) -> list[Mention]:
    """The actors after the token at `at` (a preposition, or the trigger itself), and those joined
    to them by "и" or a comma."""
    found = []
    for i in range(at + 1, len(tokens)):
        token = tokens[i]
        named = any(m.start <= token.start < m.end for m in actors)  # "Хамидом Карзаем" is no verb
        if token.text in CLAUSE_MARKS or not named and is_verb(token) \
                or token.text == "," and not _actor_follows(tokens, i, actors):
            break
        mention = next((m for m in actors if m.start == token.start and is_actor(m)), None)
        if mention is not None and possessor(actors, mention):
            continue  # "с заместителями министра … России Сергеем Рябковым": the deputies, not the minister
        if mention is not None and (mention.type == "PER" or not _after_other_preposition(tokens, mention)):
            found.append(mention)
    return found


def _actor_follows(tokens: list[Token], comma: int, actors: list[Mention]) -> bool:
    """A person after the comma, right away or after the nouns of their title ("…, руководителем
    Госдепартамента США Хилари Клинтон")."""
    for token in tokens[comma + 1 : comma + 1 + TITLE_WORDS]:
        if any(m.start == token.start and m.type == "PER" for m in actors):
            return True
        if not token.is_word or not any(parse.tag.POS == "NOUN" for parse in parses(token.text)[:1]):
            return False
    return False


def is_verb(token: Token) -> bool:
    return token.is_word and any(p.tag.POS in ("VERB", "GRND") for p in parses(token.text)[:1])


def _after_other_preposition(tokens: list[Token], mention: Mention) -> bool:
    return word_before(tokens, mention).lower() in PREPOSITIONS - WITH


def can_be(tokens: list[Token], mention: Mention, case: str) -> bool:
    """Whether the mention can be in `case` ("обсуждение детектива Устиновой, заказанного
    Нарышкиным": "Нарышкиным" is no genitive): a descriptor by its head, the first word ("главой
    Афганистана"); a name when its first or last word can ("Хамидом Карзаем", whose surname the
    dictionary misreads); a word the dictionary gives no case can."""
    within = _words_of(tokens, mention)
    words = within[:1] if mention.kind == "descriptor" else [within[0], within[-1]] if within else []
    return not words or any(_may_be_in(word.text, case) for word in words)


def _may_be_in(word: str, case: str) -> bool:
    found = cases(word)
    return not found or case in found


def possessor(actors: list[Mention], mention: Mention) -> bool:
    """"встреча советника Обамы Тони Донилона": a person named right before another is whose
    the other is, not a participant."""
    return any(other.type == "PER" and 0 <= other.start - mention.end <= 1 for other in actors)


def noun_phrase_end(tokens: list[Token], index: int) -> int:
    """Where the genitives of a meeting noun end: at the next verb, "с", or clause mark."""
    for token in tokens[index + 1 :]:
        if token.text in CLAUSE_MARKS or token.text.lower() in WITH or is_verb(token):
            return token.start
    return tokens[-1].end if tokens else 0


def clause_end(tokens: list[Token], index: int) -> int:
    """Where the clause of the trigger at `index` ends: at the sentence's next stop, or where a
    quotation closes and the author's words begin ("«…санкции…», — заявил Песков")."""
    for position in range(index + 1, len(tokens)):
        token = tokens[position]
        following = tokens[position + 1].text if position + 1 < len(tokens) else ""
        if token.text in ";!?" or token.text == "." and not _abbreviated(following) \
                or token.text in "»”\"" and following in (",", "–", "—", "-", "."):
            return token.start
    return tokens[-1].end if tokens else 0


def _abbreviated(following: str) -> bool:
    """A full stop before a lower-case word ends an abbreviation ("и.о. главы"), not a sentence."""
    return bool(following) and following[0].islower()


def subject_of_next_verb(tokens: list[Token], mention: Mention) -> bool:
    """"В ходе встречи Путин отметил": the name after the noun is the next verb's subject ("встреча
    … канцлера Германии продолжалась": a genitive is not)."""
    following = next((t for t in tokens if t.start >= mention.end), None)
    return following is not None and any(p.tag.POS == "VERB" for p in parses(following.text)[:1]) \
        and can_be(tokens, mention, "nomn")


def after_against(tokens: list[Token], mention: Mention) -> bool:
    return word_before(tokens, mention).lower() == "против"

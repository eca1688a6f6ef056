"""Whether an event happened: from the grammar of the clause that tells of it.

* `negated`: a negation governs the trigger ("не встречался", "не стал встречаться", "ни разу не
  звонил"), a verb of refusing or denying does ("отказался от встречи", "опроверг, что звонил"), or a
  trigger noun is said not to take place ("встреча не состоится", "визит отменён").
* `hypothetical`: a condition, possibility, proposal, demand, threat or question ("если Трамп
  подпишет", "может ввести санкции", "предложил провести встречу", "призвал ввести", "не исключил").
* `planned`: the future ("встретится", "будет обсуждать", "встреча пройдёт"), or a verb or adjective
  of intending and scheduling ("планирует посетить", "намерен ввести", "предстоящий визит").
* `happened`: everything else.

The cues count only inside the trigger's clause, before the trigger (a few words after a noun),
so that "X заявил, что встретится" is planned while "X, который не пришёл, встретился" is not
negated."""
from __future__ import annotations

from functools import lru_cache

from ..entities.morph import parses
from ..sentences import Token
from .grammar import clause_start

HAPPENED, PLANNED, NEGATED, HYPOTHETICAL = "happened", "planned", "negated", "hypothetical"
STATUSES = (HAPPENED, PLANNED, NEGATED, HYPOTHETICAL)

NEGATION_REACH = 3  # words between "не" and the trigger: "не стал бы встречаться"
CUE_REACH = 6  # words between a verb of refusing, intending or proposing and the trigger
AFTER_NOUN = 8  # words after a trigger noun that may say what became of it
CLAUSE_END = frozenset(".;:!?()–—«»\"“”")
NOT_NEGATING = frozenset({"только", "раз", "менее", "более", "позднее", "позже", "ранее", "раньше", "без",
                          "впервые", "случайно", "зря", "просто", "исключено", "мало", "один", "одна"})
REFUSING = frozenset({"отказаться", "отказываться", "отменить", "отменять", "опровергнуть", "опровергать",
                      "отрицать", "отклонить", "отклонять", "отвергнуть", "отвергать", "сорвать", "срывать",
                      "запретить"})
CALLED_OFF = frozenset({"отменить", "отменять", "сорваться", "срываться", "отложить", "откладывать"})
HYPOTHETICAL_WORDS = frozenset({"если", "бы", "б", "ли", "возможно", "возможный",
                                "мочь", "предложить", "предлагать", "предложение", "призвать", "призывать",
                                "потребовать", "требовать", "пригрозить", "грозить", "угрожать", "хотеть",
                                "желать", "готовый", "готов", "допустить", "допускать", "рассчитывать",
                                "надеяться", "способный", "следовать", "должный", "нужно", "надо", "стоить",
                                "просить", "попросить", "настаивать", "чтобы", "идея", "вариант"})
NOT_EXCLUDING = frozenset({"исключить", "исключать"})
PLANNING_WORDS = frozenset({"планировать", "планироваться", "запланировать", "запланированный", "намереваться",
                            "намеренный", "собираться", "предстоять", "предстоящий", "ожидаться", "грядущий",
                            "будущий", "готовиться", "ожидать", "ждать"})
TAKING_PLACE = frozenset({"пройти", "проходить", "состояться", "начаться", "открыться", "быть"})
"""Verbs that say a trigger noun takes place: in the future tense, it is planned."""


def event_status(tokens: list[Token], index: int, speech_act: bool = False) -> str:
    """The status of the event `tokens[index]` (its trigger) tells of, in a sentence's tokens. A
    `speech_act` noun (an accusation, a criticism) that is denied or rejected was made all the same:
    "опроверг обвинения Вашингтона" denies what they say, not that they were made."""
    start = clause_start(tokens, index)
    before = [t for t in tokens[:index] if t.start >= start and t.is_word]
    after = _words_after(tokens, index)
    trigger = tokens[index]
    if _not_excluded(before):
        return HYPOTHETICAL
    refuted = speech_act and _is_noun(trigger)
    if _negated(before, refusing=not refuted) or _called_off(trigger, after) or _not_done(tokens, index) \
            or not refuted and _denied(tokens, start, before):
        return NEGATED
    if _hypothetical(before, tokens, index):
        return HYPOTHETICAL
    if _planned(trigger, before, after):
        return PLANNED
    return HAPPENED


def _words_after(tokens: list[Token], index: int) -> list[Token]:
    """Up to AFTER_NOUN words after the trigger, in its clause."""
    found = []
    for token in tokens[index + 1 :]:
        if not token.is_word and token.text in CLAUSE_END or len(found) == AFTER_NOUN:
            break
        if token.is_word:
            found.append(token)
    return found


def _negated(before: list[Token], refusing: bool = True) -> bool:
    near = before[-NEGATION_REACH:]
    for position, token in enumerate(near):
        word = token.text.lower()
        following = near[position + 1].text.lower() if position + 1 < len(near) else ""
        if word in ("не", "ни") and following not in NOT_NEGATING:
            return True
    return refusing and any(_lemma_in(token, REFUSING) for token in before[-CUE_REACH:])


def _called_off(trigger: Token, after: list[Token]) -> bool:
    """"встреча не состоится", "визит был отменён": a trigger noun and what became of it."""
    if not _is_noun(trigger):
        return False
    if any(t.text.lower() == "не" and _lemma_in(nxt, TAKING_PLACE) for t, nxt in zip(after, after[1:])):
        return True
    return any(_lemma_in(t, CALLED_OFF) for t in after)


def _not_done(tokens: list[Token], index: int) -> bool:
    """"никаких обвинений ему тогда не предъявили", "санкций так и не ввели": a trigger noun whose
    own clause goes on to a negated verb (no comma between: "встреча, которую не ждали, прошла")."""
    if not _is_noun(tokens[index]):
        return False
    words = 0
    for position in range(index + 1, len(tokens) - 1):
        token = tokens[position]
        if token.text in CLAUSE_END or token.text == "," or words == AFTER_NOUN:
            return False
        if token.text.lower() == "не" and _is_verb(tokens[position + 1]):
            return True
        words += token.is_word
    return False


def _denied(tokens: list[Token], start: int, before: list[Token]) -> bool:
    """"опроверг, что звонил": the clause is the object of a verb of denying right before it."""
    if not tokens or start <= tokens[0].start:
        return False
    governing = [t for t in tokens if t.end <= start and t.is_word][-3:]
    return any(_lemma_in(t, REFUSING - {"отказаться", "отказываться"}) for t in governing)


def _not_excluded(before: list[Token]) -> bool:
    """"не исключил встречи": the negation makes a possibility, not a denial."""
    words = before[-CUE_REACH:]
    return any(_lemma_in(t, NOT_EXCLUDING) and i > 0 and words[i - 1].text.lower() == "не"
               for i, t in enumerate(words))


def _hypothetical(before: list[Token], tokens: list[Token], index: int) -> bool:
    if any(_lemma_in(token, HYPOTHETICAL_WORDS) for token in before[-CUE_REACH:]):
        return True
    if any(token.text.lower() == "если" for token in before):
        return True
    rest = tokens[index + 1 :]
    return any(t.text == "?" for t in rest) and not any(t.text in ".!" for t in rest)


def _planned(trigger: Token, before: list[Token], after: list[Token]) -> bool:
    if _future(trigger) or any(_lemma_in(t, PLANNING_WORDS) for t in before[-CUE_REACH:]):
        return True
    if any(_future(t) and _lemma_in(t, TAKING_PLACE) for t in before[-NEGATION_REACH:]):
        return True  # "пройдёт встреча", "будет обсуждать"
    verb = next((t for t in after if _is_verb(t)), None) if _is_noun(trigger) else None
    return verb is not None and _future(verb)  # "переговоры пройдут", "участие примет"


@lru_cache(maxsize=50_000)
def _readings(word: str) -> tuple[tuple[str, str | None, str | None], ...]:
    """(lemma, part of speech, tense) of the word's likeliest reading (two for ambiguous forms)."""
    return tuple((p.normal_form.replace("ё", "е"), p.tag.POS, p.tag.tense) for p in parses(word)[:2])


def _lemma_in(token: Token, lemmas: frozenset | set) -> bool:
    return any(normal in lemmas for normal, _, _ in _readings(token.text.lower())[:1]) \
        or token.text.lower() in lemmas


def _future(token: Token) -> bool:
    readings = _readings(token.text.lower())
    return bool(readings) and readings[0][1] == "VERB" and readings[0][2] == "futr"


def _is_verb(token: Token) -> bool:
    readings = _readings(token.text.lower())
    return bool(readings) and readings[0][1] == "VERB"


def _is_noun(token: Token) -> bool:
    readings = _readings(token.text.lower())
    return bool(readings) and readings[0][1] == "NOUN"

"""Who is speaking: the subject of a verb of saying, found among the article's mentions (names and
descriptors such as "российский лидер"), a press service ("отметили в пресс-службе"), a personal
pronoun resolved to the person last named, or a plain noun phrase ("эксперты в Киеве")."""
from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from ..entities.morph import WORD, cases, lemma, parses
from ..records import Mention
from ..sentences import Token
from .cues import word_set

PREPOSITIONS = word_set("""c в во на с со к ко о об обо по за из от до у при для без над под про через между перед
вместо кроме помимо среди после около возле ради против благодаря вопреки""")  # "c": Latin, typed for "с"
PRONOUNS = {"он": "masc", "она": "femn", "они": "plur", "я": None, "мы": None, "ты": None, "вы": None}
TITLES = word_set("господин госпожа г-н г-жа")
SPEAKING_BODIES = word_set("""пресс-служба ведомство министерство правительство мид кремль администрация
аппарат штаб офис посольство комитет совет суд прокуратура полиция пресс-секретарь ассоциация компания
группа""")
STOP = frozenset(".!?;:»”\"–—")
DEPENDENTS = 5
"""Words of genitive dependents a speaker's head noun may carry ("проректор Высшей школы экономики")."""
QUOTE_MARKS = frozenset("«»“”„\"")
CITING = frozenset({"цитировать", "процитировать"})
MEDIA_CONTEXT = frozenset({"интервью", "эфир", "беседа", "колонка", "статья", "блог", "передача", "программа",
                           "телеканал", "радиостанция", "радио", "газета", "агентство", "издание", "журнал",
                           "телеграм-канал", "микроблог", "канал", "сайт", "портал"})
"""Nouns whose dependent names where words were said ("в интервью CBS"), not who said them."""
PERSON_REACH = 64  # people named last that a pronoun or a bare role may stand for
APPOSITION_REACH = 60  # characters of a title before a name ("председатель Мюнхенской конференции")
UNQUOTED = str.maketrans({mark: " " for mark in QUOTE_MARKS})


@dataclass(frozen=True, slots=True)
class Speaker:
    start: int
    end: int
    text: str
    entity: str | None


class Mentions:
    """The article's name and descriptor mentions, looked up by position."""

    def __init__(self, text: str, mentions: tuple[Mention, ...], cited: tuple[str, ...]):
        self.text = text
        self.all = [m for m in mentions if m.kind in ("name", "descriptor")]
        self.press_service = next((name for name in cited if name.startswith("пресс-служба ")), None)

    def surface(self, mention: Mention) -> str:
        return self.text[mention.start : mention.end]

    def covering(self, token: Token) -> Mention | None:
        """The widest mention that `token` is inside."""
        found = [m for m in self.all if m.start <= token.start and token.end <= m.end]
        return max(found, key=lambda m: m.end - m.start) if found else None

    def described_person(self, speaker: Speaker) -> Mention | None:
        """The person a descriptor speaker ("эксперт", "председатель Мюнхенской конференции") stands
        for: the last one named before it with that title right before or after the name
        ("политолог Виктор Небоженко", "Андрей Климов, сенатор")."""
        head = _head_noun(speaker.text)
        people = [m for m in self.all if m.type == "PER" and m.kind == "name" and m.end <= speaker.start]
        for mention in reversed(people):
            before = self.text[max(0, mention.start - APPOSITION_REACH) : mention.start]
            after = self.text[mention.end : mention.end + APPOSITION_REACH]
            titled = _last_clause(before) + " " + (after[1:].split(",")[0] if after.startswith(",") else "")
            if head in (lemma(word) for word in WORD.findall(titled)):
                return mention
        return None

    def last_person_before(self, offset: int, gender: str | None, floor: int,
                           outside: Callable[[int], bool] | None = None) -> Mention | None:
        """The last person named in [floor, offset) of that gender and not `outside` (a test of a
        position), among the PERSON_REACH people named last (so that a text of thousands of names
        costs no more per question)."""
        at = bisect_right(self._people_ends, offset)
        for mention in reversed(self._people[max(0, at - PERSON_REACH) : at]):
            if mention.start < floor:
                break
            if outside is not None and outside(mention.start):
                continue
            if gender is None or gender_of(mention.normal) in (gender, None):
                return mention
        return None

    @cached_property
    def _people(self) -> list[Mention]:
        return sorted((m for m in self.all if m.type == "PER"), key=lambda m: m.end)

    @cached_property
    def _people_ends(self) -> list[int]:
        return [m.end for m in self._people]


def subject_before(tokens: list[Token], cue: int, mentions: Mentions, number: str | None) -> Speaker | None:
    """The nominative subject left of the cue, in the same sentence and outside any quotation."""
    left = _clause_before(tokens, cue)
    found = _mention_subject(reversed(left), tokens, mentions)
    return found or _noun_subject(list(reversed(left)), tokens, mentions, number)


def subject_after(tokens: list[Token], cue: int, mentions: Mentions, number: str | None) -> Speaker | None:
    """The subject right of the cue ("– сказал Путин", "отметили в пресс-службе"); after "цитирует",
    its object ("– цитирует Силуанова Интерфакс": Силуанов said it)."""
    right = _clause_after(tokens, cue)
    if lemma(tokens[cue].text) in CITING:
        quoted = next((m for i in right if (m := mentions.covering(tokens[i])) and m.type == "PER"), None)
        if quoted is not None:
            return Speaker(quoted.start, quoted.end, quoted.normal, quoted.entity)
    return (_mention_subject(right, tokens, mentions, people_first=True) or _press_service(right, tokens, mentions)
            or _noun_subject(right, tokens, mentions, number))


def located_body(tokens: list[Token], cue: int, mentions: Mentions) -> Speaker | None:
    """An impersonal "в МИД России заявили" / "заявили в Кремле": the organisation is the speaker."""
    for index in [*range(cue - 1, max(cue - 6, -1), -1), *range(cue + 1, min(cue + 4, len(tokens)))]:
        token = tokens[index]
        if index > 0 and tokens[index - 1].text.lower() in ("в", "во"):
            mention = mentions.covering(token)
            if mention and mention.type in ("ORG", "LOC") and mention.start == token.start:
                return Speaker(mention.start, mention.end, mention.normal, mention.entity)
    return None


def _clause_before(tokens: list[Token], cue: int) -> list[int]:
    indices = []
    for index in range(cue - 1, -1, -1):
        if tokens[index].text in STOP:
            break
        indices.append(index)
    return list(reversed(indices))


def _clause_after(tokens: list[Token], cue: int) -> list[int]:
    indices = []
    for index in range(cue + 1, len(tokens)):
        if tokens[index].text in ".!?;:–—," or tokens[index].text == "-" and index > cue + 1:
            break
        indices.append(index)
    return indices


def _mention_subject(indices, tokens: list[Token], mentions: Mentions, people_first: bool = False) -> Speaker | None:
    """The first nominative mention; with `people_first`, a person wherever one is in the clause
    ("рассказывает Newsweek гендиректор Валерий Антонов": the outlet is who was told)."""
    indices = list(indices)
    if people_first:
        person = _mention_subject([i for i in indices if (m := mentions.covering(tokens[i])) and m.type == "PER"],
                                  tokens, mentions)
        if person:
            return person
    surface = mentions.surface
    for index in indices:
        mention = mentions.covering(tokens[index])
        if mention is None or mention.type == "LOC" and mention.kind != "name":
            continue
        first = _first_token(tokens, mention, index)
        if first > 0 and (tokens[first - 1].text.lower() in PREPOSITIONS or tokens[first - 1].text in QUOTE_MARKS
                          or lemma(tokens[first - 1].text) in MEDIA_CONTEXT):
            continue  # "в интервью CBS", "в эфире телеканала Publika TV": where it was said, not who said it
        if is_nominative_mention(mention, surface(mention)):
            start = tokens[_descriptor_before(tokens, _titles_before(tokens, first))].start
            return Speaker(start, mention.end, mention.normal, mention.entity)
    return None


def _titles_before(tokens: list[Token], first: int) -> int:
    """"Господин Медведев", "дядя Вася", "белорусский министр Хренин": the words naming the speaker
    before the name count as the speaker's span."""
    while first > 0 and (tokens[first - 1].text.lower() in TITLES or _nominative_adjective(tokens[first - 1].text)
                         or _speaking_noun(tokens[first - 1].text, "sing") and tokens[first - 1].text.islower()):
        first -= 1
    return first


def _descriptor_before(tokens: list[Token], first: int) -> int:
    """"проректор Высшей школы экономики Сергей Рощин", "гендиректор организации Валерий Антонов":
    a lowercase head noun and its genitive dependents before the name are the speaker's span too."""
    index = first
    while index > 0 and first - index < DEPENDENTS and _genitive_dependent(tokens[index - 1].text):
        index -= 1
    head = index - 1
    opens_sentence = head == 0 or tokens[head - 1].text in STOP
    if index < first and head >= 0 and (tokens[head].text.islower() or opens_sentence) \
            and _speaking_noun(tokens[head].text, "sing"):
        return _titles_before(tokens, head)
    return first


def _dependents_after(tokens: list[Token], index: int) -> int:
    """"пресс-атташе компании «British Airways»": the genitive words and names after a head noun."""
    last = index
    while last + 1 < len(tokens) and last - index < DEPENDENTS and (
            _genitive_dependent(tokens[last + 1].text) or tokens[last + 1].text in QUOTE_MARKS
            or last > index and tokens[last + 1].text[:1].isupper()):
        last += 1
    while last > index and tokens[last].text in QUOTE_MARKS and _unbalanced(tokens, index + 1, last):
        last -= 1
    return last


def _unbalanced(tokens: list[Token], first: int, last: int) -> bool:
    marks = [t.text for t in tokens[first : last + 1] if t.text in QUOTE_MARKS]
    return marks.count("«") != marks.count("»") or marks.count('"') % 2 == 1


def _genitive_dependent(word: str) -> bool:
    """A word that can hang off a noun in the genitive: a genitive noun or adjective, or an
    abbreviation ("СССР", "ООН")."""
    if word.lower() in PREPOSITIONS:
        return False
    if word.isupper() and len(word) > 1 and word.isalpha():
        return True
    return any("gent" in p.tag and p.tag.POS in ("NOUN", "ADJF", "PRTF") for p in parses(word)[:2])


def is_nominative_mention(mention: Mention, surface: str) -> bool:
    """A name is in the nominative when its normal form is how it is written ("Писеев", which the
    dictionary does not know); a descriptor when its head noun can only be nominative ("Министр
    иностранных дел Малайзии") or its first and last words can be ("российский лидер")."""
    if mention.kind == "name":
        return folded(surface) == folded(mention.normal)
    words = WORD.findall(surface)
    return bool(words) and (_only_nominative_noun(words[0]) or _nominative(words[0]) and _nominative(words[-1]))


def folded(name: str) -> str:
    """A name compared without case, ё, quotation marks or extra spaces ("РИА «Новости»" = "РИА Новости")."""
    return " ".join(name.casefold().replace("ё", "е").translate(UNQUOTED).split())


def _press_service(indices: list[int], tokens: list[Token], mentions: Mentions) -> Speaker | None:
    for index in indices:
        token = tokens[index]
        if token.text.lower().startswith("пресс-служб"):
            owner = next((m for m in mentions.all if m.start >= token.end and m.start - token.end <= 2), None)
            name = mentions.press_service or (f"пресс-служба {owner.normal}" if owner else "пресс-служба")
            end = owner.end if owner else token.end
            return Speaker(token.start, end, name, None)
    return None


def _noun_subject(indices: list[int], tokens: list[Token], mentions: Mentions, number: str | None) -> Speaker | None:
    """The nearest animate noun or personal pronoun in the nominative, with the adjectives before it."""
    for index in indices:
        word = tokens[index].text
        pronoun = word.lower()
        if pronoun in PRONOUNS and (number is None or (PRONOUNS[pronoun] == "plur") == (number == "plur")
                                    or PRONOUNS[pronoun] is None):
            return Speaker(tokens[index].start, tokens[index].end, word, None)
        if index > 0 and tokens[index - 1].text.lower() in PREPOSITIONS:
            continue
        if _speaking_noun(word, number):
            first = _adjectives_before(tokens, index)
            last = _place_after(tokens, index, mentions)
            return _phrase(tokens, first, _dependents_after(tokens, index) if last == index else last)
        if pronoun in ("один", "одна", "одно") and index + 2 < len(tokens) and tokens[index + 1].text.lower() == "из":
            return _phrase(tokens, index, index + 2)
    return None


def _phrase(tokens: list[Token], first: int, last: int) -> Speaker:
    return Speaker(tokens[first].start, tokens[last].end, " ".join(t.text for t in tokens[first : last + 1]), None)


def _place_after(tokens: list[Token], index: int, mentions: Mentions) -> int:
    """"эксперты в Киеве": a place right after the noun belongs to the speaker's phrase."""
    if index + 2 < len(tokens) and tokens[index + 1].text.lower() in ("в", "из", "во"):
        mention = mentions.covering(tokens[index + 2])
        if mention is not None and mention.type == "LOC" and mention.start == tokens[index + 2].start:
            return _last_token(tokens, mention, index + 2)
    return index


def _speaking_noun(word: str, number: str | None) -> bool:
    return any(_names_speaker(parse, number) for parse in parses(word)[:2])


def _names_speaker(parse, number: str | None) -> bool:
    tag = parse.tag
    agrees = tag.POS == "NOUN" and "nomn" in tag and (number is None or tag.number == number)
    return agrees and ("anim" in tag or parse.normal_form in SPEAKING_BODIES)


def _adjectives_before(tokens: list[Token], index: int) -> int:
    first = index
    while first > 0 and (_nominative_adjective(tokens[first - 1].text) or tokens[first - 1].text.lower() in TITLES):
        first -= 1
    return first


def _nominative_adjective(word: str) -> bool:
    found = parses(word)
    return bool(found) and found[0].tag.POS in ("ADJF", "PRTF") and "nomn" in found[0].tag


def _only_nominative_noun(word: str) -> bool:
    found = [parse for parse in parses(word)[:4] if parse.tag.case]
    return bool(found) and all(parse.tag.POS == "NOUN" and parse.tag.case == "nomn" for parse in found)


def _nominative(word: str) -> bool:
    found = cases(word, readings=4)
    return not found or "nomn" in found


def _first_token(tokens: list[Token], mention: Mention, index: int) -> int:
    while index > 0 and tokens[index - 1].start >= mention.start:
        index -= 1
    return index


def _last_token(tokens: list[Token], mention: Mention, index: int) -> int:
    while index + 1 < len(tokens) and tokens[index + 1].end <= mention.end:
        index += 1
    return index


def is_descriptor(phrase: str) -> bool:
    """A singular person's title or role standing for a name ("эксперта", "председатель
    Мюнхенской конференции"); not a plural ("эксперты"), pronoun, name or organisation."""
    words = WORD.findall(phrase)
    if not words or not words[0].islower() or words[0] in PRONOUNS:
        return False
    found = parses(words[0])
    best = found[0] if found else None
    return best is not None and best.tag.POS == "NOUN" and "anim" in best.tag and best.tag.number == "sing"


def _head_noun(phrase: str) -> str:
    return lemma(WORD.findall(phrase)[0])


def _last_clause(text: str) -> str:
    """What follows the last sentence or clause break of `text`."""
    cut = max(text.rfind(mark) for mark in ".;:!?«»\"")
    return text[cut + 1 :]


def gender_of(name: str) -> str | None:
    """A person's gender from their name: the given name's where the dictionary knows it as one
    ("Мария Захарова", "Жозеп Боррель"), else the nominative surname's ("Захарова" alone)."""
    words = name.split()
    if not words:
        return None
    if len(words) > 1 and (given := _gender_in(words[0], "Name", nominative=True)):
        return given
    return _gender_in(words[-1], "Surn", nominative=True) or _gender_in(words[-1], None)


def _gender_in(word: str, grammeme: str | None, nominative: bool = False) -> str | None:
    found = [parse for parse in parses(word)[:4] if grammeme is None or grammeme in parse.tag]
    if nominative:
        found = [parse for parse in found if parse.tag.case == "nomn"]
    genders = {parse.tag.gender for parse in found[: 4 if grammeme else 2] if parse.tag.gender in ("masc", "femn")}
    return genders.pop() if len(genders) == 1 else None


def pronoun_gender(word: str) -> str | None:
    return PRONOUNS.get(word.lower())

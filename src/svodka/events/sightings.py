"""Sightings: one sentence telling of an event — its trigger ("встретился", "телефонный разговор"),
who takes part and in what role, where, when, in what format, for how long, about what."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from ..entities.morph import parses, person_noun
from ..quotes.speaker import gender_of, is_nominative_mention, pronoun_gender
from ..records import Article, Mention, Participant
from ..sentences import Sentence, Token
from .countries import countries_of
from .grammar import (
    WITH,
    after_against,
    after_preposition,
    can_be,
    clause_end,
    clause_start,
    is_actor,
    is_verb,
    joined_after,
    noun_phrase_end,
    only_nominative,
    possessor,
    subject_of_next_verb,
    word_before,
)
from .nominal import (
    NOMINAL_AGENTS,
    as_states,
    is_noun,
    noun_makers,
    passive_agents,
    state_or_actor,
    targets,
    undergoes,
)
from .lexicon import DURATION, FORMAT, PASSIVE_DISCUSSING, TOPIC_PATTERNS, Kind
from .triggers import is_meeting_word, is_passive, is_taking_part, trigger_kind
from .status import HAPPENED, event_status
from .when import event_date

TOPIC_CUES = ("обсуд", "рассмотр", "внимани", "вопрос", "ситуаци", "тем", "проблем", "в рамках", "затрон")
OBJECT_ROLES = {"congratulation": "counterpart", "criticism": "target", "accusation": "target",
                "host": "visitor", "appointment": "appointee", "sanctions": "target", "military": "target"}
SUBJECT_ROLES = {"visit": "visitor", "host": "host"}
# Saying things of others: a state can accuse or criticise ("КНДР обвинила США"), and one denied was still said.
SPEECH_ACTS = frozenset({"accusation", "criticism"})
PRONOUN_REACH = 600  # characters back to the person "он" / "она" stands for


@dataclass
class Sighting:
    kind: Kind
    sentence: Sentence
    trigger: Token
    joins_only: bool = False
    participants: list[Participant] = field(default_factory=list)
    place: str | None = None
    date: str | None = None
    precision: str = "unknown"
    format: str | None = None
    duration: str | None = None
    topics: list[str] = field(default_factory=list)
    status: str = HAPPENED

    @property
    def takes_part(self) -> bool:
        """"примут участие X, Y": new people for a meeting told before, not the same people again."""
        return is_taking_part(self.trigger)


@dataclass(frozen=True)
class SentenceMentions:
    """A sentence's mentions, and those of them that can act (outermost names and descriptors),
    found once for all the triggers of the sentence."""

    inside: list[Mention]
    actors: list[Mention]

    @classmethod
    def of(cls, inside: list[Mention]) -> SentenceMentions:
        return cls(inside, _outermost([m for m in inside if m.kind in ("name", "descriptor")]))


def sighting(article: Article, sentence: Sentence, tokens: list[Token], index: int, kind: Kind,
             mentions: list[Mention], sentence_mentions: SentenceMentions, joins_only: bool = False) -> Sighting:
    text = article.text
    passage = text[sentence.start : sentence.end]
    status = event_status(tokens, index, speech_act=kind.type in SPEECH_ACTS)
    found = Sighting(kind, sentence, tokens[index], joins_only, status=status)
    actors = sentence_mentions.actors
    subjects = _who(article, tokens, index, kind, actors, mentions, joins_only)
    partners = _with(tokens, index, actors)
    subjects, objects = _sides(article, tokens, index, kind, sentence_mentions, subjects, partners)
    known = {entity.id for entity in article.entities}
    found.participants = _roles(kind, as_states(subjects, known), partners, as_states(objects, known))
    found.place = _place(text, tokens, actors, _topic_start(passage, sentence))
    found.date, found.precision = _date(passage, article.published)
    found.format = _first(FORMAT, passage)
    found.duration = _duration(passage)
    found.topics = _topics(passage, sentence, actors, found, article.cited)
    return found


def _sides(article: Article, tokens: list[Token], index: int, kind: Kind, sentence_mentions: SentenceMentions,
           subjects: list[Mention], partners: list[Mention]) -> tuple[list[Mention], list[Mention]]:
    """Who acts and who is acted upon, by the shape of the clause: a meeting "с X", a noun's maker
    and target, a verb's object, a passive's agent."""
    inside, actors = sentence_mentions.inside, sentence_mentions.actors
    if kind.family == "consult" and partners:  # "переговоры госсекретаря США Джона Керри с Лавровым"
        objects = _genitives(tokens, index, actors, noun_phrase_end(tokens, index))
        if not subjects and not objects:
            objects = _earlier_initiators(article.text, tokens, index, actors)
    elif kind.type in NOMINAL_AGENTS and is_noun(tokens[index]):  # "санкции США против России"
        makers, objects = noun_makers(tokens, index, actors), targets(tokens, index, actors, kind)
        if undergoes(tokens, index):  # "Лавров подвергся обвинениям со стороны Керри": Лавров is their target
            subjects, objects = makers, objects + subjects
        else:
            subjects = makers or subjects
    else:
        objects = [] if partners else (_agents(tokens, index, actors) or _objects(tokens, index, actors, kind)
                                       or _colleague(tokens, index, inside, article))
    if is_passive(tokens[index]) and kind.family != "consult":  # "Иванов назначен министром указом Путина"
        done_to = [m for m in subjects if m.type == "PER"] if kind.type == "appointment" else subjects
        subjects, objects = passive_agents(tokens, index, actors), done_to
    return subjects, objects


def _who(article: Article, tokens: list[Token], index: int, kind: Kind, actors: list[Mention],
         mentions: list[Mention], joins_only: bool) -> list[Mention]:
    """The trigger's subjects: named before it, else a pronoun's or title's person, else named
    right after it, else who said so."""
    reporting = _reporters(article, tokens[index])
    before = [m for m in actors if not any(start <= m.start < end for start, end in reporting)]
    meets = kind.family == "consult" and not joins_only
    acts = state_or_actor if kind.type in SPEECH_ACTS and is_verb(tokens[index]) else is_actor
    return (_subjects(article.text, tokens, index, before, acts) + _together_with(tokens, index, actors)
            + _listed_after(article.text, tokens, index, actors)
            or _pronoun_subject(article.text, tokens, index, mentions, plural=meets)
            or (not joins_only and _inverted_subjects(tokens, index, actors, kind))
            or _speaker_of(article, tokens[index], infinitive=kind.family == "consult"))


@lru_cache(maxsize=256)
def _date(passage: str, published: str | None) -> tuple[str | None, str]:
    """The sentence's date, read once for all the triggers in it."""
    return event_date(passage, published)


def _outermost(mentions: list[Mention]) -> list[Mention]:
    """Mentions not inside a longer one ("России" inside "министром обороны России"), in one sweep:
    among the mentions starting no later, the one reaching furthest is the only one to ask."""
    ordered = sorted(mentions, key=lambda m: (m.start, -m.end))
    inner, reach = set(), None
    for mention in ordered:
        if reach is not None and mention.end <= reach.end and reach.end - reach.start > mention.end - mention.start:
            inner.add(id(mention))
        if reach is None or mention.end > reach.end:
            reach = mention
    return [m for m in mentions if id(m) not in inner]


def _reporters(article: Article, trigger: Token) -> list[tuple[int, int]]:
    """"…, напомнил Раттке, затем последовала встреча": who is named after the speech verb of a
    reporting clause that ends before the trigger reports it, and takes no part in it ("отметил Абэ
    на встрече с мэром" does)."""
    return [(q.speaker_start, q.speaker_end) for q in article.quotes if q.speaker_start is not None
            and q.cue_start is not None and q.cue_start < q.speaker_start <= trigger.start
            and "," in article.text[q.speaker_end : trigger.start]]


def _subjects(text: str, tokens: list[Token], index: int, actors: list[Mention], acts=is_actor) -> list[Mention]:
    """Nominative actors left of the trigger in its clause ("Лукашенко и Путин обсудили")."""
    trigger = tokens[index]
    start = clause_start(tokens, index)
    found = []
    for mention in actors:
        if acts(mention) and start <= mention.start and mention.end <= trigger.start \
                and not after_preposition(tokens, mention) and not _genitive_organisation(tokens, mention) \
                and is_nominative_mention(mention, text[mention.start : mention.end]):
            found.append(mention)
    return found


def _pronoun_subject(text: str, tokens: list[Token], index: int, mentions: list[Mention],
                     plural: bool) -> list[Mention]:
    """"В среду он принял в Цетинье президента Австрии": the person named last before "он"; with
    `plural`, "девушки встретились с …": the people named together last before a plural (who meet
    are usually those; who take bets or skip school, not)."""
    start = clause_start(tokens, index)
    genders = ("masc", "femn", "plur") if plural else ("masc", "femn")
    pronoun = next((t for t in tokens[:index] if t.start >= start and (
        pronoun_gender(t.text) in genders or (_title_noun(t) or plural and _title_noun(t, "plur"))
        and not any(m.start <= t.start < m.end for m in mentions))), None)
    if pronoun is None:
        return []
    people = [m for m in mentions if m.type == "PER" and m.kind in ("name", "descriptor")
              and pronoun.start - PRONOUN_REACH <= m.start and m.end <= pronoun.start]
    if pronoun_gender(pronoun.text) == "plur" or _title_noun(pronoun, "plur"):
        return _named_together(text, people)
    gender = pronoun_gender(pronoun.text) or _past_gender(tokens[index])
    return next(([m] for m in reversed(people) if gender_of(m.normal) in (gender, None)), [])


def _named_together(text: str, people: list[Mention]) -> list[Mention]:
    """The last run of people joined by "и" or commas ("Толоконникова и Алехина")."""
    names = [m for m in people if m.kind == "name"]
    for last in range(len(names) - 1, 0, -1):
        run = [names[last]]
        while last > 0 and text[names[last - 1].end : names[last].start].strip() in ("и", ","):
            last -= 1
            run.insert(0, names[last])
        if len({m.entity for m in run}) >= 2:
            return run
    return []


def _title_noun(token: Token, number: str = "sing") -> bool:
    """"экс-госсекретарь обсуждала …", "Блогер подчеркнул …", "девушки встретились": a person's
    title or trade standing for them, in the nominative and in `number`."""
    found = person_noun(token.text)
    return found is not None and found.tag.case == "nomn" and found.tag.number == number


def _past_gender(token: Token) -> str | None:
    found = parses(token.text)[:1]
    return found[0].tag.gender if found and found[0].tag.tense == "past" else None


def _together_with(tokens: list[Token], index: int, actors: list[Mention]) -> list[Mention]:
    """"X вместе с Игорем Сечиным встречались с …": who is "together with" the subject met too."""
    start = clause_start(tokens, index)
    return [m for m in actors if m.type == "PER" and start <= m.start and m.end <= tokens[index].start
            and word_before(tokens, m).lower() in WITH and word_before(tokens, m, 2).lower() == "вместе"]


def _listed_after(text: str, tokens: list[Token], index: int, actors: list[Mention]) -> list[Mention]:
    """"…примут участие экс-президент Леонид Кучма, посол Михаил Зурабов и …": the people listed
    in the nominative after "участие"."""
    if not is_taking_part(tokens[index]):
        return []
    return [m for m in actors if m.type == "PER" and m.start >= tokens[index].end
            and not after_preposition(tokens, m) and is_nominative_mention(m, text[m.start : m.end])]


def _inverted_subjects(tokens: list[Token], index: int, actors: list[Mention], kind: Kind) -> list[Mention]:
    """"С юбилеем капитана поздравили королева Елизавета II и премьер-министр Борис Джонсон",
    "В Сочи встретились Путин и Лукашенко": people right after a verb in a form only a subject
    takes (not "Шойгу", which may be its object)."""
    if not is_verb(tokens[index]):
        return []
    intransitive = kind.family == "consult"  # "встретились Путин и Лукашенко": no object to take
    return [m for m in joined_after(tokens, index, actors) if m.type == "PER" and (
        only_nominative(tokens, m) or intransitive and can_be(tokens, m, "nomn"))]


def _genitive_organisation(tokens: list[Token], mention: Mention) -> bool:
    """"лидеров стран ОДКБ": an organisation right after a common noun depends on it."""
    before = word_before(tokens, mention)
    return mention.type == "ORG" and before.islower() and any(
        parse.tag.POS == "NOUN" for parse in parses(before)[:1])


def _with(tokens: list[Token], index: int, actors: list[Mention]) -> list[Mention]:
    """"с Президентом России Владимиром Путиным", "с министром … Белоусовым и … Хрениным": the actors
    right after "с", and those joined to them by "и" or a comma, up to the next verb or clause."""
    at = next((i for i in range(index + 1, len(tokens)) if tokens[i].text.lower() in WITH), None)
    if at is None or _meeting_between(tokens, index, at):
        return []  # "с друзьями и союзниками Джонсон решил": Джонсон is no one's partner
    return [m for m in joined_after(tokens, at, actors)
            if not subject_of_next_verb(tokens, m) or can_be(tokens, m, "ablt")]  # "… с Пегги Уитсон проходит"


def _between(tokens: list[Token], index: int, actors: list[Mention]) -> list[Mention]:
    """"встреча между премьер-министром Турции Эрдоганом и президентом Украины Януковичем"."""
    at = next((i for i in range(index + 1, min(index + 3, len(tokens))) if tokens[i].text.lower() == "между"), None)
    return [] if at is None else joined_after(tokens, at, actors)


def _meeting_between(tokens: list[Token], index: int, at: int) -> bool:
    """"переговоры Лаврова и Байдена, …, и встреча Донилона с Путиным": the "с" is the later
    meeting's."""
    return any(is_meeting_word(tokens[i]) for i in range(index + 1, at))


def _objects(tokens: list[Token], index: int, actors: list[Mention], kind: Kind) -> list[Mention]:
    is_noun = any(parse.tag.POS == "NOUN" for parse in parses(tokens[index].text)[:1])
    if kind.type not in OBJECT_ROLES and not (kind.family == "consult" and is_noun):
        return []
    if kind.family == "consult":  # "встреча Путина и Лукашенко": genitives right after the noun
        return _between(tokens, index, actors) or _genitives(tokens, index, actors, noun_phrase_end(tokens, index))
    wanted = (lambda m: m.type == "PER") if kind.type == "appointment" else is_actor  # "назначил … Муравьева"
    if kind.type in SPEECH_ACTS and is_verb(tokens[index]):
        wanted = state_or_actor
    end = clause_end(tokens, index)
    after = [m for m in actors if wanted(m) and tokens[index].end <= m.start < end
             and (not after_preposition(tokens, m) or after_against(tokens, m))]
    return after[:1]


def _genitives(tokens: list[Token], index: int, actors: list[Mention], end: int) -> list[Mention]:
    """People named after a meeting noun, up to `end`, in a case a genitive can take: not after a
    preposition, not subjects of the next verb, not whose another person is ("советника Обамы
    Донилона")."""
    if not any(parse.tag.POS == "NOUN" for parse in parses(tokens[index].text)[:1]):
        return []
    return [m for m in actors if m.type == "PER" and tokens[index].end <= m.start <= end
            and not after_preposition(tokens, m) and not subject_of_next_verb(tokens, m)
            and not possessor(actors, m) and can_be(tokens, m, "gent")]


def _agents(tokens: list[Token], index: int, actors: list[Mention]) -> list[Mention]:
    """"вопрос обсуждается генсеком ООН Паном Ги Муном, главой Афганистана Хамидом Карзаем …": who
    discusses, in the instrumental after a passive verb."""
    if not any(parse.normal_form in PASSIVE_DISCUSSING for parse in parses(tokens[index].text)[:1]):
        return []
    return [m for m in joined_after(tokens, index, actors) if m.type == "PER" and can_be(tokens, m, "ablt")]


def _earlier_initiators(text: str, tokens: list[Token], index: int, actors: list[Mention]) -> list[Mention]:
    """"переговоры Керри с Лавровым, а потом беседа с Путиным": who held the sentence's earlier
    meeting holds this one too."""
    for earlier in range(index - 1, -1, -1):
        found = trigger_kind(tokens, earlier, text)
        if found and found[0].family == "consult" and not found[1]:
            return (_subjects(text, tokens, earlier, actors)
                    or _genitives(tokens, earlier, actors, noun_phrase_end(tokens, earlier)))
    return []


def _colleague(tokens: list[Token], index: int, inside: list[Mention], article: Article) -> list[Mention]:
    """"поздравил своего российского коллегу": the person of that country the article names."""
    colleague = next((t for t in tokens[index + 1 : index + 5] if t.text.lower().startswith("коллег")), None)
    if colleague is None:
        return []
    country = next((m.entity for m in inside if m.kind == "adjective" and tokens[index].end <= m.start < colleague.start), None)
    countries = _person_countries(article)
    people = [m for m in article.mentions if m.type == "PER" and m.kind in ("name", "descriptor")
              and countries.get(m.entity) == country and country is not None]
    return people[:1]


def _person_countries(article: Article) -> dict[str, str]:
    return {entity: "country:" + code for entity, code in countries_of(article).items()}


def _speaker_of(article: Article, trigger: Token, infinitive: bool = False) -> list[Mention]:
    """"Путин рассказал, что … встречался с Мишустиным": who said so did it, when a person said
    it ("…, отмечает РБК": an outlet reports, it does not meet) with a verb of no named subject
    ("он подчеркнул, что на переговорах с участием Януковича …": the speaker was not there); with
    `infinitive`, of an infinitive too ("Навальный отказался уточнить, что хочет обсудить с мэром")."""
    if not (is_verb(trigger) or infinitive and any(p.tag.POS == "INFN" for p in parses(trigger.text)[:1])):
        return []
    people = {m.entity for m in article.mentions if m.type == "PER"}
    for quote in article.quotes:
        if quote.start <= trigger.start < quote.end and quote.speaker in people:
            return [Mention(quote.speaker_start, quote.speaker_end, "PER", quote.speaker_text or "", quote.speaker)]
    return []


def _roles(kind: Kind, subjects: list[Mention], partners: list[Mention], objects: list[Mention]) -> list[Participant]:
    if kind.family == "consult":  # meetings are between people: "встреча с руководством «Газпрома»" aside
        subjects, partners, objects = ([m for m in group if m.type == "PER"] for group in (subjects, partners, objects))
    roles: dict[str, str] = {}
    subject_role = SUBJECT_ROLES.get(kind.type, "initiator" if partners or objects else "participant")
    for mention in subjects:
        roles.setdefault(mention.entity, subject_role)
    for mention in partners:
        roles.setdefault(mention.entity, "counterpart")
    for mention in objects:
        roles.setdefault(mention.entity, OBJECT_ROLES.get(kind.type, "participant"))
    roles.pop(None, None)
    if kind.family == "consult" and subjects and objects and not partners:
        roles = {entity: "participant" for entity in roles}
    return [Participant(entity, role) for entity, role in roles.items()]


def _place(text: str, tokens: list[Token], actors: list[Mention], topics_from: int) -> str | None:
    """The first place named in the locative after "в"/"во" ("в Петербурге"; not "в Петербург",
    where someone went, nor "обсудили ситуацию в Кыргызстане", a topic)."""
    for mention in actors:
        if mention.type == "LOC" and mention.kind == "name" and mention.entity and mention.start < topics_from:
            written = text[mention.start : mention.end]
            if word_before(tokens, mention).lower() in ("в", "во") and not is_nominative_mention(mention, written):
                return mention.entity
    return None


def _topic_start(passage: str, sentence: Sentence) -> int:
    lowered = passage.lower()
    cue = min((lowered.find(c) for c in TOPIC_CUES if c in lowered), default=len(passage))
    return sentence.start + cue


def _first(pattern, passage: str) -> str | None:
    match = pattern.search(passage)
    return match.group(0).lower() if match else None


def _duration(passage: str) -> str | None:
    for match in DURATION.finditer(passage):
        if match.group(1) or match.group(2):
            return match.group(0).strip().lower()
    return None


def _topics(passage: str, sentence: Sentence, actors: list[Mention], found: Sighting,
            cited: tuple[str, ...]) -> list[str]:
    """Labels of common topics named in the sentence, and the places and organisations it
    discusses ("обсудили ситуацию в Нагорном Карабахе") — not the participants, the venue, the
    article's sources."""
    topics = [label for label, pattern in TOPIC_PATTERNS.items() if pattern.search(passage)]
    skipped = {p.entity for p in found.participants} | {found.place}
    cue = _topic_start(passage, sentence)
    for mention in actors:
        if mention.start > cue and mention.entity not in skipped and mention.type in ("LOC", "ORG") \
                and mention.normal not in cited:
            topics.append(mention.entity or mention.normal)
    return list(dict.fromkeys(topics))

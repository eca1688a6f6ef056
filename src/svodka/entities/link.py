"""From mentions to entities: knowledge-base names first, then a surname to the full name used
elsewhere in the article, then an id derived from the canonical name for what the base lacks."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ..records import Entity, Mention
from .kb import KbEntity, KnowledgeBase
from .morph import lemma_key, name_key
from .names import given_agrees, is_initial, same_surname, spells_a_given_name, split_name
from .ner import Found
from .gender import decided, gender_votes
from .normal import normalize
from .descriptors import country_before


@dataclass
class _Group:
    """The mentions of one entity in one article."""

    type: str
    normals: list[str] = field(default_factory=list)
    kb: KbEntity | None = None
    _longest: str | None = None  # the fullest of `normals`, found once they are all known

    def set_normals(self, normals: list[str]) -> None:
        self.normals = normals
        self._longest = max(normals, key=_length) if normals else None

    @property
    def canonical(self) -> str:
        if self.kb:
            return self.kb.name
        return self._longest if self._longest is not None else max(self.normals, key=_length)

    @property
    def id(self) -> str:
        return self.kb.key if self.kb else entity_id(self.type, self.canonical)


def link(analysed: str, found: list[Found], kb: KnowledgeBase) -> tuple[list[Mention], list[Entity]]:
    normals = [_normal(analysed[f.start : f.end], f.type, kb) for f in found]
    groups: dict[str, _Group] = {}
    membership = [_group_of(f, normal, groups, kb, analysed) for f, normal in zip(found, normals)]
    _link_surnames(found, normals, membership, groups, kb)
    _regender(analysed, found, normals, membership, groups, kb)
    by_group: dict[str, list[str]] = {key: [] for key in groups}
    for normal, member in zip(normals, membership):
        by_group[member].append(normal)
    for key, group in groups.items():
        group.set_normals(by_group[key])
    normals = [_surname_of(groups[key], normal) if f.type == "PER" else normal
               for f, normal, key in zip(found, normals, membership)]
    mentions = [Mention(f.start, f.end, groups[key].type, normal, groups[key].id)
                for f, normal, key in zip(found, normals, membership)]
    entities = [_entity(group) for key, group in groups.items() if key in set(membership)]
    return mentions, list({entity.id: entity for entity in entities}.values())


def _length(name: str) -> tuple[int, int, int]:
    """How full a name is: words spelled out first, then words, then letters ("Владимир Путин" over
    "В.В. Путин" over "Путина")."""
    given, _ = split_name(name)
    return len(name.split()) - sum(is_initial(part) for part in given), len(name.split()), len(name)


def _normal(text: str, type: str, kb: KnowledgeBase, gender: str | None = None) -> str:
    """The knowledge base spells the names it knows in the nominative; others are inflected here.
    Quoted and abbreviated names keep their own spelling."""
    known = kb.nominative(text, type) if type == "PER" or not text.isupper() else None
    return known if known and _same_shape(known, text) else normalize(text, type, gender)


def _regender(analysed: str, found: list[Found], normals: list[str], membership: list[str],
              groups: dict[str, _Group], kb: KnowledgeBase) -> None:
    """Normalise the mentions of each person the base does not know again, in the gender their
    article's verbs show."""
    votes: dict[str, Counter] = {}
    for mention, key in zip(found, membership):
        if mention.type == "PER" and not groups[key].kb:
            votes.setdefault(key, Counter()).update(gender_votes(analysed, mention.start, mention.end))
    for index, (mention, key) in enumerate(zip(found, membership)):
        gender = decided(votes.get(key, Counter()))
        if gender:
            normals[index] = _normal(analysed[mention.start : mention.end], "PER", kb, gender)


def _surname_of(group: _Group, normal: str) -> str:
    """A bare surname takes its base form from the full name it stands for: "Дэвиса" of
    "Дэвида Дэвиса" is "Дэвис", which the surname alone could not tell."""
    full = group.canonical.split()
    if len(normal.split()) != 1 or len(full) < 2 or not same_surname(normal, full[-1]):
        return normal
    return full[-1]


def _same_shape(known: str, text: str) -> bool:
    return len(known.split()) == len(text.split()) and ("«" in known) == ("«" in text)


def _group_of(mention: Found, normal: str, groups: dict[str, _Group], kb: KnowledgeBase, analysed: str) -> str:
    known = _known(normal, mention.type, kb) or _of_country(mention, normal, kb, analysed)
    key = known.key if known else f"{mention.type}:{' '.join(lemma_key(normal))}"
    groups.setdefault(key, _Group(known.type if known else mention.type, kb=known))
    return key


def _known(normal: str, type: str, kb: KnowledgeBase) -> KbEntity | None:
    """The base's entity of that name, preferring the mention's type. It may turn a place into an
    organisation ("Кремль"), never a person into a place: "Бориса" is not the town of Борисов,
    whose name shares its lemma."""
    same = kb.by_name(normal, type) or (_known_person(normal, kb) if type == "PER" else None)
    if same:
        return same
    other = kb.by_name(normal)
    return other if other and (other.type == "PER") == (type == "PER") else None


def _known_person(normal: str, kb: KnowledgeBase) -> KbEntity | None:
    """The one person of the base whose surname this is and whose given names the written ones fit:
    "В.Путин", "Реджеп Эрдоган" (middle name left out), "Ангеле Меркель" (a case form the
    dictionary does not know)."""
    given, surname = split_name(normal)
    if not given:
        return None
    fitting = [person for person in kb.by_surname(surname)
               if given_agrees(given, split_name(person.name)[0])]
    return fitting[0] if len(fitting) == 1 else None


def _of_country(mention: Found, normal: str, kb: KnowledgeBase, analysed: str) -> KbEntity | None:
    """"белорусским главой Минобороны": a ministry named without its country takes the one before it."""
    if mention.type != "ORG":
        return None
    country = country_before(analysed, mention.start, kb)
    return kb.by_name(f"{normal} {country.name}") if country else None


def _link_surnames(found, normals, membership, groups, kb: KnowledgeBase) -> None:
    """"Лукашенко" and "А. Лукашенко" join "Александр Лукашенко" of the same article, or the one
    person of that surname the knowledge base knows."""
    full_names = _full_names(found, normals, membership)
    for index, (mention, normal) in enumerate(zip(found, normals)):
        given, surname = split_name(normal)
        if mention.type != "PER" or not surname or spells_a_given_name(given):
            continue
        target = next((key for (known_given, known_surname), key in full_names
                       if same_surname(surname, known_surname) and (not given or given_agrees(given, known_given))),
                      None)
        if target is None and not given:
            target = _known_surname(surname.split()[-1], groups, kb)
        if target and target != membership[index]:
            membership[index] = target


def _full_names(found, normals, membership) -> list[tuple[tuple[list[str], str], str]]:
    """((given names, surname), group) of each person the article names with a given name, in order."""
    named = []
    for mention, normal, key in zip(found, normals, membership):
        given, surname = split_name(normal)
        if mention.type == "PER" and spells_a_given_name(given):
            named.append(((given, surname), key))
    return named


def _known_surname(surname: str, groups: dict[str, _Group], kb: KnowledgeBase) -> str | None:
    people = kb.by_surname(surname)
    if len(people) != 1:
        return None
    person = people[0]
    groups.setdefault(person.key, _Group("PER", kb=person))
    return person.key


def _entity(group: _Group) -> Entity:
    aliases = tuple(dict.fromkeys(name for name in group.normals if name != group.canonical))
    return Entity(group.id, group.type, group.canonical, aliases, group.kb.wikidata if group.kb else None)


def entity_id(type: str, name: str) -> str:
    """Lemmas, not spelling: "Асия Биби" and a misread "Асий Биби" elsewhere stay one entity. A
    person's words are read as nouns where they can be ("Скрипаля" is no gerund of "скрипалить")."""
    key = name_key(name) if type == "PER" else lemma_key(name)
    return f"{type.lower()}:{slug(' '.join(key))}"


def entity_of(known: KbEntity) -> Entity:
    return Entity(known.key, known.type, known.name, known.aliases, known.wikidata)


def slug(name: str) -> str:
    """"Президентская библиотека им. Бориса Ельцина" → "президентская-библиотека-им-бориса-ельцина"."""
    return re.sub(r"\W+", "-", name.casefold().replace("ё", "е")).strip("-")

"""A person's grammatical gender from the words that agree with their name ("Асия Биби была
оправдана"), voted across the article: it settles names the dictionary reads
the other way ("Асии" as a form of the masculine "Асий")."""
from __future__ import annotations

import re
from collections import Counter

from .morph import is_proper, parses

NEXT_WORDS = re.compile(r"^\s+(\w+)(?:\s+(\w+))?")  # not across a comma: "…Дэвиса, но отметила" is Мэй
WORD_BEFORE = re.compile(r"(\w+)\s+$")
# Feminine nouns that head a name in the genitive rather than stand beside it: "жена Дэвиса".
RELATIONS = frozenset(
    "жена дочь мать сестра вдова супруга подруга бабушка внучка невеста любовница девушка "
    "мама тётя тетя племянница падчерица свекровь тёща теща".split()
)


def gender_votes(analysed: str, start: int, end: int) -> Counter:
    """masc/femn votes of the past-tense verbs and short participles right after one mention (a verb
    before a name agrees with whoever is the subject, often someone else), and of a woman's noun
    standing right before it ("христианки Асии Биби"). A name after a preposition is no subject
    ("по словам Асии Биби, …"), so its verbs do not vote."""
    votes: Counter = Counter()
    before = WORD_BEFORE.search(analysed[max(0, start - 30) : start])
    if before and _governs(before.group(1)):
        return votes
    if before and _womans_noun(before.group(1)):
        votes["femn"] += 1
    after = NEXT_WORDS.match(analysed[end : end + 40])
    for word in (word for word in (after.groups() if after else ()) if word):
        gender = _agreeing_gender(word)
        if gender:
            votes[gender] += 1
    return votes


def _governs(word: str) -> bool:
    found = parses(word)
    return bool(found) and found[0].tag.POS == "PREP"


def _womans_noun(word: str) -> bool:
    """"христианка", "пакистанки", "журналистку": an animate noun that is only ever feminine."""
    found = [p for p in parses(word) if p.tag.POS == "NOUN"]
    return bool(found) and word[:1].islower() and found[0].normal_form not in RELATIONS \
        and all(p.tag.gender == "femn" and p.tag.animacy == "anim" and not is_proper(p) for p in found)


def _agreeing_gender(word: str) -> str | None:
    if word[:1].isupper():
        return None
    found = parses(word)
    if not found or found[0].tag.POS not in ("VERB", "PRTS") or "sing" not in found[0].tag:
        return None
    gender = found[0].tag.gender
    return gender if gender in ("masc", "femn") and all(p.tag.gender == gender for p in found[:2]
                                                        if p.tag.POS == found[0].tag.POS) else None


def decided(votes: Counter) -> str | None:
    """The gender agreeing words show, when they show it at least twice as often as the other."""
    if not votes:
        return None
    (top, count), *rest = votes.most_common()
    return top if not rest or count >= 2 * rest[0][1] else None

"""Names from the knowledge base that NER missed ("РБ", "СПб", "ЕАЭС" in a title), found by their
lemmas in the article's content, capitalised as names are. A pronoun is never one, though "Тех"
shares its lemma with Того."""
from __future__ import annotations

from functools import lru_cache

from ..records import Span
from .kb import KnowledgeBase
from .morph import is_common_word, lemma
from .ner import Found, capitalised_by_its_place
from .words import Word, content_passages

MAX_WORDS = 6


def gazetteer_mentions(analysed: str, spans: tuple[Span, ...], kb: KnowledgeBase) -> list[Found]:
    return [found for words in content_passages(analysed, spans) for found in names_in(words, kb, analysed)]


def names_in(words: list[Word], kb: KnowledgeBase, analysed: str) -> list[Found]:
    """The longest KB names among `words` of the `analysed` text."""
    lemmas = [lemma(word) for _, _, word in words]
    found, index = [], 0
    while index < len(words):
        match = _longest_at(words, lemmas, index, kb, analysed)
        if match:
            found.append(match[0])
            index += match[1]
        else:
            index += 1
    return found


def _longest_at(words, lemmas, index: int, kb: KnowledgeBase, analysed: str) -> tuple[Found, int] | None:
    """The longest KB name starting at word `index`. A word alone that is a pronoun or a noun
    capitalised by opening a sentence is none ("Тех" is no Того, "Штат …" no "Штаты")."""
    if not words[index][2][:1].isupper() or lemmas[index] not in alias_starts(kb):
        return None
    aliases = kb.alias_keys()
    for length in range(min(MAX_WORDS, len(words) - index), 0, -1):
        keys = aliases.get(tuple(lemmas[index : index + length]))
        if keys and _adjacent(words[index : index + length]) and not (length == 1 and _common(analysed, words[index])):
            entity = kb.entities[keys[0]]
            return Found(words[index][0], words[index + length - 1][1], entity.type), length
    return None


@lru_cache(maxsize=4)
def alias_starts(kb: KnowledgeBase) -> frozenset[str]:
    """The lemmas a KB name can start with."""
    return frozenset(key[0] for key in kb.alias_keys())


def _common(analysed: str, word: Word) -> bool:
    return is_common_word(word[2]) or capitalised_by_its_place(analysed, word[0], word[2])


def _adjacent(words) -> bool:
    """The words of one name stand together, separated by a space, a quote or a dot at most."""
    return all(nxt[0] - prev[1] <= 3 for prev, nxt in zip(words, words[1:]))

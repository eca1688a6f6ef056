"""Words that introduce reported speech: verbs of saying ("заявил", "отметив") and phrases ("по словам",
"как сообщил"), and the agencies' verbs that cite a whole article's source ("пишет ТАСС")."""
from __future__ import annotations

from functools import lru_cache

from ..entities.morph import parses
from ..sentences import Token


def word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())

SAYING = word_set("""
заявить заявлять сказать говорить отметить отмечать сообщить сообщать добавить добавлять подчеркнуть
подчёркивать подчеркивать рассказать рассказывать пояснить пояснять заметить замечать указать указывать
ответить отвечать признать признавать признаться уточнить уточнять напомнить напоминать утверждать
считать полагать уверять заверить заверять объяснить объяснять объявить объявлять предупредить
предупреждать пообещать обещать написать писать констатировать резюмировать подытожить высказаться
призвать призывать настаивать опровергнуть опровергать отрицать процитировать обратиться обращаться
поделиться прокомментировать комментировать возразить возражать парировать акцентировать надеяться
пожаловаться жаловаться посетовать сетовать подтвердить подтверждать передать передавать сообщиться
говориться информировать проинформировать убеждать убедить допустить допускать предположить
предполагать уверить разъяснить разъяснять добавить выразить выражать прогнозировать спрогнозировать анонсировать оценить оценивать
""")

# verbs the author uses of themselves in the first person plural ("напомним", "отметим")
AUTHORS_VERBS = word_set("напомнить отметить добавить заметить подчеркнуть уточнить оговориться пояснить указать")

# verbs that take "о чём" as what was said ("заявил о достигнутых успехах")
ABOUT = word_set("заявить заявлять сообщить сообщать рассказать рассказывать говорить сказать напомнить "
                  "напоминать предупредить предупреждать объявить объявлять высказаться упомянуть "
                  "информировать проинформировать")

# an outlet's verbs: "пишет ТАСС", "передает РИА «Новости»" cite the article's source, not a quote
CITING = word_set("писать передавать сообщать информировать")

# a speaker's opinion: "по словам X", "по мнению X", "как сообщил X" ("по данным X", "по информации X"
# attribute a fact to a source: no one is quoted)
ACCORDING = frozenset({"словам", "мнению", "оценке", "утверждению", "заявлению", "сообщению",
                       "признанию", "версии"})
SPEECH_FORMS = ("VERB", "INFN", "GRND")


def saying_lemma(token: Token) -> str | None:
    """The lemma of a verb of saying (finite, infinitive or gerund), if `token` is one."""
    if not token.is_word or token.text[:1].isupper() and token.text.isupper():
        return None
    return _saying_lemma(token.text)


@lru_cache(maxsize=100_000)
def _saying_lemma(word: str) -> str | None:
    for parse in parses(word)[:3]:
        normal = parse.normal_form.replace("ё", "е")
        if parse.tag.POS in SPEECH_FORMS and normal in SAYING:
            return None if _authors_voice(parse, normal) else normal
    return None


def _authors_voice(parse, normal: str) -> bool:
    """"Напомним, что …", "Отметим, что …": the article's author speaking, quoting no one."""
    return normal in AUTHORS_VERBS and parse.tag.person == "1per" and parse.tag.number == "plur"


def is_gerund(token: Token) -> bool:
    found = parses(token.text)
    return bool(found) and found[0].tag.POS == "GRND"


def verb_number(token: Token) -> str | None:
    """sing or plur of a finite verb ("заявил" sing, "заявили" plur), None if it does not show."""
    found = parses(token.text)
    return found[0].tag.number if found and found[0].tag.POS == "VERB" else None


def verb_gender(token: Token | None) -> str | None:
    """masc or femn of a past-tense verb in the singular ("отметила" femn), None if it does not show."""
    found = parses(token.text)[:1] if token is not None else []
    tag = found[0].tag if found else None
    return tag.gender if tag is not None and tag.POS == "VERB" and tag.gender in ("masc", "femn") else None

"""Table-driven rules of the quotes stage, on sentences written for these tests."""
from __future__ import annotations

import pytest

from svodka.entities import annotate_entities
from svodka.quotes import annotate_quotes
from svodka.records import Article, Span


def quotes(text: str):
    article = Article(id="t", source="t", text=text, spans=(Span(0, len(text), "body"),))
    return annotate_quotes(annotate_entities(article)).quotes


@pytest.mark.parametrize("text, kind, said, speaker", [
    ("«Мы готовы к диалогу без предварительных условий», – заявил Сергей Лавров.", "direct",
     "Мы готовы к диалогу без предварительных условий", "Сергей Лавров"),
    ("Министр финансов Антон Силуанов отметил: «Бюджет будет исполнен полностью».", "direct",
     "Бюджет будет исполнен полностью", "Антон Силуанов"),
    ("Эксперты в Москве считают, что цены на нефть вырастут.", "indirect",
     "что цены на нефть вырастут", "Эксперты в Москве"),
    ("По словам Дмитрия Пескова, встреча пройдет в Кремле.", "indirect",
     "встреча пройдет в Кремле", "Дмитрий Песков"),
    ("Как сообщила Мария Захарова, посол был вызван в МИД.", "indirect",
     "посол был вызван в МИД", "Мария Захарова"),
    ("Песков заявил, что «вопрос пока не стоит на повестке».", "mixed",
     "вопрос пока не стоит на повестке", "Дмитрий Песков"),
])
def test_quote_kinds_and_speakers(text, kind, said, speaker):
    (quote,) = quotes(text)
    assert (quote.kind, quote.text) == (kind, said)
    assert quote.speaker_text == speaker


@pytest.mark.parametrize("text", [
    "Об этом пишет газета «Коммерсант».",
    "Экономика растет быстрее прогнозов, пишет ТАСС.",
    "Фильм «Брат» снова покажут в кинотеатрах.",
    "Вчера в Москве прошел дождь.",
])
def test_not_quotes(text):
    article = Article(id="t", source="t", text=text, spans=(Span(0, len(text), "body"),), cited=("ТАСС",))
    assert annotate_quotes(annotate_entities(article)).quotes == ()


def test_pronoun_speaker_resolves_to_the_person_named_before():
    text = "Мария Захарова выступила на брифинге. Она подчеркнула, что Москва не примет ультиматумов."
    (quote,) = quotes(text)
    assert quote.speaker_text == "Мария Захарова" and text[quote.speaker_start : quote.speaker_end] == "Она"


@pytest.mark.parametrize("text, span", [
    ("Проректор Высшей школы экономики Сергей Рощин сказал: «Спрос на магистратуру растёт».",
     "Проректор Высшей школы экономики Сергей Рощин"),
    ("«Денег на ремонт нет», – рассказывает «Известиям» гендиректор компании Валерий Антонов.",
     "гендиректор компании Валерий Антонов"),
    ("«Рейсы задерживаются из-за погоды», – заявила пресс-атташе компании «Аэрофлот».",
     "пресс-атташе компании «Аэрофлот»"),
    ("«Рейсы задерживаются», – сказал пилот в аэропорту.", "пилот"),
])
def test_the_speaker_span_takes_the_descriptor_and_its_dependents(text, span):
    (quote,) = quotes(text)
    assert text[quote.speaker_start : quote.speaker_end] == span

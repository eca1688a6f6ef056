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


@pytest.mark.parametrize("text, speaker", [
    ("Госсекретарь США Рекс Тиллерсон в интервью CBS заявил, что давление на КНДР продолжится.", "Рекс Тиллерсон"),
    ("Бывший министр Виталие Маринуца в эфире телеканала Publika TV заметил, что реформа потребует денег.",
     "Виталие Маринуца"),
    ("«Катастроф быть не может», – цитирует Антона Силуанова Интерфакс.", "Антон Силуанов"),
    ("Политолог Виктор Небоженко рассказал о выборах. По мнению эксперта, кампания будет жёсткой.",
     "Виктор Небоженко"),
])
def test_the_speaker_is_who_spoke_not_where_or_who_quoted(text, speaker):
    found = quotes(text)
    assert found and found[-1].speaker_text == speaker, [(q.speaker_text, q.text) for q in found]


@pytest.mark.parametrize("text", [
    "Напомним, что в прошлом году бюджет был исполнен с дефицитом.",
    "Отметим, что переговоры длились три часа.",
])
def test_the_authors_own_voice_is_no_quote(text):
    assert quotes(text) == ()


def test_a_quotation_standing_as_its_own_paragraph_is_the_speaker_named_just_before():
    text = ("Коалиция снизила интенсивность ударов. Об этом сообщил официальный представитель Минобороны "
            "России Игорь Конашенков.\n«Сирийские войска за последнюю неделю существенно расширили плацдарм "
            "на восточном берегу реки».")
    found = quotes(text)
    assert [(q.kind, q.speaker_text) for q in found if q.text.startswith("Сирийские")] == [("direct", "Игорь Конашенков")]


@pytest.mark.parametrize("title, speaker, said", [
    ("Песков: Кремль не видит угрозы в учениях НАТО", "Дмитрий Песков", "Кремль не видит угрозы в учениях НАТО"),
    ("МИД России: санкции не останутся без ответа", "Министерство иностранных дел России",
     "санкции не останутся без ответа"),
])
def test_a_headline_naming_who_speaks_before_a_colon_is_their_quote(title, speaker, said):
    text = title + "\n\nПресс-секретарь президента Дмитрий Песков ответил журналистам на вопросы."
    article = Article(id="t", source="t", text=text,
                      spans=(Span(0, len(title), "title"), Span(len(title) + 2, len(text), "body")))
    found = annotate_quotes(annotate_entities(article)).quotes
    assert [(q.speaker_text, q.text) for q in found if q.start < len(title)] == [(speaker, said)]


def test_a_headline_with_a_colon_but_no_speaker_is_no_quote():
    title = "Итоги года: экономика выросла на два процента"
    article = Article(id="t", source="t", text=title, spans=(Span(0, len(title), "title"),))
    assert annotate_quotes(annotate_entities(article)).quotes == ()


@pytest.mark.parametrize("text", [
    "По данным Минобороны России, коалиция снизила интенсивность ударов по боевикам.",
    "По информации агентства Bloomberg, переговоры продолжатся в марте.",
])
def test_a_source_attribution_quotes_no_one(text):
    assert quotes(text) == ()


def test_a_quote_interrupted_by_its_attribution_is_one_quote_without_it():
    [quote] = quotes("Из-за этого, отметил депутат Иван Петров, страдают не только мигранты, но и работодатели.")
    assert quote.said() == "Из-за этого страдают не только мигранты, но и работодатели"
    assert quote.speaker_text == "Иван Петров"


def test_an_apposition_to_the_speaker_is_part_of_the_attribution():
    [quote] = quotes("Поскольку минские договоренности не выполняются, утверждает Иван Петров, руководитель фонда, "
                     "войну не остановить.")
    assert quote.said() == "Поскольку минские договоренности не выполняются войну не остановить"


def test_a_bare_role_as_speaker_is_the_person_named_before():
    [quote] = quotes("Директор института Леопольд Лобковский побывал в экспедиции.\n\n"
                     "В этой связи, отмечает эксперт, ничего нового экспедиция не дала.")
    assert quote.speaker_text == "Леопольд Лобковский"


@pytest.mark.parametrize("text, speaker", [
    ("Сергей Лавров встретился с Валентиной Матвиенко. Он отметил, что переговоры продолжатся.", "Сергей Лавров"),
    ("Мария Захарова прокомментировала визит Сергея Лаврова. Она отметила, что визит прошёл успешно.",
     "Мария Захарова"),
    ("Сергей Лавров заявил, что переговоры продолжатся. Рядом стояла Мария Захарова. Также отметила, что "
     "визит прошёл успешно.", "Мария Захарова"),
])
def test_a_speaker_agrees_with_the_pronoun_or_the_verb_in_gender(text, speaker):
    assert quotes(text)[-1].speaker_text == speaker


@pytest.mark.parametrize("text, said, speaker", [
    ("«Мы готовы к переговорам, – сказал Сергей Лавров. – Но условия должны быть честными».",
     "Мы готовы к переговорам, Но условия должны быть честными", "Сергей Лавров"),
    ("«Мы готовы, – сказал он, – но условия должны быть честными», – добавил Сергей Лавров.",
     "Мы готовы, но условия должны быть честными", "Сергей Лавров"),
])
def test_a_direct_quote_interrupted_by_its_attribution_is_one_quote(text, said, speaker):
    (quote,) = quotes(text)
    assert (quote.said(), quote.speaker_text) == (said, speaker)


def test_a_bare_role_is_the_person_named_last_not_one_quoted_earlier_nor_one_named_in_a_quote():
    text = ("«Ответ будет», — заявил Дмитрий Песков. Глава комитета Совета Федерации Константин Косачёв "
            "сравнил действия властей с агонией. «Сколько бы дипломатов ни выслал Обама, это ничего не "
            "изменит, — сказал сенатор. — Других слов не находится».")
    assert quotes(text)[-1].speaker_text == "Константин Косачёв"

"""Chrome by its shape, on sites svodka was never shown: table-driven tests on texts written for them."""
import pytest

import svodka
from svodka.clean.authors import valid_authors
from svodka.clean.shapes import (
    is_code,
    is_credit,
    is_date,
    is_embed_attribution,
    is_headline_like,
    is_notice,
    is_related_heading,
    is_truncated,
)

P1 = ("Губернатор области провёл совещание с главами районов и поручил подготовить дороги к зиме до "
      "конца октября.")
P2 = ("По словам чиновника, в этом году на ремонт мостов и дорог выделено почти вдвое больше денег, чем "
      "годом ранее.")
P3 = "Работы на трассе между областным центром и райцентром начнутся уже на следующей неделе."


@pytest.mark.parametrize("text, code", [
    ('jwplayer("player-7").setup({ file: "https://cdn.example.com/v.mp4", width: "100%" });', True),
    ("window.dataLayer = window.dataLayer || [];", True),
    ('{"@context":"https://schema.org","@type":"NewsArticle","headline":"Путин провёл встречу"}', True),
    (".article-promo { color: #fff; padding: 10px; }", True),
    ("});", True),
    ('Он сказал: "Мы придём" (и пришёл);', False),
    ("- Иван Петров (Тюменская обл.) — 24.31,8 (0+1);", False),
    ("Цена = 5 рублей;", False),
    (P1, False),
])
def test_code(text, code):
    assert is_code(text) is code


@pytest.mark.parametrize("text, credit", [
    ("Reuters", True),
    ("© РИА Новости / Иван Петров", True),
    ("Фото: пресс-служба мэрии", True),
    ("photobank.example.com", True),
    ("Global Look Press", True),
    ("ТАСС", True),
    ("Президент выступил в Думе", False),
    ("корреспондент", False),
    (P1, False),
])
def test_credit(text, credit):
    assert is_credit(text) is credit


@pytest.mark.parametrize("text, date", [
    ("14 сентября 2025", True),
    ("17 июн 2025, 11:20", True),
    ("22 марта 2018, 14:25 обновлено 22 марта 2018, 15:10", True),
    ("September 3, 2017", True),
    ("Фев 10, 2018 в 12:34 PST", True),
    ("09:15", True),
    ("14 февраля 2024, 19:42 мск", True),
    ("10.10.2023 17:45:00", True),
    ("В 2017 году цены выросли", False),
])
def test_date(text, date):
    assert is_date(text) is date


@pytest.mark.parametrize("text, heading", [
    ("Также по теме", True),
    ("Читайте также:", True),
    ("Ещё по теме", True),
    ("Другие материалы", True),
    ("Новости партнёров", True),
    ("По теме", True),
    ("Также по теме выступил министр финансов", False),
])
def test_related_heading(text, heading):
    assert is_related_heading(text) is heading


@pytest.mark.parametrize("text, notice", [
    ("Подписывайтесь на наш канал в Telegram", True),
    ("Скачайте наше приложение в App Store и Google Play", True),
    ("Следите за новостями во ВКонтакте", True),
    ("*«Исламское государство» — террористическая организация, запрещённая в России.", True),
    ("«Правый сектор» — экстремистская организация, запрещённая на территории России.", True),
    ("На страницу галереи", True),
    ("* Иван Петров внесён Минюстом России в реестр иностранных агентов.", True),
    ("Мнение автора может не совпадать с позицией редакции.", True),
    ("Точка зрения автора может не совпадать с позицией редакции Вечернего Заречинска", True),
    ("Газета «Вечерний Заречинск» №45 от 14.03.2024, стр. 2", True),
    ("Тематическое приложение к газете «Вечерний Заречинск» № 215 (8847)", True),
    ("Об авторе: Иван Петров – доктор экономических наук, профессор.", True),
    ("Мнение министра не совпадает с позицией правительства, заявил депутат.", False),
    ("Номер телефона горячей линии опубликовали на сайте мэрии.", False),
    ("НАСТОЯЩИЙ МАТЕРИАЛ (ИНФОРМАЦИЯ) ПРОИЗВЕДЕН, РАСПРОСТРАНЕН И (ИЛИ) НАПРАВЛЕН ИНОСТРАННЫМ АГЕНТОМ «ВЕСТИ "
     "ЗАРЕЧЬЯ» ЛИБО КАСАЕТСЯ ДЕЯТЕЛЬНОСТИ ИНОСТРАННОГО АГЕНТА", True),
    ("Фильм, созданный иностранным агентом, сняли с проката.", False),
    ("Нашли опечатку? Выделите текст и нажмите Ctrl+Enter", True),
    ("USD 91,83 EUR 100,22", True),
    ("- 12,4k", True),
    ("2024", False),
    ("За этим постом — сотни комментариев, и почти в каждом звучит одна мысль: «Дайте нам пять лет».", False),
    ("Оставляйте комментарии и подписывайтесь на рассылку", True),
    ("Суд признал организацию экстремистской и запретил её деятельность в России, сообщили в прокуратуре "
     "после заседания, которое длилось больше шести часов подряд без перерыва.", False),
    ("Подписали соглашение о поставках газа в Китай", False),
    (P2, False),
])
def test_notice(text, notice):
    assert is_notice(text) is notice


@pytest.mark.parametrize("text, attribution", [
    ("— Иван Иванов (@ivanov_ivan) 3 марта 2020 г.", True),
    ("Публикация от Команда (@team_official)", True),
    ("— заявил министр журналистам", False),
])
def test_embed_attribution(text, attribution):
    assert is_embed_attribution(text) is attribution


@pytest.mark.parametrize("text, truncated, headline", [
    ("Власти области пообещали отремонтировать все мосты до конца года и уже выделили на это...",
     True, False),
    ("«Мы готовы к диалогу»: глава МИД о переговорах в Женеве", False, True),
    ("Он помолчал…", False, False),
    (P1, False, False),
])
def test_teaser_shapes(text, truncated, headline):
    assert (is_truncated(text), is_headline_like(text)) == (truncated, headline)


@pytest.mark.parametrize("candidates, names", [
    (["Написать автору Тема Сообщение Почта ФИО Отправить"], ()),
    (["Войти"], ()),
    (["Авторы Евгений Науменко"], ("Евгений Науменко",)),
    (["Опубликовал Алексей Сафонов Источник"], ("Алексей Сафонов",)),
    (["by https://www.facebook.com/someone"], ()),
    (["Иван Петров, корреспондент"], ("Иван Петров",)),
    (["Редакция «Газеты.Ru»"], ("Редакция «Газеты.Ru»",)),
    (["РИА Новости"], ("РИА Новости",)),
    (["А. Смирнов и Б. Орлов"], ("А. Смирнов", "Б. Орлов")),
    (["Лента новостей"], ()),
    (["Мария Ивановна Петрова"], ("Мария Ивановна Петрова",)),
])
def test_authors(candidates, names):
    assert valid_authors(candidates) == names


def kinds_of(text, **meta):
    article = svodka.process(text, **meta)
    return [(span.kind, span.of(article.text)) for span in article.spans]


def test_related_block_inside_the_text_is_chrome():
    text = (f"Дороги починят к зиме\n\n{P1}\nТакже по теме\nМосты в области: что успели сделать за год\n"
            "В прошлом году власти отремонтировали восемь мостов и пообещали, что в этом...\n"
            f"{P2}\n{P3}")
    kinds = kinds_of(text)
    assert ("chrome", "Также по теме\nМосты в области: что успели сделать за год\n"
            "В прошлом году власти отремонтировали восемь мостов и пообещали, что в этом...") in kinds
    assert [kind for kind, _ in kinds].count("body") == 2


def test_sentence_broken_at_links_stays_body():
    text = f"Дороги починят к зиме\n\n{P1}\nКак сообщает газета\nКоммерсантъ\n, деньги уже выделены.\n{P2}"
    kinds = kinds_of(text)
    assert ("body", f"{P1}\nКак сообщает газета\nКоммерсантъ\n, деньги уже выделены.\n{P2}") in kinds


def test_caption_and_credit_are_chrome_and_a_list_in_the_text_is_not():
    text = (f"Дороги починят к зиме\n\n{P1}\nГубернатор на совещании в администрации\nРИА Новости\n"
            f"Список дорог:\nТрасса Р-255\nТрасса М-5\nТрасса А-300\n{P2}")
    kinds = kinds_of(text)
    assert ("chrome", "Губернатор на совещании в администрации\nРИА Новости") in kinds
    assert any(kind == "body" and "Трасса А-300" in part for kind, part in kinds)


def test_embedded_post_and_player_code_are_chrome():
    text = (f"Дороги починят к зиме\n\n{P1}\nNew roads for the region! #roads\n"
            "— Regional Office (@region_office) September 3, 2023\n"
            'jwplayer("p1").setup({ file: "https://cdn.example.com/a.mp4", width: "100%" });\n'
            f"{P2}")
    body = " ".join(part for kind, part in kinds_of(text) if kind == "body")
    assert "roads" not in body and "jwplayer" not in body and "Regional Office" not in body
    assert P1 in body and P2 in body


def test_poem_and_dialogue_stay_body():
    text = ("Стихи о дороге\n\nВ тот вечер он читал стихи:\nДорога вьётся между сосен,\nи ветер гонит облака,"
            "\nа где-то рядом осень, осень\nи холодна ещё река.\n– Вы это сами написали?\n– Сам, – ответил он.")
    kinds = kinds_of(text)
    assert "chrome" not in [kind for kind, _ in kinds]
    assert any(kind == "body" and "холодна ещё река" in part and "ответил он" in part for kind, part in kinds)

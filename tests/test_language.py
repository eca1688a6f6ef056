"""The language gate: the region's languages told apart, and only Russian read by the Russian stages.
Texts written for these tests."""
import pytest

import svodka
from svodka.clean.language import detect_language


@pytest.mark.parametrize("text, language", [
    ("Правительство утвердило новые правила для перевозчиков", "ru"),
    ("Уряд затвердив нові правила для перевізників", "uk"),
    ("Урад зацвердзіў новыя правілы для перавозчыкаў", "be"),
    ("Правителството одобри новите правила за превозвачите", "bg"),
    ("Влада је усвојила нова правила за превознике", "sr"),
    ("Владата ги усвои новите правила за превозниците", "mk"),
    ("Үкімет тасымалдаушыларға арналған жаңа ережелерді бекітті", "kk"),
    ("Өкмөт ташуучулар үчүн жаңы эрежелерди бекитти", "ky"),
    ("Ҳукумат ташувчилар учун янги қоидаларни тасдиқлади", "uz"),
    ("Ҳукумат қоидаҳои навро барои интиқолдиҳандагон тасдиқ кард", "tg"),
    ("Засгийн газар тээвэрлэгчдэд зориулсан шинэ дүрмийг баталлаа", "mn"),
    ("The government approved new rules for carriers", "en"),
    ("Kadyrov visits Grozny stadium site", "en"),  # lingua alone: Czech, at 0.28
    ("Scholz trifft Macron in Berlin zu Gesprächen", "de"),
    ("Le président reçoit les maires à Paris", "fr"),
    ("Tusk spotkał się z premierem w Warszawie", "pl"),
    ("Tекст закона опубликован на сайте правительства", "ru"),  # a Latin T
    ("Да", None),
])
def test_detect_language(text, language):
    assert detect_language(svodka.clean.script.analysis_form(text)) == language


UZBEK = ("Тошкент шаҳрида янги метро бекати очилди. Ўзбекистон Президенти Шавкат Мирзиёев очилиш маросимида "
         "иштирок этди ва бекат қурувчиларига миннатдорчилик билдирди. «Бу лойиҳа пойтахт аҳолиси учун жуда "
         "муҳим», деди у.")


def test_other_languages_get_no_russian_entities_quotes_or_events():
    article = svodka.process(f"Янги бекат\n\n{UZBEK}")
    assert article.language == "uz"
    assert (article.mentions, article.entities, article.quotes, article.events) == ((), (), (), ())


def test_russian_text_still_gets_its_entities():
    article = svodka.process("Встреча в Ташкенте\n\nПрезидент Узбекистана Шавкат Мирзиёев встретился с "
                             "Владимиром Путиным в Ташкенте и обсудил с ним поставки газа.")
    assert article.language == "ru"
    assert {entity.name for entity in article.entities} >= {"Шавкат Мирзиёев", "Ташкент"}

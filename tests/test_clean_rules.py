"""Table-driven tests for the cleaning rules, on test texts written for them."""
import pytest

import svodka
from svodka.clean.byline import parse_byline
from svodka.clean.chrome import is_chrome_line, is_section_marker
from svodka.clean.cited import cited_sources
from svodka.clean.dates import find_date
from svodka.clean.outlet import outlet_from_text
from svodka.clean.script import analysis_form

BODY = ("Министр финансов представил в парламенте проект бюджета на следующий год и ответил на вопросы "
        "депутатов о дефиците.")
BODY2 = ("Обсуждение продлится до конца недели, после чего документ будет вынесен на голосование в первом "
         "чтении.")


@pytest.mark.parametrize("line, author_names", [
    ("Текст: Дарья Григоренко", ("Дарья Григоренко",)),
    ("Tекст: Дарья Григоренко", ("Дарья Григоренко",)),  # Latin T
    ("Автор: Иван Петров", ("Иван Петров",)),
    ("Авторы: Иван Петров, Мария Сидорова", ("Иван Петров", "Мария Сидорова")),
    ("Автор — Пётр Смирнов", ("Пётр Смирнов",)),
    ("Текст и фото: Анна Иванова", ("Анна Иванова",)),
    ("Подготовила Анна Кузнецова", ("Анна Кузнецова",)),
    ("Беседовал Олег Васильев", ("Олег Васильев",)),
    ("Текст: А. Смирнов и Б. Орлов", ("А. Смирнов", "Б. Орлов")),
    ("Фото: Сергей Бобылев/ТАСС", ()),
    ("Фото: пресс-служба Кремля", ()),
    ("Источник: БЕЛТА", ()),
])
def test_bylines(line, author_names):
    byline = parse_byline(analysis_form(line))
    assert byline is not None
    assert byline.authors == author_names


@pytest.mark.parametrize("line", [
    "Текст документа опубликован на официальном сайте.",
    "Автор идеи проекта рассказал о планах",
    "Фотография в альбоме сохранилась",
    "Текст: в ходе встречи стороны договорились о многом.",
    "Источник: в Махачкале начался штурм дома с боевиками",
    "ВИДЕО: украинская спортсменка вышла к пьедесталу почета с флагом",
])
def test_not_bylines(line):
    assert parse_byline(line) is None


@pytest.mark.parametrize("line, chrome", [
    ("Читать новость", True),
    ("Читать далее", True),
    ("Подробнее", True),
    ("14 сентября 2025", True),
    ("05.10.2020 14:35", True),
    ("Сегодня, 09:15", True),
    ("Поделиться", True),
    ("ВКонтакте Одноклассники Telegram", True),
    ("© 2024 Вечерний город. Все права защищены.", True),
    ("При использовании материалов ссылка на сайт обязательна", True),
    ("Теги: политика, экономика", True),
    ("Просмотров: 1520", True),
    ("18+", True),
    ("Подписывайтесь на наш канал в Telegram", True),
    ("Если Вы заметили ошибку, пожалуйста, выделите её мышкой и нажмите Ctrl+Enter", True),
    ("Чтобы сообщить об опечатке, выделите текст и нажмите Ctrl+Enter", True),
    ("Заметили ошибку? Пожалуйста, выделите ее мышкой и нажмите Ctrl+Enter или Отправить ошибку", True),
    ("Заметили ошибку в расчётах министерства аудиторы Счётной палаты", False),
    ("Если Вы заметили ошибку, выделите её и нажмите Ctrl+Enter Власти Пакистана заявили, что Асия Биби "
     "может покинуть страну", False),  # the site glued its notice to the article: keep the line
    ("Путин встретился с Лукашенко", False),
    ("Москва", False),
    ("Министр ответил на вопросы депутатов.", False),
])
def test_chrome_lines(line, chrome):
    assert is_chrome_line(line) is chrome


@pytest.mark.parametrize("line, marker", [
    ("Последние новости", True),
    ("Читайте также:", True),
    ("Похожие новости", True),
    ("Новости партнеров", True),
    ("Самое читаемое", True),
    ("Рекомендуем", True),
    ("Комментарии (3)", True),
    ("Последние новости о бюджете обсудили в Думе", False),
])
def test_section_markers(line, marker):
    assert is_section_marker(line) is marker


@pytest.mark.parametrize("passage, cited", [
    ("Основное внимание уделили ЕАЭС, пишет ТАСС.", ("ТАСС",)),
    ("Об этом передает РИА «Новости».", ("РИА Новости",)),
    ("Об этом БЕЛТА сообщили в пресс-службе белорусского лидера.", ("БЕЛТА",)),
    ("– добавили в пресс-службе Президента Беларуси.", ("пресс-служба Президента Беларуси",)),
    ("МОСКВА, 5 октября. /ТАСС/. Президент провел совещание.", ("ТАСС",)),
    ("По данным Интерфакса, сделка закрыта.", ("Интерфакс",)),
    ("Как сообщает агентство Reuters, переговоры продолжатся.", ("Reuters",)),
    ("Об этом сообщает «Коммерсантъ» со ссылкой на источники.", ("Коммерсантъ",)),
    ("Пресс-служба Министерства обороны России сообщила об учениях.",
     ("пресс-служба Министерства обороны России",)),
    ("Как пишут «Ведомости», компания сменит владельца.", ("Ведомости",)),
    ("Газета пишет, что решение уже принято.", ()),
    ("Об этом сообщил Путин журналистам.", ()),
    ("Агентство ТАСС основано в 1904 году.", ()),
])
def test_cited_sources(passage, cited):
    assert cited_sources([passage]) == cited


@pytest.mark.parametrize("passages, outlet", [
    (["«Правительства (России и Белоруссии – прим. ВЗГЛЯД) работают плотно»."], "ВЗГЛЯД"),
    (["Он заявил (курсив – прим. ред.), что все готово."], None),
    (["В заявлении (речь о проекте – прим. «Вечерней Москвы») сказано так."], "«Вечерней Москвы»"),
])
def test_outlet_from_editor_note(passages, outlet):
    assert outlet_from_text(passages, []) == outlet


def test_outlet_from_copyright_line():
    assert outlet_from_text([BODY], ["© 2023 Газета «Слуцкий край». Все права защищены."]) == \
        "Газета «Слуцкий край»"


@pytest.mark.parametrize("text, date", [
    ("5 октября 2020, 14:35", "2020-10-05"),
    ("05.10.2020 14:35", "2020-10-05"),
    ("2020-10-05T14:35:00+03:00", "2020-10-05"),
    ("1 мая 2024", "2024-05-01"),
    ("31 февраля 2024", None),
    ("5 октября", None),
    ("в марте 2020", None),
])
def test_dates(text, date):
    assert find_date(text) == date


def layout_of(text, **meta):
    article = svodka.process(text, **meta)
    return [(span.kind, span.of(article.text)) for span in article.spans], article


def test_top_navigation_menu_is_chrome():
    text = f"Главная\nНовости\nПолитика\nЭкономика\nСпорт\n\nДума обсудила бюджет\n\n{BODY}\n\n{BODY2}"
    spans, article = layout_of(text)
    assert spans[0] == ("chrome", "Главная\nНовости\nПолитика\nЭкономика\nСпорт")
    assert article.title == "Дума обсудила бюджет"


def test_dateline_in_head_is_the_publication_date():
    text = f"Дума обсудила бюджет\n\n12 марта 2024, 10:15\n\n{BODY}\n\n{BODY2}"
    spans, article = layout_of(text)
    assert ("byline", "12 марта 2024, 10:15") in spans
    assert article.published == "2024-03-12"


def test_dates_in_a_sidebar_are_not_the_publication_date():
    text = f"Дума обсудила бюджет\n\n{BODY}\n\nЧитайте также\n\nНовая школа открылась\n1 сентября 2024\nПодробнее"
    _, article = layout_of(text)
    assert article.published is None


def test_date_override_applies_when_the_article_states_none():
    text = f"Дума обсудила бюджет\n\n{BODY}"
    assert svodka.process(text, date="2024-03-01").published == "2024-03-01"
    assert svodka.process(f"Заголовок\n\n3 марта 2024\n\n{BODY}", date="2024-03-01").published == "2024-03-03"


def test_lead_with_full_stop_before_byline():
    lead = "Депутаты начали обсуждать главный финансовый документ страны на следующий год."
    text = f"Дума обсудила бюджет\n\n{lead}\n\nАвтор: Иван Петров\n\n{BODY}\n\n{BODY2}"
    spans, article = layout_of(text)
    assert article.lead == lead
    assert article.authors == ("Иван Петров",)
    assert [kind for kind, _ in spans] == ["title", "lead", "byline", "body", "body"]


def test_photo_credit_is_byline_not_author():
    text = f"Дума обсудила бюджет\n\nФото: Сергей Бобылев/ТАСС\n\n{BODY}"
    spans, article = layout_of(text)
    assert ("byline", "Фото: Сергей Бобылев/ТАСС") in spans
    assert article.authors == ()


def test_read_also_heading_followed_by_prose_is_not_a_sidebar():
    text = (f"Дума обсудила бюджет\n\n{BODY}\n\nЧитайте также\n\n{BODY2}\n\n{BODY}\n\n{BODY2}")
    spans, _ = layout_of(text)
    assert [kind for kind, _ in spans] == ["title", "body", "chrome", "body", "body", "body"]


def test_share_buttons_and_copyright_inside_and_after_body():
    text = (f"Дума обсудила бюджет\n\n{BODY}\n\nПоделиться\nВКонтакте Telegram\n\n{BODY2}\n\n"
            "© 2024 Вечерний город. Все права защищены.")
    spans, article = layout_of(text)
    assert [kind for kind, _ in spans] == ["title", "body", "chrome", "body", "chrome"]
    assert article.outlet == "Вечерний город"


def test_text_without_a_heading_has_no_title():
    _, article = layout_of(f"{BODY}\n\n{BODY2}")
    assert article.title is None
    assert len(article.spans_of("body")) == 2


def test_title_given_as_metadata_marks_its_line():
    spans, article = layout_of(f"Дума обсудила бюджет\n\n{BODY}", title="Дума обсудила бюджет")
    assert spans[0] == ("title", "Дума обсудила бюджет")


def test_only_chrome_is_an_error():
    with pytest.raises(svodka.InputError, match="no article text found"):
        svodka.process("Главная\nНовости\nПолитика\nЭкономика")


@pytest.mark.parametrize("text, language", [
    (BODY + " " + BODY2, "ru"),
    ("Президент України заявив, що переговори з партнерами тривають і будуть продовжені наступного тижня.",
     "uk"),
    ("Прэзідэнт Беларусі правёў нараду з кіраўнікамі абласцей і даручыў падрыхтаваць новую праграму.",
     "be"),
    ("The president met the prime minister on Tuesday to discuss the budget for the next year.", "en"),
])
def test_language(text, language):
    assert svodka.process(f"Заголовок\n\n{text}").language == language


def test_same_content_with_other_chrome_has_the_same_id():
    first = svodka.process(f"Дума обсудила бюджет\n\n{BODY}\n\nПоследние новости\n\nДругое\n1 мая 2024")
    second = svodka.process(f"Главная\nНовости\nСпорт\n\nДума обсудила бюджет\n\n{BODY}\n\nПоделиться")
    assert first.id == second.id
    assert svodka.process(f"Дума обсудила бюджет\n\n{BODY2}").id != first.id


def test_rubric_above_the_headline_is_chrome():
    text = f"Европа\n\nКоронавирус: ЕС заказал еще 300 млн доз вакцины\n\n{BODY}\n\n{BODY2}"
    spans, article = layout_of(text)
    assert spans[0] == ("chrome", "Европа")
    assert article.title == "Коронавирус: ЕС заказал еще 300 млн доз вакцины"


def test_cookie_notice_is_chrome():
    notice = "Наш сайт использует файлы Cookie, чтобы предоставлять вам персонализированную информацию."
    spans, article = layout_of(f"{notice}\n\nДума обсудила бюджет\n\n{BODY}")
    assert spans[0] == ("chrome", notice) and article.title == "Дума обсудила бюджет"


def test_a_lone_headline_is_title_and_body():
    article = svodka.process("Правила внесудебного проникновения полицейских в жилище уточнят.")
    assert article.title == "Правила внесудебного проникновения полицейских в жилище уточнят."
    assert article.body() == article.title


def test_a_teaser_without_body_has_its_lead_as_body():
    text = ("Nord Stream 2 AG построила свыше 400 километров газопровода 14:19 9 января 2019\n\n"
            "Компания Nord Stream 2 AG построила свыше 400 километров газопровода по дну Балтийского моря.")
    article = svodka.process(text)
    assert article.title.startswith("Nord Stream 2 AG построила")
    assert article.body().startswith("Компания Nord Stream 2 AG")


def test_only_chrome_is_still_refused():
    with pytest.raises(svodka.InputError, match="site chrome"):
        svodka.process("Поделиться\n\nВКонтакте\n\nПодписывайтесь на наш канал")


@pytest.mark.parametrize("signature, signed", [
    ("Михаил Ветров, кандидат экономических наук, доцент кафедры налогов", True),
    ("Ирина Шаповалова, Пермь", True),
    ("Министр финансов, выступая в Думе, пообещал сбалансировать бюджет к весне.", False),
])
def test_name_signed_under_the_text_is_a_byline(signature, signed):
    article = svodka.process(f"Дума обсудила бюджет\n\n{BODY}\n\n{BODY2}\n\n{signature}")
    kinds = {span.of(article.text): span.kind for span in article.spans}
    assert (kinds.get(signature) == "byline") is signed

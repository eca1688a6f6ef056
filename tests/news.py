"""A few short news texts written for the search and API tests, and a store made of them."""
from __future__ import annotations

from pathlib import Path

import svodka
from svodka.store import open_store

TEXTS = {
    "meeting": ("Путин встретился с Лукашенко в Петербурге",
                "Президент России Владимир Путиным встретился с Александром Лукашенко. Лидеры обсудили "
                "интеграцию и ситуацию в Белоруссии.", "2024-06-01", "ТАСС"),
    "call": ("Макрон позвонил Шольцу", "Президент Франции Эммануэль Макрон провёл телефонный разговор с "
             "канцлером Германии Олафом Шольцем. Стороны обсудили поставки газа.", "2024-06-03", "РБК"),
    "sanctions": ("ЕС ввёл санкции против Белоруссии", "Евросоюз ввёл новые санкции против Белоруссии. "
                  "В Минске назвали решение недружественным.", "2024-06-05", "ТАСС"),
    "tractors": ("Белорусские заводы нарастили выпуск тракторов", "Выпуск тракторов вырос на 12%. «Спрос растёт», "
                 "— сказал Александр Лукашенко на совещании в Минске.", "2024-06-07", "БелТА"),
}



def news_store(path: Path):
    """A store of TEXTS, clustered into stories; the caller closes it."""
    store = open_store(path)
    articles = [article(key) for key in TEXTS]
    store.add(articles)
    store.cluster(articles)
    return store


def article(key: str):
    title, body, published, outlet = TEXTS[key]
    article = svodka.process(f"{title}\n\n{body}", published=published, source=f"{key}.txt")
    return type(article).from_dict({**article.to_dict(), "outlet": outlet})


HOSTILE = '<script>alert(1)</script>"><img src=x onerror=alert(2)>{{ 7*7 }}'


def hostile_article():
    """An article whose title, author, outlet, quote and URL carry markup, script and template syntax."""
    from dataclasses import replace

    found = svodka.process(f"Лукашенко провёл совещание\n\nАлександр Лукашенко заявил: «{HOSTILE}». "
                           "Совещание прошло в Минске.", published="2024-06-08", source="hostile.txt")
    return replace(found, title=f"Заголовок {HOSTILE}", authors=(HOSTILE,), url="javascript:alert(3)",
                   outlet=f"Издание {HOSTILE}")


def store_with_hostile(path: Path):
    """The news store (closed) with the hostile article in it, clustered too; returns the article."""
    store = news_store(path)
    hostile = hostile_article()
    store.add([hostile])
    store.cluster([hostile])
    store.close()
    return hostile

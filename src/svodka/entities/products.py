"""Names of things, not organisations: "газопровода «Северный поток — 2»", "вакцины «Спутник V»",
"шаттл «Дискавери»", "приложение «Госуслуги»". NER tags such names ORG (sometimes LOC or PER);
a quoted name right after a noun for a product, vehicle, work or event is none of the three, and
neither is the same name elsewhere in the article ("… «Северного потока — 2». Северный поток — 2
обойдется …"). Nor are the well-known products listed in kb/products.tsv."""
from __future__ import annotations

import re
from functools import lru_cache

from .kb import kb_rows, kb_values
from .morph import lemma
from .ner import Found

PRODUCT_NOUNS = frozenset(
    # medicines
    "вакцина препарат прививка лекарство вакцинация "
    # pipelines, vehicles, spacecraft, weapons
    "газопровод нефтепровод трубопровод корабль шаттл ракета ракета-носитель спутник телескоп "
    "самолет самолёт вертолет вертолёт лайнер истребитель бомбардировщик крейсер авианосец фрегат "
    "эсминец ледокол подлодка марсоход луноход зонд беспилотник дрон танк комплекс "
    # devices and software
    "смартфон браузер приложение мессенджер игра "
    # works
    "фильм сериал мультфильм спектакль роман книга песня альбом клип передача телепередача "
    "ток-шоу шоу статья "
    # named events, operations, laws
    "фестиваль конкурс премия операция учение учения доктрина законопроект"
    .split()
)

PARTS = re.compile(r"\w+")
_NOUN_THEN_QUOTE = re.compile(r"(\w+(?:-\w+)?)\s*[«\"„“]\s*$")
LOOK_BACK = 40


def without_products(analysed: str, found: list[Found]) -> list[Found]:
    """`found` less the names the article shows to be products, at every place it writes them, and
    less the products the knowledge base knows."""
    products = {_key(analysed, f) for f in found if _after_product_noun(analysed, f)} | known_products()
    return [f for f in found if _key(analysed, f) not in products]


@lru_cache(maxsize=1)
def known_products() -> frozenset[tuple[str, ...]]:
    return frozenset(product_key(name) for row in kb_rows("products.tsv")
                     for name in (row["name"], *kb_values(row.get("aliases"))))


def product_key(name: str) -> tuple[str, ...]:
    """Lemmas of the words, hyphens and dashes aside: "Северного потока-2" → (северный, поток, 2)."""
    return tuple(lemma(word) for word in PARTS.findall(name))


def _after_product_noun(analysed: str, mention: Found) -> bool:
    before = analysed[max(0, mention.start - LOOK_BACK) : mention.start]
    if analysed[mention.start : mention.start + 1] in "«\"„“":
        before += analysed[mention.start]
    match = _NOUN_THEN_QUOTE.search(before)
    return bool(match) and lemma(match.group(1)) in PRODUCT_NOUNS


def _key(analysed: str, mention: Found) -> tuple[str, ...]:
    return product_key(analysed[mention.start : mention.end])

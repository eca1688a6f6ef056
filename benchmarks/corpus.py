"""The benchmark corpus: Russian news articles composed at run time from the shared data sets in
``<repo>/../shared/data`` and written as ``.txt`` files to a folder (nothing is copied into the
repository); also a fingerprint of svodka's code. Used by ``ingest_throughput.py`` and
``entities_speed.py``.

* Source texts: FactRuEval-2016 ``devset``/``testset`` ``book_*.txt`` (no reliable headline),
  NEREL v1.1 ``train``/``dev`` ``*.txt`` and SlavicNER ``raw/*/ru/*.txt`` (first line = headline),
  and the texts and titles of the tgcontest-toloka exam/train pools. Every non-blank line is a
  paragraph; a line over 1,200 bytes (the tgcontest texts are one line each) is cut into
  paragraphs of three sentences. Texts with under 500 bytes of body are left out, and a body
  that repeats another (ignoring case and spacing) is kept once: 1,924 of 1,960 texts remain.
* Headlines: the distinct headlines of the ParaPhraser corpus (about 12,000), final full stop removed.
* Article ``i`` uses source text ``i mod S`` and headline ``i mod H`` (S texts, H headlines); the
  first use of a text that has its own headline keeps that headline. The headline is part of the
  content hash (``article_id``), so every article is new on the first ingest; sidebars and bylines
  alone would not make ids differ, by design.
* Layout: headline, blank line, then for every third article (``i % 3 == 1``) a byline
  ``Текст: Имя Фамилия``, then body paragraphs separated by blank lines, as many as fit in 3,000
  bytes (at least one). Every second article (``i % 2 == 0``) ends with a sidebar like a scraped
  news site's: ``Последние новости`` and 3-6 teasers (rubric, another headline, a date such as
  ``14 сентября 2025``, ``Читать новость``). Files are 0.5-4.5 KB, median about 2.7 KB.
* Encodings: 5% are written as cp1251 (``i % 20 == 9``) and 5% as koi8-r (``i % 20 == 19``), the
  rest as UTF-8; typography koi8-r lacks (« » “ ” „ — – … №) becomes ASCII, as on legacy sites,
  and anything else a code page cannot encode becomes "?".
"""
from __future__ import annotations

import csv
import hashlib
import re
import statistics
import sys
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from pathlib import Path

from svodka.records import RawDocument
from svodka.sources import ReadOptions, read_input

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
MIN_BODY_BYTES = 500
MAX_BODY_BYTES = 3000
LONG_LINE_BYTES = 1200
AUTHORS = ("Дарья Григоренко", "Иван Петров", "Анна Смирнова", "Олег Кузнецов", "Мария Волкова",
           "Сергей Морозов", "Елена Лебедева", "Дмитрий Соколов", "Ольга Новикова", "Павел Федоров")
RUBRICS = ("Досуг", "Общество", "Экономика", "Спорт", "В мире", "Происшествия", "Культура")
KOI8_TYPOGRAPHY = str.maketrans({"«": '"', "»": '"', "“": '"', "”": '"', "„": '"', "—": "-", "–": "-",
                                 "…": "...", "№": "N"})
SENTENCE_BREAK = re.compile(r"(?<=[.!?…])\s+(?=[«\"A-ZА-ЯЁ–—-])")


@dataclass(frozen=True)
class Source:
    """One real news text: its headline when it has one, and its paragraphs."""

    headline: str | None
    paragraphs: tuple[str, ...]


def load_sources(data: Path) -> list[Source]:
    """The real texts with at least MIN_BODY_BYTES of body, one per body (compared ignoring case
    and spacing)."""
    sources = [*_factrueval(data), *_headed_files(data / "nerel" / "NEREL-v1.1", "[td]*/*.txt"),
               *_headed_files(data / "slavicner-bsnlp-ru" / "raw", "*/ru/*.txt"), *_tgcontest(data)]
    unique = {}
    for source in sources:
        body = " ".join(_body(source.paragraphs))
        if len(body.encode("utf-8")) >= MIN_BODY_BYTES:
            unique.setdefault(" ".join(body.casefold().split()), source)
    return list(unique.values())


def _paragraphs(text: str) -> tuple[str, ...]:
    """Non-blank lines; a line longer than LONG_LINE_BYTES is cut into three-sentence paragraphs."""
    paragraphs: list[str] = []
    for line in map(str.strip, text.splitlines()):
        if len(line.encode("utf-8")) > LONG_LINE_BYTES:
            sentences = SENTENCE_BREAK.split(line)
            paragraphs += (" ".join(sentences[start:start + 3]) for start in range(0, len(sentences), 3))
        elif line:
            paragraphs.append(line)
    return tuple(paragraphs)


def _factrueval(data: Path) -> list[Source]:
    files = sorted((data / "factrueval2016").glob("*set/book_*.txt"))
    return [Source(None, _paragraphs(file.read_text(encoding="utf-8"))) for file in files]


def _headed_files(folder: Path, pattern: str) -> list[Source]:
    sources = []
    for file in sorted(folder.glob(pattern)):
        headline, _, body = file.read_text(encoding="utf-8").partition("\n")
        sources.append(Source(headline.strip() or None, _paragraphs(body)))
    return sources


def _tgcontest(data: Path) -> list[Source]:
    csv.field_size_limit(sys.maxsize)
    sources = []
    for file in sorted((data / "tgcontest-toloka" / "toloka").glob("*/*.tsv")):
        with file.open(encoding="utf-8", newline="") as stream:
            for row in csv.DictReader(stream, delimiter="\t", quoting=csv.QUOTE_NONE):
                for prefix in ("INPUT:", "INPUT:first_", "INPUT:second_"):
                    if row.get(prefix + "text"):
                        sources.append(Source(row[prefix + "title"].strip(), _paragraphs(row[prefix + "text"])))
    return sources


def load_headlines(data: Path) -> list[str]:
    xml = (data / "paraphraser" / "paraphraser" / "paraphrases.xml").read_bytes()
    root = ElementTree.fromstring(xml.replace(b"encoding='UTF8'", b"encoding='UTF-8'", 1))
    texts = (value.text or "" for value in root.iter("value") if value.get("name") in ("text_1", "text_2"))
    return list(dict.fromkeys(text.strip().removesuffix(".") for text in texts if text.strip()))


def compose(index: int, sources: list[Source], headlines: list[str]) -> str:
    """Article `index` of the corpus, as text (see the module docstring)."""
    source = sources[index % len(sources)]
    first_use = index < len(sources)
    parts = [source.headline if first_use and source.headline else headlines[index % len(headlines)]]
    if index % 3 == 1:
        parts.append("Текст: " + AUTHORS[index % len(AUTHORS)])
    parts.extend(_body(source.paragraphs))
    if index % 2 == 0:
        parts.append(_sidebar(index, headlines))
    return "\n\n".join(parts) + "\n"


def _body(paragraphs: tuple[str, ...]) -> list[str]:
    body, size = [], 0
    for paragraph in paragraphs:
        size += len(paragraph.encode("utf-8"))
        if body and size > MAX_BODY_BYTES:
            break
        body.append(paragraph)
    return body


def _sidebar(index: int, headlines: list[str]) -> str:
    teasers = []
    for item in range(3 + index % 4):
        rubric = RUBRICS[(index + item) % len(RUBRICS)]
        headline = headlines[(index * 7 + item + 1) % len(headlines)]
        teasers.append(f"{rubric}\n\n{headline}\n\n{1 + (index + item) % 28} сентября 2025\nЧитать новость")
    return "Последние новости\n\n" + "\n".join(teasers)


def encoding_of(index: int) -> str:
    return {9: "cp1251", 19: "koi8-r"}.get(index % 20, "utf-8")


def encode(text: str, encoding: str) -> bytes:
    if encoding == "koi8-r":
        text = text.translate(KOI8_TYPOGRAPHY)
    return text.encode(encoding, errors="replace")


def build_corpus(folder: Path, count: int, data: Path) -> dict:
    """Write `count` articles to `folder`; return what the corpus is made of."""
    sources, headlines = load_sources(data), load_headlines(data)
    width = max(5, len(str(count - 1)))
    sizes, encodings = [], {}
    for index in range(count):
        encoding = encoding_of(index)
        data_bytes = encode(compose(index, sources, headlines), encoding)
        (folder / f"{index:0{width}d}.txt").write_bytes(data_bytes)
        sizes.append(len(data_bytes))
        encodings[encoding] = encodings.get(encoding, 0) + 1
    return {"articles": count, "source_texts": len(sources), "headlines": len(headlines),
            "encodings": encodings, "megabytes": sum(sizes) / 1e6,
            "median_kb": statistics.median(sizes) / 1024, "min_kb": min(sizes) / 1024, "max_kb": max(sizes) / 1024}


def read_all(inputs: list, options: ReadOptions) -> list[RawDocument]:
    """Read and decode `inputs` (from ``svodka.sources.expand``) into documents, in order."""
    items = [item for source in inputs for item in read_input(source, options)]
    return [item for item in items if isinstance(item, RawDocument)]


def src_fingerprint() -> str:
    """A hash of svodka's source files, to tell whether every repeat ran the same code."""
    digest = hashlib.sha256()
    for file in sorted((ROOT / "src" / "svodka").rglob("*.py")):
        digest.update(file.read_bytes())
    return digest.hexdigest()[:12]

"""When an event happened, from one Russian sentence and the date its article was published.

`event_date(sentence, published)` gives `(iso, precision)`: precision is "day", "month", "year"
or "unknown", and iso is YYYY-MM-DD, YYYY-MM or YYYY to match (None with "unknown").
`date_expressions(...)` lists every expression of time found, with its offsets into the
sentence. Standard library only.

What is read:

* explicit dates: "13 ноября 2020 года", "13.11.2020", "2020-11-13", "13 ноября прошлого года";
  day ranges give their first day: "1-2 декабря", "1 и 2 декабря", "с 1 по 3 декабря";
* months: "в ноябре (2020 года)", "в начале/середине/конце ноября", "в первых числах ноября";
* years: "в 2019 году", "в 2019-м", "в 2019-2020 годах" (the first), "в конце 2019 года",
  "летом 2019 года", "в начале прошлого года";
* relative to the published date: "сегодня", "вчера", "позавчера", "накануне", "завтра",
  "послезавтра", "накануне 9 мая" (8 May), weekdays ("в среду", "в прошлую пятницу", "в ночь на
  вторник"), "N дней/недель/месяцев/лет назад", "в прошлом месяце", "в этом году";
* periods, resolved to the finest unit that holds them whole: "на этой/прошлой неделе",
  "в (минувшие) выходные" are a month, or only a year when the week straddles two months;
* vague words ("ранее", "недавно", "на днях") are listed but carry no date.

Decisions:

* A day or month without a year takes the published year, unless that puts it more than
  two months (`SLACK`) after publication: then it is the year before ("13 ноября" in an
  article of 10 January 2021 is 13 November 2020). With `tense="future"` the mirror rule
  applies: more than two months before publication means the next year.
* Weekdays: past tense, the latest such day on or before publication; future tense, the
  first on or after. "прошлый" is in the previous calendar week, "этот" in the published
  one, "следующий" in the next; "минувший" is the latest strictly before, "ближайший" the
  first strictly after.
* Without a published date, only expressions that name their year resolve; everything
  relative, and a day or month without a year, is (None, "unknown").
* Expressions that are not when the event happened are listed with `about_event=False`:
  after "до", "к", "после", "от", "за", "перед", "по", "не ранее/позднее", "по состоянию на"
  ("указ от 13 ноября", "до 13 ноября"). "с 2014 года", "до 2030 года" (a duration, a
  deadline) are no expressions; "с 1 января" (an effective date) is that day.
* "накануне" followed by an event noun ("накануне выборов") is the eve of that event,
  not the day before publication: it is no expression.
* Several expressions: the first one about the event decides, vague words skipped. An
  explicit date right after a relative one, in apposition ("вчера, 13 ноября,"), wins over
  it. When the deciding expression cannot be resolved (no published date), the answer is
  (None, "unknown"): a later expression is more likely about something else.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import NamedTuple

PRECISIONS = ("day", "month", "year", "unknown")
TENSES = ("past", "future")
SLACK = timedelta(days=61)  # "about two months" between publication and an undated day
UNKNOWN: tuple[None, str] = (None, "unknown")
YO = str.maketrans("ёЁ", "еЕ")

GENITIVE = "января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря"
PREPOSITIONAL = "январе|феврале|марте|апреле|мае|июне|июле|августе|сентябре|октябре|ноябре|декабре"
MONTH_FORMS = {form: number for forms in (GENITIVE, PREPOSITIONAL)
               for number, form in enumerate(forms.split("|"), 1)}
RELATIVE_STEMS = {"позапрошл": -2, "прошл": -1, "минувш": -1, "эт": 0, "текущ": 0, "нынешн": 0,
                  "уходящ": 0, "сего": 0, "следующ": 1, "будущ": 1, "наступающ": 1, "ближайш": 1}
DAY_OFFSETS = {"позавчера": -2, "вчера": -1, "накануне": -1, "сегодня": 0, "завтра": 1,
               "послезавтра": 2}
WEEKDAYS = {"понедельник": 0, "вторник": 1, "среду": 2, "четверг": 3, "пятницу": 4, "субботу": 5,
            "воскресенье": 6}
# the month that stands for a part of a year, for "в конце года" without the year
PART_MONTHS = {"начале": 1, "первой": 1, "первом": 1, "середине": 6, "второй": 7, "втором": 4,
               "третьем": 7, "четвертом": 10, "последнем": 10, "конце": 12, "весной": 3,
               "летом": 6, "осенью": 9, "зимой": 1}
NUMBER_WORDS = {"один": 1, "одну": 1, "одна": 1, "два": 2, "две": 2, "три": 3, "четыре": 4,
                "пять": 5, "шесть": 6, "семь": 7, "восемь": 8, "девять": 9, "десять": 10}
UNITS = {"день": "day", "дня": "day", "дней": "day", "неделю": "week", "недели": "week",
         "недель": "week", "месяц": "month", "месяца": "month", "месяцев": "month",
         "год": "year", "года": "year", "лет": "year"}
SINGULAR_UNITS = ("день", "неделю", "месяц", "год")
# genitive nouns after "накануне" that make it "on the eve of ...", not "the day before"
EVE_OF = ("выборов|визита|саммита|встречи|переговоров|праздника|праздников|голосования|"
          "годовщины|юбилея|матча|финала|заседания|референдума|совещания|форума|выступления|"
          "приезда|открытия|конференции|съезда|парада|дня|нового|новых|рождества|пасхи|старта|"
          "запуска|церемонии|инаугурации|турнира|чемпионата|олимпиады|сезона|послания|начала|"
          "окончания|завершения|подписания|рассмотрения|вступления")

END = r"(?![а-я])"  # the word ends here
IN = r"\bво?\s+"
YEAR = r"(?P<year>(?:1[89]|20)\d\d)"
RELATIVE = (r"(?P<rel>(?:позапрошл|прошл|минувш|эт|текущ|нынешн|уходящ|следующ|будущ|наступающ"
            r"|ближайш)[а-я]*|сего)")
YEAR_OF = rf"(?:{YEAR}(?:\s*-?\s*го|\s+года|\s+г\.?)?{END}(?!\s*-?\d)|{RELATIVE}\s+года{END})"
MONTH_PARTS = (r"начале|конце|середине|(?:первой|второй)\s+половине|(?:первых|последних)\s+числах"
               r"|(?:первой|второй|третьей|последней)\s+декаде")
YEAR_PARTS = (r"начале|конце|середине|(?:первой|второй)\s+половине"
              r"|(?:первом|втором|третьем|четвертом|последнем)\s+квартале")
NUMBER = "|".join(NUMBER_WORDS)
UNIT = "|".join(UNITS)

ISO_DATE = rf"(?<![\d-]){YEAR}-(?P<month>[01]\d)-(?P<day>[0-3]\d)(?!\d)"
DOTTED_DATE = (rf"(?<![\d.])(?P<day>[0-3]?\d)\.(?P<month>[01]?\d)\.{YEAR}(?!\d)"
               rf"(?:\s+(?:года|г\.?){END})?")
DAY_RANGE = r"(?:\s*[-–—]\s*[0-3]?\d|\s+(?:и|по)\s+[0-3]?\d)"  # "1-2", "1 и 2", "1 по 3"
DAY_MONTH = (rf"(?<![\d.,:/-])(?P<day>[0-3]?\d)(?:-?го)?{DAY_RANGE}?"
             rf"\s+(?P<month>{GENITIVE}){END}(?:\s+{YEAR_OF})?")
MONTH = rf"{IN}(?P<month>{PREPOSITIONAL}){END}(?:\s+{YEAR_OF})?"
MONTH_PART = rf"{IN}(?:самом\s+)?(?:{MONTH_PARTS})\s+(?P<month>{GENITIVE}){END}(?:\s+{YEAR_OF})?"
YEAR_NUMBER = (rf"{IN}{YEAR}(?:\s*[-–—]\s*(?:1[89]|20)\d\d|\s+и\s+(?:1[89]|20)\d\d)?"
               rf"(?:\s*-?\s*м{END}(?:\s+году{END})?|\s+(?:году|годах|гг?\.?){END})")
YEAR_PART = (rf"(?P<part>{IN}(?:самом\s+)?(?:{YEAR_PARTS})|\b(?:весной|летом|осенью|зимой))\s+"
             rf"(?:{YEAR}(?:\s*-?\s*го|\s+года|\s+г\.?){END}|(?:{RELATIVE}\s+)?года{END})")
RELATIVE_DAY = (rf"(?<![а-я-])(?P<word>позавчера|вчера|накануне|послезавтра|завтра|сегодня){END}"
                rf"(?!\s+(?:{EVE_OF}){END})")
WEEKDAY = (rf"\b(?:во?|в\s+ночь\s+на)\s+(?:{RELATIVE}\s+)?"
           rf"(?P<weekday>{'|'.join(WEEKDAYS)}){END}")
WEEK = rf"\b(?:на|в)\s+{RELATIVE}\s+неделе{END}"
WEEKEND = rf"\b(?:на|в)\s+(?:{RELATIVE}\s+)?(?:выходные|выходных){END}"
RELATIVE_MONTH = rf"{IN}{RELATIVE}\s+месяце{END}"
RELATIVE_YEAR = rf"{IN}{RELATIVE}\s+году{END}"
AGO = rf"(?<![а-я\d])(?:(?P<count>\d{{1,3}}|{NUMBER})\s+)?(?P<unit>{UNIT})\s+назад{END}"
VAGUE = (r"(?<![а-я])(?:ранее|недавно|на\s+днях|в\s+последнее\s+время|в\s+ближайшее\s+время"
         rf"|вскоре|в\s+скором\s+времени){END}")
NOT_WHEN = re.compile(r"(?:(?<![а-я])(?:до|к|ко|после|от|за|перед|по)|не\s+(?:ранее|позднее|позже"
                      r"|раньше)|состоянию\s+на)\s+$", re.IGNORECASE)
APPOSITION_GAP = re.compile(r"[\s,(—–-]*")

Resolved = tuple[str | None, str]


class DateExpression(NamedTuple):
    """An expression of time in a sentence: `[start, end)` and its text, the date it resolves
    to, its kind ("date", "month", "year", "relative" or "vague") and whether it can tell when
    the event happened (False for "до 13 ноября", "указ от 13 ноября")."""

    start: int
    end: int
    text: str
    date: str | None
    precision: str
    kind: str
    about_event: bool


class _Context(NamedTuple):
    published: date | None
    tense: str


def event_date(sentence: str, published: str | date | None, tense: str = "past") -> Resolved:
    """When the event `sentence` tells of happened: (ISO date, precision), or (None, "unknown").
    `published` is the article's ISO date (its time, if any, is ignored); `tense` ("past" or
    "future") settles weekdays and days written without a year."""
    found = [expression for expression in date_expressions(sentence, published, tense)
             if expression.about_event and expression.kind != "vague"]
    if not found:
        return UNKNOWN
    chosen = found[0]
    if len(found) > 1 and _in_apposition(chosen, found[1], sentence):
        chosen = found[1]
    return chosen.date, chosen.precision


def date_expressions(sentence: str, published: str | date | None = None,
                     tense: str = "past") -> list[DateExpression]:
    """Every expression of time in `sentence`, in order, none overlapping (the longest wins)."""
    if tense not in TENSES:
        raise ValueError(f"tense must be one of {TENSES}, not {tense!r}")
    context = _Context(_published_day(published), tense)
    text = sentence.translate(YO)
    expressions = [_expression(match, kind, resolve, context, sentence)
                   for match, kind, resolve in _matches(text)]
    return _merge_eves(expressions, sentence)


def _matches(text: str) -> list[tuple[re.Match[str], str, Resolver]]:
    found = [(match, kind, resolve) for kind, pattern, resolve in RULES
             for match in pattern.finditer(text)]
    found.sort(key=lambda item: (item[0].start(), -item[0].end()))
    chosen, end = [], 0
    for item in found:
        if item[0].start() >= end:
            chosen.append(item)
            end = item[0].end()
    return chosen


def _expression(match: re.Match[str], kind: str, resolve: Resolver, context: _Context,
                sentence: str) -> DateExpression:
    start, end = match.span()
    iso, precision = resolve(match, context)
    about = not NOT_WHEN.search(match.string, max(0, start - 40), start)  # the words before
    return DateExpression(start, end, sentence[start:end], iso, precision, kind, about)


def _merge_eves(expressions: list[DateExpression], sentence: str) -> list[DateExpression]:
    """"накануне 9 мая" is one expression: the day before 9 May."""
    merged: list[DateExpression] = []
    for expression in expressions:
        last = merged[-1] if merged else None
        if last and _is_eve_of(last, expression, sentence):
            merged[-1] = _eve(last, expression, sentence)
        else:
            merged.append(expression)
    return merged


def _is_eve_of(eve: DateExpression, day: DateExpression, sentence: str) -> bool:
    return (eve.text.lower() == "накануне" and day.kind == "date"
            and not sentence[eve.end:day.start].strip())


def _eve(eve: DateExpression, day: DateExpression, sentence: str) -> DateExpression:
    iso, precision = UNKNOWN
    if day.precision == "day":
        iso, precision = _day(date.fromisoformat(day.date) - timedelta(days=1))
    return DateExpression(eve.start, day.end, sentence[eve.start:day.end], iso, precision, "date",
                          eve.about_event)


def _in_apposition(first: DateExpression, second: DateExpression, sentence: str) -> bool:
    """"вчера, 13 ноября," — the explicit date says the same as the relative one, better."""
    return (first.kind == "relative" and second.kind == "date"
            and APPOSITION_GAP.fullmatch(sentence, first.end, second.start) is not None)


def _published_day(published: str | date | None) -> date | None:
    if isinstance(published, datetime):
        return published.date()
    if isinstance(published, date):
        return published
    try:
        return date.fromisoformat(published[:10]) if published else None
    except ValueError:
        return None


# resolvers: a match and the context to (ISO date, precision)

def _resolve_day(match: re.Match[str], context: _Context) -> Resolved:
    month, day = _month_number(match.group("month")), int(match.group("day"))
    year = _year_of(match, context, month, day)
    return _valid_day(year, month, day) if year else UNKNOWN


def _resolve_month(match: re.Match[str], context: _Context) -> Resolved:
    month = _month_number(match.group("month"))
    year = _year_of(match, context, month)
    return _month(year, month) if year else UNKNOWN


def _resolve_year_number(match: re.Match[str], context: _Context) -> Resolved:
    return _year(int(match.group("year")))


def _resolve_year_part(match: re.Match[str], context: _Context) -> Resolved:
    part = match.group("part").lower()
    month = next(number for word, number in PART_MONTHS.items() if word in part)
    year = _year_of(match, context, month)
    return _year(year) if year else UNKNOWN


def _resolve_relative_day(match: re.Match[str], context: _Context) -> Resolved:
    if not context.published:
        return UNKNOWN
    return _day(context.published + timedelta(days=DAY_OFFSETS[match.group("word").lower()]))


def _resolve_weekday(match: re.Match[str], context: _Context) -> Resolved:
    if not context.published:
        return UNKNOWN
    weekday = WEEKDAYS[match.group("weekday").lower()]
    return _day(_weekday_date(context, weekday, (match.group("rel") or "").lower()))


def _weekday_date(context: _Context, weekday: int, which: str) -> date:
    published = context.published
    days_back = (published.weekday() - weekday) % 7
    days_ahead = (weekday - published.weekday()) % 7
    if which.startswith("минувш"):
        return published - timedelta(days=days_back or 7)
    if which.startswith("ближайш"):
        return published + timedelta(days=days_ahead or 7)
    if which:
        return _monday(published) + timedelta(weeks=_offset(which), days=weekday)
    if context.tense == "past":
        return published - timedelta(days=days_back)
    return published + timedelta(days=days_ahead)


def _resolve_week(match: re.Match[str], context: _Context) -> Resolved:
    published = context.published
    if not published:
        return UNKNOWN
    offset = _offset(match.group("rel"))
    first = _monday(published) + timedelta(weeks=offset)
    last = first + timedelta(days=6)
    if offset == 0:  # this week: the part of it the tense points to
        first, last = (first, published) if context.tense == "past" else (published, last)
    return _containing(first, last)


def _resolve_weekend(match: re.Match[str], context: _Context) -> Resolved:
    published = context.published
    if not published:
        return UNKNOWN
    offset = _offset(match.group("rel")) if match.group("rel") else None
    at_weekend = published.weekday() >= 5
    if offset is None:
        weeks = 0 if at_weekend or context.tense == "future" else -1
    else:
        weeks = offset if offset <= 0 else int(at_weekend)
    saturday = _monday(published) + timedelta(weeks=weeks, days=5)
    return _containing(saturday, saturday + timedelta(days=1))


def _resolve_relative_month(match: re.Match[str], context: _Context) -> Resolved:
    if not context.published:
        return UNKNOWN
    published = context.published
    return _month(*_add_months(published.year, published.month, _offset(match.group("rel"))))


def _resolve_relative_year(match: re.Match[str], context: _Context) -> Resolved:
    if not context.published:
        return UNKNOWN
    return _year(context.published.year + _offset(match.group("rel")))


def _resolve_ago(match: re.Match[str], context: _Context) -> Resolved:
    """"3 дня назад", "неделю назад" (7 days: day precision), "два года назад"."""
    unit = UNITS[match.group("unit").lower()]
    count = _count(match.group("count"), match.group("unit"))
    published = context.published
    if not published or count is None:
        return UNKNOWN
    if unit in ("day", "week"):
        return _day(published - timedelta(days=count * (7 if unit == "week" else 1)))
    if unit == "month":
        return _month(*_add_months(published.year, published.month, -count))
    return _year(published.year - count)


def _resolve_vague(match: re.Match[str], context: _Context) -> Resolved:
    return UNKNOWN


# helpers

def _year_of(match: re.Match[str], context: _Context, month: int, day: int = 1) -> int | None:
    """The year written ("2020 года") or named ("прошлого года"); else the published year,
    moved by `SLACK` so that the date is not far on the wrong side of publication."""
    if match.group("year"):
        return int(match.group("year"))
    published = context.published
    if not published:
        return None
    if match.group("rel"):
        return published.year + _offset(match.group("rel"))
    moment = date(published.year, month, min(day, 28))
    if context.tense == "past" and moment > published + SLACK:
        return published.year - 1
    if context.tense == "future" and moment < published - SLACK:
        return published.year + 1
    return published.year


def _month_number(word: str) -> int:
    return int(word) if word.isdigit() else MONTH_FORMS[word.lower()]


def _offset(word: str) -> int:
    word = word.lower()
    return next(offset for stem, offset in RELATIVE_STEMS.items() if word.startswith(stem))


def _count(written: str | None, unit: str) -> int | None:
    """How many units "назад": the number written, one for a bare "год", None for "лет"."""
    if written is None:
        return 1 if unit.lower() in SINGULAR_UNITS else None
    return int(written) if written.isdigit() else NUMBER_WORDS[written.lower()]


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _add_months(year: int, month: int, months: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + months
    return index // 12, index % 12 + 1


def _containing(first: date, last: date) -> Resolved:
    """The finest unit holding the whole period from `first` to `last`."""
    if first == last:
        return _day(first)
    if (first.year, first.month) == (last.year, last.month):
        return _month(first.year, first.month)
    if first.year == last.year:
        return _year(first.year)
    return UNKNOWN


def _valid_day(year: int, month: int, day: int) -> Resolved:
    try:
        return _day(date(year, month, day))
    except ValueError:  # "31 ноября", "29 февраля" of a common year
        return UNKNOWN


def _day(day: date) -> Resolved:
    return day.isoformat(), "day"


def _month(year: int, month: int) -> Resolved:
    return f"{year:04d}-{month:02d}", "month"


def _year(year: int) -> Resolved:
    return f"{year:04d}", "year"


Resolver = Callable[[re.Match[str], _Context], Resolved]


def _compile(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


RULES: tuple[tuple[str, re.Pattern[str], Resolver], ...] = (
    ("date", _compile(ISO_DATE), _resolve_day),
    ("date", _compile(DOTTED_DATE), _resolve_day),
    ("date", _compile(DAY_MONTH), _resolve_day),
    ("month", _compile(MONTH), _resolve_month),
    ("month", _compile(MONTH_PART), _resolve_month),
    ("year", _compile(YEAR_NUMBER), _resolve_year_number),
    ("year", _compile(YEAR_PART), _resolve_year_part),
    ("relative", _compile(RELATIVE_DAY), _resolve_relative_day),
    ("relative", _compile(WEEKDAY), _resolve_weekday),
    ("relative", _compile(WEEK), _resolve_week),
    ("relative", _compile(WEEKEND), _resolve_weekend),
    ("relative", _compile(RELATIVE_MONTH), _resolve_relative_month),
    ("relative", _compile(RELATIVE_YEAR), _resolve_relative_year),
    ("relative", _compile(AGO), _resolve_ago),
    ("vague", _compile(VAGUE), _resolve_vague),
)

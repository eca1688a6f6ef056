"""What a piece of scraped text looks like, from its shape: code, a photo credit, an embedded post's
furniture, a teaser's cut-off blurb, a related-articles heading, a notice addressed to the reader.

Each test reads one piece (a line, or lines joined into a paragraph) and knows nothing of a site:
characters, punctuation, word forms and the names of agencies and outlets, not phrases of one page.
"""
from __future__ import annotations

import re
from functools import lru_cache
from .chrome import CHROME_LINE, is_date_line
from .outlets import listed_outlet

WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
CYRILLIC = re.compile(r"[\u0400-\u04ff]")
ENDS_SENTENCE = re.compile(r"[.!?…][»”\"')\]]*$")

CODE_SYMBOL = re.compile(r"[{}\[\]();=<>$\\|&*+#]")
LETTER = re.compile(r"[^\W\d_]")
CYRILLIC_LETTER = re.compile(r"[\u0400-\u04ff]")
CODE_TOKENS = re.compile(
    r"\b(function|var|let|const|return|window|document|null|true|false|undefined|typeof|console|jQuery)\b|"
    r"=>|&&|\|\||===?|!==?|\w\(|\.\w+\(|[\w\"']\s*:\s*[\"'{\[]|[{}]\s*$|^\s*[}\])]|</?[a-z][\w-]*[\s>/]|"
    r":\s*#?[\w.%-]+;|\d(px|em|rem|vh|vw)\b|^\s*[\w.$\[\]\"']+\s*=[^=]|;\s*$"
)
CODE_HINT = re.compile(r"[{}=;<>|&]|\w\(")
JSON_START = re.compile(r'^\s*[{\[]\s*"[^"]{1,40}"\s*:')
ONLY_BRACKETS = re.compile(r"^[\s{}\[\]();,]+$")

HANDLE = re.compile(r"\(@\w{1,30}\)")
SOCIAL_LINK = re.compile(r"(?i)\b(pic\.twitter\.com|t\.co|instagram\.com|t\.me|youtu\.be|twitter\.com)/\S+")
POST_LINK = re.compile(r"(?i)\b(pic\.twitter\.com|t\.co)/\S+\s*$")
"""A link a tweet ends with: the text before it is the embedded tweet's."""
TAG_OR_LINK = re.compile(r"^(?:(?:[#@][\w.]+|https?://\S+|(?:pic\.twitter\.com|t\.co)/\S+|[^\w\s])\s*)+$")
EMBED_ATTRIBUTION = re.compile(
    r"^(?:[—–-]\s*[^()\n]{1,80}\(@\w{1,30}\)|(?:публикация от|a post shared by|пост от|сообщение от)\s.{1,80}"
    r"(?:\(@\w{1,30}\))?)", re.IGNORECASE)

SHORT_MONTHS = (
    r"янв|фев|мар|апр|мая|май|июн|июл|авг|сен|сент|окт|ноя|дек|jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec"
)
ENGLISH_MONTHS = r"january|february|march|april|may|june|july|august|september|october|november|december"
FOREIGN_DATE = re.compile(
    rf"(?i)^({ENGLISH_MONTHS}|{SHORT_MONTHS})\.?\s+\d{{1,2}},?\s+\d{{4}}(\s*(в|at)?\s*\d{{1,2}}:\d{{2}}(\s*[ap]\.?m\.?)?"
    rf"(\s*[A-Z]{{2,4}})?)?$|^\d{{1,2}}\s+({ENGLISH_MONTHS}|{SHORT_MONTHS})\.?,?\s+\d{{4}}\s*(г\.?)?$"
)
DATE_LABEL = re.compile(r"(?i)^(дата( публикации)?|опубликовано|обновлено|date|published|updated)\s*:?\s*")
TIME_ONLY = re.compile(r"^(\d{1,2}:\d{2})(\s*(мск|msk|utc|gmt))?$", re.IGNORECASE)

CREDIT_START = re.compile(r"(?i)^(©|\(c\)|(фото(графия)?|photo|иллюстрация|видео|автор фото|источник изображения|"
                          r"подпись( к (фото|видео|изображению))?|видеоподпись|изображение)\s*[:—–,-]|"
                          r"источник фото|кадр из|скриншот)")
DOMAIN = re.compile(r"(?i)^[\w-]+(\.[\w-]+)*\.(com|ru|net|org|info|рф|su|ua|by|kz|uz|de|uk|io|tv|me)$")
CREDIT_SLASH = re.compile(r"^[\w .«»\"-]{2,40}\s*/\s*[\w .«»\"-]{2,40}$")
PHOTO_BANKS = frozenset(map(str.casefold, (
    "Reuters", "AFP", "AP", "Associated Press", "EPA", "EPA-EFE", "Getty Images", "Global Look Press",
    "Shutterstock", "Legion-Media", "Legion Media", "East News", "Depositphotos", "Pixabay", "Unsplash",
    "Wikimedia Commons", "Wikimedia", "Wikipedia", "Flickr", "NASA", "ESA", "Фотобанк Лори", "Лори",
    "Pool", "Sputnik", "Кремль", "kremlin.ru", "пресс-служба", "архив", "личный архив", "соцсети",
    "социальные сети", "iStock", "Alamy", "ZUMA", "ZUMAPRESS", "Xinhua", "Синьхуа", "Anadolu", "ANSA",
    "DPA", "Imago", "PA", "PA Images", "Bloomberg", "AP Photo", "Reuters/Scanpix", "Scanpix",
)))

RELATED_HEADING = re.compile(
    r"(?i)^((и\s+)?(также|ещ[её]|тоже)\s+)?("
    r"по теме|на (эту|ту же) тему|по этой теме|в тему|"
    r"(читайте|смотрите|слушайте)(\s+(также|ещ[её]|тоже|по теме|нас))?|"
    r"(похожие|другие|последние|главные|свежие|популярные|связанные|актуальные|лучшие|интересные)\s+"
    r"(новости|материалы|статьи|публикации|видео|сюжеты|записи|посты)|"
    r"(новости|материалы|статьи|публикации|видео) (по теме|партн[её]ров|компаний|дня|часа)|"
    r"(самое|самые) (читаемое|популярное|интересное|важное|обсуждаемое|читаемые|популярные)|"
    r"сюжет|сюжеты|рекомендуем|выбор редакции|подборка|сейчас читают|вам может быть интересно|"
    r"не пропустите|лента новостей|главное|хроника|в продолжение темы|ранее по теме|"
    r"[\w ,]{2,30} (по теме|на эту тему|по этой теме)"
    r")\s*[:.]?\s*$"
)
READ_ALSO = re.compile(r"(?i)^(читайте|смотрите|слушайте)\s+(также|тоже|ещ[её])\b")
READER_PLATFORMS = re.compile(
    r"(?i)(telegram|телеграм|вконтакте|\bвк\b|youtube|ютуб|дзен|dzen|\bок\b|одноклассник|facebook|twitter|"
    r"instagram|tiktok|rutube|viber|whatsapp|канал|рассылк|подписк|приложени|app store|google play|"
    r"push|уведомлени|сайт|соцсет|новостн|кнопк|ссылк|комментари|рассылк|получать|"
    r"\w\.(com|ru|net|org|io|media|info|рф|ua|by|kz)\b)"
)
LEGAL_NOTICE = re.compile(
    r"(?i)(запрещ[её]н\w*|признан\w*|внес[её]н\w*|включ[её]н\w*)\s[^.]{0,80}?(на территории (России|РФ)|в России|в РФ|"
    r"террористическ\w*|экстремистск\w*|нежелательн\w*|иностранн\w+ агент\w*|иноагент\w*)"
)
FOREIGN_AGENT_MARK = re.compile(
    r"(?i)^[*\s]*(настоящ\w+|данн\w+|этот|это)?\s*(материал|сообщение|информация)\b[^.]{0,60}?"
    r"(произвед|распростран|направлен|создан)\w*[^.]{0,120}?(иностранн\w+ агент|иноагент)")
"""The label the law requires on a foreign agent's material ("Настоящий материал (информация)
произведен, распространен и (или) направлен иностранным агентом …"), in any case."""
MARKET_TICKER = re.compile(
    r"(?i)^(?:(?:usd|eur|cny|gbp|jpy|chf|try|kzt|uah|byn|brent|wti|imoex|rts|ртс|мосбиржа|нефть|золото|биткоин|btc|"
    r"[$€¥£₽₸])\s*[:=]?\s*[\d\s]+(?:[.,]\d+)?\s*(?:[$€₽]|руб\.?)?\s*(?:[▲▼↑↓+−–-]\s*\d+(?:[.,]\d+)?\s*%?)?\s*[|•·/]?\s*){1,8}$")
"""Exchange rates and prices in a site's header: "USD 91,83 EUR 100,22"."""
COUNTER = re.compile(r"(?i)^[-–—•·]?\s*\d+(?:[.,]\d+)?\s*(?:k|к|тыс\.?|млн\.?|m)\s*$")
"""A count of views or likes alone: "12,4k", "- 3 тыс." (a bare number may be an intertitle's year)."""
NAVIGATION = re.compile(
    r"(?i)^(на страницу|перейти|смотреть|открыть|показать|развернуть|свернуть|листать|вернуться|назад|далее|"
    r"вперед|вперёд|все (фото|видео|новости|материалы|статьи|комментарии))\b[^.!?]{0,40}$")
READER_VERB = re.compile(r"(йте|ите|ьте)(сь)?$")
READER_VERB_ANYWHERE = re.compile(r"(?i)\b\w+(йте|ите|ьте)(сь)?\b")
QUOTATION = re.compile(r"«[^«»]*»|„[^„“”]*[“”]|\"[^\"]*\"")
SITE_ASKS = re.compile(r"(?i)(пожертвовани|донат|подписк|рассылк|поддерж\w* (нас|редакци|проект|издани|журналист)|"
                       r"комментари|зарегистрир|авториз|войдите)")
"""What a site asks of its reader: money, a subscription, a login."""
DONATION = re.compile(r"(?i)(деньг\w*|средства\w*|поддержк\w*) читател|сделайте пожертвование|"
                      r"поддерж\w+ (и вы|нас|редакцию)|стать (соучастником|спонсором|подписчиком|патроном)")
"""A site asking its readers for money."""
CALL_TO_ACTION = re.compile(
    r"(?i)^(подписаться|поддержать|пожертвовать|войти|зарегистрироваться|оставить комментарий|"
    r"комментировать|отправить|скачать приложение|читать (нас|далее|полностью)|смотреть (видео|трансляцию|все))\b")
DISCLAIMER = re.compile(
    r"(?i)\b(редакция|сайт|издание|портал|би-би-си|мы)\b[^.]{0,40}не (несет|несёт|несут) ответственност\w* за|"
    r"ответственност\w* за (контент|содержани\w*|материал\w*) (сторонн|внешн|других|иных)|\bмнение редакции\b|"
    r"(мнени\w*|точк\w* зрения|позици\w*|взгляд\w*) (автор\w*|колумнист\w*|эксперт\w*)[^.]{0,40}не (всегда )?"
    r"совпада\w* с\s+(мнением|позицией|точкой зрения) редакци")
"""A site's own disclaimer ("Редакция не несёт ответственности за …", "Мнение автора может не
совпадать с позицией редакции"), not a sentence about someone's."""
PRINT_EDITION = re.compile(
    r"(?i)^(материал |статья )?(опубликован\w* )?(в )?(газет\w*|номер\w*|выпуск\w*|журнал\w*|"
    r"(тематическ\w* )?приложени\w*)\b[^.!?]{0,80}№\s?\d+")
"""Where the article ran in print: "Газета «Коммерсантъ» №45 от 14.03.2024, стр. 2", "Тематическое
приложение к газете … № 215 (8847)"."""
AUTHOR_NOTE = re.compile(r"(?i)^(об авторе|справка об авторе|about the author)\s*[:.—–-]")
"""A note on who the author is, under a column."""
BANNED_ORGANISATION = re.compile(
    r"(?i)^[«\"]?[^—–.]{2,80}[»\"]?\s*(\([^)]{1,40}\))?\s*[—–-]\s*([\w-]+\s+){0,3}"
    r"(организаци|группировк|движени|сообществ|структур|компани|сеть)")
MAX_SHAPE_CHARS = 2000
"""A longer piece of text is never a credit, a date, a heading or a notice; only its start is read
for code. Every shape test costs at most this much, whatever the page."""
MAX_CREDIT_WORDS = 5
MAX_NOTICE_WORDS = 45


def words(text: str) -> list[str]:
    return WORD.findall(text)


def ends_sentence(text: str) -> bool:
    return bool(ENDS_SENTENCE.search(text[-12:]))


@lru_cache(maxsize=8192)
def is_code(text: str) -> bool:
    """JavaScript, CSS, JSON or HTML left in the text: symbols and code tokens, few words of prose
    (read in its first MAX_SHAPE_CHARS characters: a minified script is one long line)."""
    text = text[:MAX_SHAPE_CHARS]
    if ONLY_BRACKETS.match(text) or JSON_START.match(text):
        return True
    if not CODE_HINT.search(text):
        return False  # no code without one of these: most lines of prose are passed over at once
    tokens = len(CODE_TOKENS.findall(text))
    if tokens < 2:
        return False
    cyrillic = len(CYRILLIC_LETTER.findall(text)) / max(len(LETTER.findall(text)), 1)
    if cyrillic > 0.5 and tokens < 3:
        return False
    density = len(CODE_SYMBOL.findall(text)) / max(len(text), 1)
    return density >= (0.03 if cyrillic <= 0.5 else 0.08)


@lru_cache(maxsize=8192)
def is_embed_furniture(text: str) -> bool:
    """The attribution, links and tags of an embedded social-network post."""
    if len(text) > MAX_SHAPE_CHARS:
        return False
    if EMBED_ATTRIBUTION.match(text) and len(words(text)) <= 16:
        return True
    return bool(TAG_OR_LINK.match(text)) or bool(SOCIAL_LINK.search(text)) and (
        len(words(text)) <= 6 or bool(POST_LINK.search(text)))


def is_embed_attribution(text: str) -> bool:
    if len(text) > MAX_SHAPE_CHARS:
        return False
    return bool(EMBED_ATTRIBUTION.match(text)) and len(words(text)) <= 16


@lru_cache(maxsize=8192)
def is_date(text: str) -> bool:
    """A date or time standing alone (a sidebar's, a teaser's, an embedded post's)."""
    if len(text) > MAX_SHAPE_CHARS:
        return False
    text = DATE_LABEL.sub("", text.strip(" ,.|•·*-—–"))
    return is_date_line(text) or bool(FOREIGN_DATE.match(text)) or bool(TIME_ONLY.match(text))


@lru_cache(maxsize=8192)
def is_credit(text: str) -> bool:
    """A photo or video credit: "© Reuters", "Фото: …", "Сергей Бобылев / ТАСС", or an agency,
    photo bank, outlet or web domain named alone."""
    if len(text) > MAX_SHAPE_CHARS:
        return False
    stripped = text.strip(" .")
    if not stripped or ends_sentence(text) and not stripped.endswith(("Inc", "Ltd")) and "©" not in text:
        return bool(CREDIT_START.match(stripped)) and len(words(stripped)) <= 2 * MAX_CREDIT_WORDS
    if CREDIT_START.match(stripped):
        return len(words(stripped)) <= 2 * MAX_CREDIT_WORDS
    if len(words(stripped)) > MAX_CREDIT_WORDS:
        return False
    return (_is_source_name(stripped) or bool(DOMAIN.match(stripped))
            or bool(CREDIT_SLASH.match(stripped)) and any(_is_source_name(part.strip()) for part in stripped.split("/")))


def _is_source_name(text: str) -> bool:
    key = text.strip(" «»\"")
    return key.casefold() in PHOTO_BANKS or not key[:1].islower() and listed_outlet(key) is not None


@lru_cache(maxsize=8192)
def is_truncated(text: str) -> bool:
    """A blurb cut off by the site: it ends with an ellipsis right after a word (no full stop before)."""
    if len(text) > MAX_SHAPE_CHARS:
        return False
    return bool(re.search(r"[\w,»”\"]\s?(\.\.\.|…)\s*$", text)) and len(words(text)) >= 5


@lru_cache(maxsize=8192)
def is_headline_like(text: str) -> bool:
    """A title's shape: a few words, a capital (or quote, digit) first, no full stop at the end."""
    if len(text) > MAX_SHAPE_CHARS:
        return False
    count = len(words(text))
    first = text.lstrip("«\"„“'(")[:1]
    return 2 <= count <= 25 and (first.isupper() or first.isdigit()) and not re.search(r"[.;,:…]$", text)


@lru_cache(maxsize=8192)
def is_related_heading(text: str) -> bool:
    if len(text) > MAX_SHAPE_CHARS:
        return False
    return len(text) <= 60 and bool(RELATED_HEADING.match(text.strip(" |•·—–-")))


@lru_cache(maxsize=8192)
def is_read_also(text: str) -> bool:
    """"Читайте также: <another article's headline>" on one line (or cut at its links)."""
    return len(text) <= MAX_SHAPE_CHARS and bool(READ_ALSO.match(text)) and len(words(text)) <= 25


@lru_cache(maxsize=8192)
def is_notice(text: str) -> bool:
    """A notice to the reader: subscription and follow-us calls, cookies, copyright, legal marks,
    links to other pages ("На страницу галереи", "Все новости")."""
    if len(text) > MAX_SHAPE_CHARS:
        return False
    if CHROME_LINE.match(text) or NAVIGATION.match(text) or MARKET_TICKER.match(text) or COUNTER.match(text):
        return True
    count = len(words(text))
    if count > MAX_NOTICE_WORDS:
        return False
    if LEGAL_NOTICE.search(text) and (text.lstrip().startswith("*") or BANNED_ORGANISATION.match(text)):
        return True
    if FOREIGN_AGENT_MARK.search(text):
        return True
    if CALL_TO_ACTION.match(text) and count <= 6 or DISCLAIMER.search(text) or AUTHOR_NOTE.match(text):
        return True
    if count <= 20 and PRINT_EDITION.match(text):
        return True
    if _addresses_the_reader(text) and bool(READER_PLATFORMS.search(text)):
        return True
    if count <= 30 and DONATION.search(text):
        return True
    unquoted = QUOTATION.sub(" ", text)  # «Дайте нам …» is someone's speech, not the site's request
    return count <= 30 and bool(READER_VERB_ANYWHERE.search(unquoted)) and bool(SITE_ASKS.search(unquoted))


def _addresses_the_reader(text: str) -> bool:
    """An imperative to the reader (or "you" plural) among the first words: "Подписывайтесь",
    "Скачайте", "Следите", "Читайте нас", by the endings of the second person plural."""
    return any(READER_VERB.search(word.lower()) for word in words(text)[:3])


def is_legal_notice(text: str) -> bool:
    if len(text) > MAX_SHAPE_CHARS:
        return False
    return bool(LEGAL_NOTICE.search(text)) and len(words(text)) <= MAX_NOTICE_WORDS


@lru_cache(maxsize=8192)
def stands_alone(text: str) -> bool:
    """A line that is never part of a sentence: a credit, a date, a post's attribution, a link."""
    if len(text) > MAX_SHAPE_CHARS:
        return False
    return is_credit(text) or is_date(text) or is_embed_attribution(text) or bool(NAVIGATION.match(text))

"""Articles with quotes and events written by hand, so the store, the CLI and the exports can be
tested without the extraction stages."""
from svodka.records import (
    Article,
    Entity,
    Event,
    Mention,
    Participant,
    Quote,
    Range,
    Span,
)

PUTIN = Entity("person:putin-vladimir", "PER", "Владимир Путин", ("Путин",), "Q7747")
LUKASHENKO = Entity("person:lukashenko-aleksandr", "PER", "Александр Лукашенко", ("Лукашенко",), "Q7758")
MINSK = Entity("city:minsk", "LOC", "Минск", (), "Q2280")
RUSSIA = Entity("country:RU", "LOC", "Россия", (), "Q159")
IVANOV = Entity("per:иван-иванов", "PER", "Иван Иванов", (), None)

MEETING_TEXT = ("Путин встретился с Лукашенко в Минске. «Россия и Беларусь — союзники», — сказал Путин. "
                "Лукашенко заявил, что Путин — надёжный партнёр.")
CALL_TEXT = ('=HYPERLINK("http://evil")\tИван Иванов\nпозвонил Путину. «Всё хорошо», — сообщили эксперты. '
             "Россия осудила Иванова.")


def at(text: str, phrase: str) -> Range:
    start = text.index(phrase)
    return Range(start, start + len(phrase))


def article(id: str, text: str, names: list[tuple[str, Entity]], quotes=(), events=(), **metadata) -> Article:
    """An article whose mentions are every occurrence of each (surface, entity) pair."""
    mentions = []
    for surface, entity in names:
        start = text.find(surface)
        while start >= 0:
            mentions.append(Mention(start, start + len(surface), entity.type, entity.name, entity.id))
            start = text.find(surface, start + 1)
    mentions.sort(key=lambda m: (m.start, m.end))
    by_id = {entity.id: entity for _, entity in names}
    entities = tuple(by_id[id] for id in dict.fromkeys(m.entity for m in mentions))
    return Article(id=id, source=metadata.pop("source", f"{id}.txt"), text=text,
                   spans=(Span(0, len(text), "body"),), mentions=tuple(mentions), entities=entities,
                   quotes=tuple(quotes), events=tuple(events), **metadata)


def quote(text: str, words: str, kind: str, speaker: Entity, cue: str, speaker_at: str) -> Quote:
    """A quote of `words`; the speaker's mention is the first word of the phrase `speaker_at`."""
    span, cue_span = at(text, words), at(text, cue)
    said_by = at(text, speaker_at).start
    name = speaker_at.split()[0].rstrip(".,")
    return Quote(span.start, span.end, words, kind, speaker.id, name, said_by, said_by + len(name),
                 cue, cue_span.start, cue_span.end)


def meeting_article() -> Article:
    text = MEETING_TEXT
    return article(
        "aaaa000000000001", text,
        [("Путин", PUTIN), ("Лукашенко", LUKASHENKO), ("Минске", MINSK), ("Россия", RUSSIA)],
        quotes=[
            quote(text, "Россия и Беларусь — союзники", "direct", PUTIN, "сказал", speaker_at="Путин. Лукашенко"),
            quote(text, "Путин — надёжный партнёр", "indirect", LUKASHENKO, "заявил",
                  speaker_at="Лукашенко заявил"),
        ],
        events=[Event("meeting", "040", (Participant(PUTIN.id, "visitor"), Participant(LUKASHENKO.id, "host")),
                      (at(text, "Путин встретился с Лукашенко в Минске."),), trigger="встретился",
                      place=MINSK.id, date="2024-05-31", date_precision="day", topics=("газ", "безопасность"),
                      format="in_person")],
        title="Путин встретился с Лукашенко", published="2024-06-01", outlet="ВЗГЛЯД", url="https://vz.ru/1",
    )


def call_article() -> Article:
    text = CALL_TEXT
    return article(
        "bbbb000000000002", text,
        [("Иван Иванов", IVANOV), ("Иванова", IVANOV), ("Путину", PUTIN), ("Россия", RUSSIA)],
        quotes=[Quote(at(text, "Всё хорошо").start, at(text, "Всё хорошо").end, "Всё хорошо", "direct",
                      speaker=None, speaker_text="эксперты", cue="сообщили",
                      notes=(Range(at(text, "Всё").start, at(text, "Всё").end),))],
        events=[
            Event("call", "041", (Participant(IVANOV.id, "initiator"), Participant(PUTIN.id, "counterpart")),
                  (at(text, '=HYPERLINK("http://evil")\tИван Иванов\nпозвонил Путину.'),), trigger="позвонил",
                  date="2024-06", date_precision="month"),
            Event("criticism", "111", (Participant(IVANOV.id, "target"), Participant(RUSSIA.id, "initiator")),
                  (), trigger="осудила"),
        ],
        title="Звонок", published="2024-06-10T09:00:00+03:00", source="feeds/b.txt",
    )


def store_at_schema(path, version: int, article: Article, ingested_at: str = "2024-06-01T00:00:00+00:00"):
    """A database as svodka's schema `version` left it, holding `article` (the columns it had then);
    returns the open connection for the caller to add more."""
    import sqlite3

    from svodka.store.schema import MIGRATIONS
    from svodka.store.sqlite import COLUMNS, _row_of

    db = sqlite3.connect(path, isolation_level=None)
    for script in MIGRATIONS[:version]:
        for statement in filter(str.strip, script.split(";")):
            db.execute(statement)
    db.execute(f"PRAGMA user_version = {version}")
    existing = {row[1] for row in db.execute("PRAGMA table_info(articles)")}
    columns = [column for column in COLUMNS if column in existing]
    values = dict(zip(COLUMNS, _row_of(article)))
    db.execute(f"INSERT INTO articles ({', '.join(columns)}, ingested_at) VALUES ({', '.join('?' * len(columns))}, ?)",
               (*(values[column] for column in columns), ingested_at))
    return db

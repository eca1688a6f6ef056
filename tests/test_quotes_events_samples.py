"""What the two founding examples must give for quotes and events (the quotes/events issue)."""
from __future__ import annotations

from conftest import CALL

import svodka

PUTIN, LUKASHENKO = "person:putin-vladimir", "person:lukashenko-aleksandr"


def quotes_of(article, kind=None):
    return [q for q in article.quotes if kind is None or q.kind == kind]


def by_start(article, words):
    return next(q for q in article.quotes if q.text.startswith(words))


def test_meeting_has_four_direct_quotes_with_their_speakers(meeting):
    direct = quotes_of(meeting, "direct")
    assert [q.text.split()[0] for q in direct] == ["Правительства", "Хочу", "Там", "Спасибо"]
    assert [q.speaker for q in direct] == [PUTIN, PUTIN, PUTIN, LUKASHENKO]
    assert meeting.text[direct[2].speaker_start : direct[2].speaker_end] == "российский лидер"
    assert meeting.text[direct[3].speaker_start : direct[3].speaker_end] == "белорусский президент"
    assert direct[1].addressee == LUKASHENKO and direct[1].cue == "обратиться"


def test_editors_note_is_inside_the_quote_and_marked(meeting):
    quote = by_start(meeting, "Правительства")
    (note,) = quote.notes
    assert meeting.text[note.start : note.end] == "(России и Белоруссии – прим. ВЗГЛЯД)"
    assert quote.start < note.start and note.end < quote.end


def test_meeting_indirect_quotes(meeting):
    said = {prefix: by_start(meeting, prefix) for prefix in (
        "что Минск и Москва реализуют", "что Минск и Москва никому", "достигнутых успехах",
        "что у президентов есть возможность")}
    assert all(quote.kind == "indirect" for quote in said.values())
    assert [quote.speaker for quote in said.values()] == [LUKASHENKO, LUKASHENKO, LUKASHENKO, PUTIN]
    assert said["достигнутых успехах"].cue == "заявить"


def test_cited_sources_and_names_in_quotation_marks_are_not_quotes(meeting):
    texts = " ".join(q.text for q in meeting.quotes)
    assert not any(q.speaker in ("org:tass", "org:ria-novosti") for q in meeting.quotes)
    assert "Новости" not in [q.text for q in meeting.quotes]
    assert "Беседа прошла" not in texts


def test_call_quotes_are_the_press_services(call):
    direct = quotes_of(call, "direct")
    assert len(direct) == 2
    assert all(q.speaker is None and q.speaker_text == "пресс-служба Президента Беларуси" for q in direct)


def events_of(article, type):
    return [e for e in article.events if e.type == type]


def roles(event):
    return {p.entity: p.role for p in event.participants}


def test_meeting_events(meeting):
    talks, earlier, informal = events_of(meeting, "meeting")
    assert roles(talks) == {PUTIN: "host", LUKASHENKO: "visitor"}
    assert talks.place == "city:saint-petersburg" and talks.cameo == "040"
    assert (talks.format, talks.duration) == ("тет-а-тет", "около часа")
    assert {"ЕАЭС", "интеграция"} <= set(talks.topics)
    assert len(talks.evidence) >= 3  # headline and body: one event
    assert set(roles(earlier)) == {PUTIN, "person:mishustin-mikhail"}
    assert set(roles(informal)) == {PUTIN, "person:belousov-andrey", "person:khrenin-viktor"}
    assert informal.format == "неформальный"


def test_call_events_with_the_articles_date():
    article = next(svodka.read(CALL, date="2020-10-07"))
    (call,) = events_of(article, "call")
    assert roles(call) == {LUKASHENKO: "initiator", PUTIN: "counterpart"}
    assert (call.cameo, call.date, call.date_precision) == ("041", "2020-10-07", "day")
    assert {"Нагорный Карабах", "Кыргызстан", "открытие границ", "коронавирус",
            "двустороннее сотрудничество"} <= set(call.topics)
    (congratulation,) = events_of(article, "congratulation")
    assert roles(congratulation) == {LUKASHENKO: "initiator", PUTIN: "counterpart"}


def test_statements_gather_each_speakers_quotes(meeting):
    statements = {e.participants[0].entity: e for e in events_of(meeting, "statement")}
    assert set(statements) == {PUTIN, LUKASHENKO}
    assert len(statements[PUTIN].evidence) == len([q for q in meeting.quotes if q.speaker == PUTIN])


def test_quotes_and_events_round_trip_through_json(meeting):
    again = svodka.Article.from_dict(meeting.to_dict())
    assert again.quotes == meeting.quotes and again.events == meeting.events


def test_digest_sums_up_quotes_and_events(meeting):
    from svodka.digest import digest

    lines = {line.split()[0]: line for line in digest(meeting).splitlines()[2:]}
    # Путин 6: the lead "Путин: Россия и Белоруссия очень плотно работают между собой" is his too
    assert "Владимир Путин 6" in lines["quotes"] and "Александр Лукашенко 5" in lines["quotes"]
    assert lines["events"].split()[1:4] == ["meeting", "(Владимир", "Путин,"]

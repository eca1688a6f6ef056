"""Sentence splitting on real pages' text: headings on a line of their own, paragraphs that end
whatever mark a typo left open, and quotations that run on over paragraphs (my own texts)."""
from __future__ import annotations

from svodka.quotes.marks import quoted
from svodka.records import Span
from svodka.sentences import sentences


def split(text: str) -> list[str]:
    return [text[s.start : s.end] for s in sentences(text, (Span(0, len(text), "body"),))]


def test_a_heading_line_is_a_sentence_of_its_own():
    text = "Должники заплатят штрафы. \nЦепная реакция\nОднако добиться этого не удастся, отмечают эксперты."
    assert split(text) == ["Должники заплатят штрафы.", "Цепная реакция",
                           "Однако добиться этого не удастся, отмечают эксперты."]


def test_a_paragraph_ends_a_sentence_that_a_stray_mark_left_open():
    text = ("Это связано с «делом «Седьмой студии», а также с Райкиным. Слушания прошли в Мосгосуде.\n"
            "Планируется, что директора будет назначать учредитель.")
    assert split(text)[-1] == "Планируется, что директора будет назначать учредитель."


def test_direct_speech_opened_at_a_paragraph_runs_on_to_its_closing_mark():
    text = "«У нас всё хорошо. Я рад.\nМог ли я сказать больше? Мог», — сказал тренер. Матч закончился."
    assert split(text)[0] == "«У нас всё хорошо. Я рад.\nМог ли я сказать больше? Мог», — сказал тренер."


def test_speech_closed_by_one_mark_for_two_quotations_ends_with_its_paragraph():
    text = ("«Оружие попало к боевикам «Джабхат ан-Нусры», — сказал генерал.\n"
            "По его словам, найдены 193 боеприпаса.")
    assert split(text)[-1] == "По его словам, найдены 193 боеприпаса."


def test_an_editors_note_broken_over_lines_stays_in_its_sentence():
    text = "Она (пропаганда. \n— RT\n) мягче, чем кажется. Это всё."
    assert split(text)[0] == "Она (пропаганда. \n— RT\n) мягче, чем кажется."


def test_one_closing_mark_for_a_quotation_and_the_one_inside_it():
    text = "По версии ведомства, «обстановку обостряют боевики «Джейш аль-Ислам» (запрещена в РФ)."
    (found,) = quoted(text, 0, len(text))
    assert text[found.start : found.end] == "обстановку обостряют боевики «Джейш аль-Ислам"


def test_an_unclosed_mark_before_more_words_quotes_nothing():
    text = "«Условия нормальные, «кормят» три раза в день, говорит он"
    assert [text[q.start : q.end] for q in quoted(text, 0, len(text))] == ["кормят"]

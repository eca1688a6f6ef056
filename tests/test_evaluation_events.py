"""The quote and event evaluation harness: loaders and scorers on hand-made inputs, loaders and
oracle runs of the benchmarks on the shared datasets."""
import importlib.util
import json
import sys
from pathlib import Path

import pytest

from svodka.evaluation.adaq import (
    AdaqSentence,
    AdaqToken,
    align,
    alignment_failures,
    load_adaq,
)
from svodka.evaluation.meeting_scoring import (
    MeetingCounts,
    pair_meetings,
    shared_participants,
)
from svodka.evaluation.meetings import (
    GoldMeeting,
    GoldParticipant,
    MeetingDocument,
    load_meetings,
)
from svodka.evaluation.nerel_events import (
    EventDocument,
    GoldArgument,
    GoldTrigger,
    load_nerel_events,
    trigger_kind,
)
from svodka.evaluation.predicted import (
    PredictedEvent,
    PredictedQuote,
    events_of,
    quotes_of,
)
from svodka.evaluation.quote_scoring import QuoteCounts
from svodka.evaluation.trigger_scoring import TriggerCounts
from svodka.records import Article, Entity, Event, Mention, Participant, Quote, Range

ROOT = Path(__file__).resolve().parent.parent


def write(directory: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        with open(directory / name, "w", encoding="utf-8", newline="") as file:
            file.write(text)


def load_benchmark(name: str, monkeypatch):
    monkeypatch.syspath_prepend(str(ROOT / "benchmarks"))  # benchmarks import their shared report.py
    spec = importlib.util.spec_from_file_location(name, ROOT / "benchmarks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, name, module)  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


# ADAQ alignment


def test_tokens_are_placed_in_order():
    text = "Он сказал: «Да»."
    assert align(text, ["Он", "сказал", ":", "«", "Да", "»", "."]) == [
        (0, 2), (3, 9), (9, 10), (11, 12), (12, 14), (14, 15), (15, 16),
    ]


def test_straight_quotes_match_guillemets_and_dashes_match():
    assert align("«Да» — сказал", ['"', "Да", '"', "-", "сказал"]) == [(0, 1), (1, 3), (3, 4), (5, 6), (7, 13)]


def test_a_token_not_in_the_sentence_is_reported_and_the_rest_still_placed():
    assert align("Он сказал да", ["Он", "заявил", "да"]) == [(0, 2), None, (10, 12)]


def test_a_token_found_only_past_other_text_is_not_placed():
    # "да" occurs later, but "сказал" lies between: the token is not where it should be.
    assert align("Он сказал да", ["да", "Он"]) == [None, (0, 2)]


def test_loader_reads_csv_quoting(tmp_path):
    (tmp_path / "data").mkdir()
    write(tmp_path / "data", {
        "ru_sentences.tsv": 'sentences\tsentence_id\n"""Да"", - сказал он."\ts_1\n',
        "ru_tokens.tsv": "lemmas\ttext\tsentence_num\tindex_of_token_sent\ttags\n"
        + "".join(f"{lemma}\t{text}\ts_1\t{i}\t{tag}\n" for i, (lemma, text, tag) in enumerate([
            ('""""', '""""', "content"), ("да", "Да", "content"), ('""""', '""""', "content"),
            (",", ",", "None"), ("-", "-", "None"), ("сказать", "сказал", "cue"),
            ("он", "он", "source"), (".", ".", "None"),
        ], start=1)),
    })
    (sentence,) = load_adaq(tmp_path)
    assert sentence.text == '"Да", - сказал он.'
    assert alignment_failures([sentence]) == []
    assert [sentence.text[t.start : t.end] for t in sentence.tokens] == ['"', "Да", '"', ",", "-", "сказал", "он", "."]
    assert [[t.text for t in run] for run in sentence.runs("content")] == [['"', "Да", '"']]


# Quote scoring

SENTENCE_TEXT = '"Да", - сказал он.'


def sentence(*tags: str) -> AdaqSentence:
    texts = ['"', "Да", '"', ",", "-", "сказал", "он", "."]
    spans = align(SENTENCE_TEXT, texts)
    tokens = tuple(AdaqToken(i, text, text, tag, *span) for i, (text, tag, span) in enumerate(zip(texts, tags, spans), 1))
    return AdaqSentence("s", SENTENCE_TEXT, tokens)


GOLD = sentence("content", "content", "content", "None", "None", "cue", "source", "None")


def counted(gold: AdaqSentence, quotes: list[PredictedQuote] | None) -> QuoteCounts:
    counts = QuoteCounts()
    counts.add(gold, quotes)
    return counts


def test_tokens_overlapping_a_predicted_range_take_its_tag():
    counts = counted(GOLD, [PredictedQuote((1, 3), source=(15, 17), cue=(8, 14))])
    content = counts.prf("content")
    assert (content.correct_predictions, content.predicted, content.gold) == (1, 1, 3)
    assert counts.prf("source").f1 == counts.prf("cue").f1 == 1.0


def test_punctuation_is_counted_unless_words_only():
    counts = counted(GOLD, [PredictedQuote((1, 3))])
    assert counts.prf("content").recall == pytest.approx(1 / 3)
    assert counts.prf("content", words_only=True).recall == 1.0


def test_a_range_overlapping_wrong_tokens_is_a_false_positive():
    counts = counted(GOLD, [PredictedQuote((0, 6))])  # '"Да",' takes the comma too
    content = counts.prf("content")
    assert (content.correct_predictions, content.predicted) == (3, 4)


def test_speaker_accuracy_needs_the_speaker_range_on_the_gold_source():
    assert counted(GOLD, [PredictedQuote((1, 3), source=(15, 17))]).speaker_accuracy == 1.0
    assert counted(GOLD, [PredictedQuote((1, 3), source=(8, 14))]).speaker_accuracy == 0.0
    assert counted(GOLD, [PredictedQuote((1, 3))]).speaker_accuracy == 0.0  # speaker by name only
    # The quote on the gold content decides, not a stray one with the right speaker.
    stray = [PredictedQuote((8, 14), source=(15, 17)), PredictedQuote((0, 4), source=(8, 14))]
    assert counted(GOLD, stray).speaker_accuracy == 0.0


def test_sentence_counts_and_refusals():
    counts = QuoteCounts()
    counts.add(GOLD, None)
    counts.add(sentence(*["None"] * 8), [PredictedQuote((1, 3))])
    assert (counts.sentences, counts.refused) == (2, 1)
    assert (counts.gold_with_quote, counts.predicted_with_quote, counts.both_with_quote) == (1, 1, 0)
    assert (counts.attributable, counts.speaker_right) == (1, 0)


def test_unplaced_tokens_count_in_neither_side():
    unplaced = AdaqSentence("s", "x", (AdaqToken(1, "y", "y", "content"),))
    counts = counted(unplaced, [PredictedQuote((0, 1))])
    assert (counts.prf("content").gold, counts.prf("content").predicted) == (0, 0)


# Predictions read off an article

ARTICLE = Article(
    id="a", source="t", text="Путин встретился с Лукашенко. Путин сказал: «Да».",
    mentions=(Mention(0, 5, "PER", "Путин", "Q7747"), Mention(19, 28, "PER", "Лукашенко", "Q3"),
              Mention(30, 35, "PER", "Путин", "Q7747"), Mention(0, 5, "PER", "Путин", None)),
    entities=(Entity("Q7747", "PER", "Владимир Путин"), Entity("Q3", "PER", "Александр Лукашенко"),
              Entity("Q9", "ORG", "Кремль")),
    quotes=(Quote(45, 47, "Да", "direct", "Q7747", "Путин", 30, 35, "сказал", 36, 42),
            Quote(45, 47, "Да", "direct", None, "эксперты")),
    events=(Event("meeting", "040", (Participant("Q7747", "initiator"), Participant("Q3", "counterpart"),
                                     Participant("Q9", "participant")), (Range(0, 29),)),),
)


def test_quotes_of_an_article():
    assert quotes_of(ARTICLE) == [PredictedQuote((45, 47), (30, 35), (36, 42)), PredictedQuote((45, 47))]


def test_events_of_an_article_locate_participants_by_their_mentions():
    (event,) = events_of(ARTICLE)
    assert event == PredictedEvent("meeting", ((0, 29),), (((0, 5), (30, 35)), ((19, 28),), ()), people=2)


# factRuEval meetings

FACTRUEVAL_DOC = {
    # "Путин встретился с Лукашенко в Минске. Президент России ..."
    "book_1.txt": "Путин встретился с Лукашенко в Минске. Президент России уехал.",
    "book_1.tokens": "10 0 5 Путин\n11 6 10 встретился\n12 17 1 с\n13 19 9 Лукашенко\n14 29 1 в\n"
                     "15 31 6 Минске\n16 37 1 .\n\n17 39 9 Президент\n18 49 6 России\n19 56 5 уехал\n",
    "book_1.spans": "1 surname 0 5 10 1  # 10 Путин\n2 surname 19 9 13 1  # 13 Лукашенко\n"
                    "3 loc_name 31 6 15 1  # 15 Минске\n4 job 39 9 17 1  # 17 Президент\n"
                    "5 loc_name 49 6 18 1  # 18 России\n",
    "book_1.objects": "100 Person 1  # Путин\n101 Person 2  # Лукашенко\n102 Location 3  # Минске\n"
                      "103 Person 4 5  # Президент России\n104 LocOrg 5  # России\n",
    "book_1.coref": "7 100 103\nlastname Путин\n\n8 101\nlastname Лукашенко\n\n9 102\nname Минск\n",
    "book_1.facts": "1-0 Meeting\nParticipant obj7 Путин\nParticipant obj8 Лукашенко\nМодальность будущее\n\n"
                    "1-1 Occupation\nWho obj7 Путин\nPosition span4 Президент\n",
}


def test_meetings_loader_locates_participants_by_every_mention(tmp_path):
    write(tmp_path, FACTRUEVAL_DOC)
    (document,) = load_meetings(tmp_path)
    (meeting,) = document.meetings
    assert (meeting.id, meeting.modality) == ("1-0", "будущее")
    putin, lukashenko = meeting.participants
    assert putin.name == "Путин"
    assert [[document.text[s:e] for s, e in mention] for mention in putin.mentions] == [
        ["Путин"], ["Президент", "России"],
    ]
    assert [document.text[s:e] for s, e in lukashenko.spans] == ["Лукашенко"]


def test_meetings_loader_refuses_unknown_objects(tmp_path):
    write(tmp_path, {**FACTRUEVAL_DOC, "book_1.facts": "1-0 Meeting\nParticipant obj99 Кто-то\n"})
    with pytest.raises(ValueError, match="unknown object 99"):
        list(load_meetings(tmp_path))


def gold_participant(*spans) -> GoldParticipant:
    return GoldParticipant("x", tuple((span,) for span in spans))


A, B, C = gold_participant((0, 5), (40, 45)), gold_participant((10, 15)), gold_participant((20, 25))


def meeting(*participants) -> GoldMeeting:
    return GoldMeeting("m", participants)


def predicted(*participants, type="meeting") -> PredictedEvent:
    return PredictedEvent(type, ((0, 100),), participants)


def test_a_participant_matches_by_any_mention():
    assert shared_participants(predicted(((41, 43),), ((10, 12),)), meeting(A, B)) == 2
    assert shared_participants(predicted(((30, 35),)), meeting(A, B)) == 0
    # One predicted participant matching two gold ones still pairs once.
    assert shared_participants(predicted(((0, 15),)), meeting(A, B)) == 1


def test_meetings_pair_greedily_by_shared_participants():
    gold = [meeting(A, B), meeting(A, B, C)]
    events = [predicted(((0, 5),), ((10, 15),)), predicted(((0, 5),), ((10, 15),), ((20, 25),))]
    assert pair_meetings(events, gold) == [(1, 1, 3), (0, 0, 2)]


def meeting_counts(gold: list[GoldMeeting], events: list[PredictedEvent] | None) -> MeetingCounts:
    counts = MeetingCounts()
    counts.add(MeetingDocument("d", "x" * 100, tuple(gold)), events)
    return counts


def test_participant_and_event_counts():
    counts = meeting_counts(
        [meeting(A, B), meeting(B, C)],
        [predicted(((0, 5),), ((50, 55),)), predicted(((10, 15),), ((20, 25),)), predicted(((60, 65),))],
    )
    participants, events = counts.participants(), counts.events()
    assert (participants.correct_predictions, participants.predicted, participants.gold) == (3, 5, 4)
    # The first pair shares one participant of two: not an event match.
    assert (events.correct_predictions, events.predicted, events.gold) == (1, 3, 2)


def test_a_one_participant_gold_meeting_matches_on_that_one():
    counts = meeting_counts([meeting(A)], [predicted(((0, 5),), ((10, 15),))])
    assert counts.events().f1 == 1.0
    assert counts.participants().precision == 0.5


def test_only_meeting_types_count_and_refusals_are_counted():
    counts = meeting_counts([meeting(A, B)], [predicted(((0, 5),), ((10, 15),), type="statement")])
    assert (counts.predicted_events, counts.matched_events) == (0, 0)
    counts = meeting_counts([meeting(A, B)], [predicted(((0, 5),), ((10, 15),), type="call")])
    assert counts.events().f1 == 1.0
    assert meeting_counts([meeting(A, B)], None).refused == 1


def test_hosting_two_people_is_a_meeting_unless_told_as_one():
    host = PredictedEvent("host", ((0, 100),), (((0, 5),), ((10, 15),)), people=2)
    assert meeting_counts([meeting(A, B)], [host]).events().f1 == 1.0
    one_person = PredictedEvent("host", ((0, 100),), (((0, 5),), ((10, 15),)), people=1)
    assert meeting_counts([meeting(A, B)], [one_person]).predicted_events == 0
    travelling_together = PredictedEvent("visit", ((0, 100),), (((0, 5),), ((10, 15),)), people=2)
    assert meeting_counts([meeting(A, B)], [travelling_together]).predicted_events == 0
    told_again = predicted(((0, 5),), ((10, 15),), ((20, 25),))
    assert meeting_counts([meeting(A, B, C)], [told_again, host]).predicted_events == 1


# NEREL events

NEREL_TEXT = "Путин встретился с Си Цзиньпином. Актёр скончался."
NEREL_ANN = (
    "T1\tPERSON 0 5\tПутин\nT2\tEVENT 6 16\tвстретился\nT3\tPERSON 19 32\tСи Цзиньпином\n"
    "T4\tCOUNTRY 40 45;46 49\tАктёр ск\nT5\tEVENT 40 49\tскончался\nT6\tPROFESSION 34 39\tАктёр\n"
    "R1\tAGENT Arg1:T1 Arg2:T2\t\nR2\tPARTICIPANT_IN Arg1:T3 Arg2:T2\t\n"
    "R3\tPARTICIPANT_IN Arg1:T6 Arg2:T5\t\nR4\tTAKES_PLACE_IN Arg1:T2 Arg2:T4\t\n"
    "N1\tReference T1 Wikidata:Q7747\tПутин, Владимир\n"
)


def test_nerel_events_loader(tmp_path):
    write(tmp_path, {"7_text.txt": NEREL_TEXT, "7_text.ann": NEREL_ANN})
    (document,) = load_nerel_events(tmp_path)
    met, died = document.triggers
    assert (document.id, met.text, met.kind, died.text, died.kind) == ("7", "встретился", "meeting", "скончался", None)
    assert [(NEREL_TEXT[a.start : a.end], a.relation) for a in met.arguments] == [
        ("Путин", "AGENT"), ("Си Цзиньпином", "PARTICIPANT_IN"),
    ]
    assert died.arguments == ()  # a PROFESSION is not an argument here


@pytest.mark.parametrize("trigger, kind", [
    ("встречи", "meeting"), ("переговорах", "negotiations"), ("посетил", "visit"), ("назначен", "appointment"),
    ("совместное заявление", "statement"), ("акции протеста", "protest"), ("обстрела", "military"),
    ("санкции", "sanctions"), ("обвинила", "accusation"), ("поздравили", "congratulation"),
    ("телефонного разговора", "call"), ("договорённости", "agreement"), ("скончался", None), ("выборах", None),
])
def test_trigger_kind_by_lemma(trigger, kind):
    assert trigger_kind(trigger) == kind


MET = GoldTrigger("T2", 6, 16, "встретился", "meeting",
                  (GoldArgument(0, 5, "PERSON", "AGENT"), GoldArgument(19, 32, "PERSON", "PARTICIPANT_IN")))
DIED = GoldTrigger("T5", 40, 49, "скончался", None)
NEREL_DOCUMENT = EventDocument("7", NEREL_TEXT, (MET, DIED))


def trigger_counts(events: list[PredictedEvent] | None) -> TriggerCounts:
    counts = TriggerCounts()
    counts.add(NEREL_DOCUMENT, events)
    return counts


def test_a_trigger_is_found_by_evidence_containing_it():
    counts = trigger_counts([PredictedEvent("statement", ((0, 33),), (((0, 5),),))])
    assert counts.recall("all") == (1, 2)
    assert counts.recall("kinds") == (1, 1)
    assert counts.recall("typed") == (0, 1)
    assert (counts.arguments_found, counts.arguments) == (1, 2)
    assert (counts.events_on_a_trigger, counts.predicted_events) == (1, 1)


def test_evidence_must_contain_the_whole_trigger():
    counts = trigger_counts([PredictedEvent("meeting", ((10, 33),))])
    assert counts.recall("all") == (0, 2)
    assert (counts.events_on_a_trigger, counts.arguments) == (0, 0)


def test_typed_recall_and_arguments_over_every_finder():
    counts = trigger_counts([
        PredictedEvent("meeting", ((0, 33),), (((0, 5),),)),
        PredictedEvent("visit", ((0, 33),), (((20, 25),),)),
        PredictedEvent("meeting", ((60, 70),)),
    ])
    assert counts.recall("typed") == (1, 1)
    assert (counts.arguments_found, counts.arguments) == (2, 2)
    assert (counts.events_on_a_trigger, counts.predicted_events) == (2, 3)
    assert trigger_counts(None).refused == 1


# Shared datasets


def test_every_adaq_token_is_placed(shared_data):
    sentences = list(load_adaq(shared_data / "adaq-quotes-ru"))
    assert alignment_failures(sentences) == []
    tokens = [token for sentence in sentences for token in sentence.tokens]
    assert (len(sentences), len(tokens)) == (94, 2040)
    assert sum(token.tag == "content" for token in tokens) == 775
    for sentence in sentences:
        assert [sentence.text[t.start : t.end] for t in sentence.tokens] == [t.text for t in sentence.tokens]
        assert [t.index for t in sentence.tokens] == list(range(1, len(sentence.tokens) + 1))


def test_factrueval_meetings_loader(shared_data):
    for split, documents, meetings, participants in (("devset", 122, 5, 12), ("testset", 132, 51, 126)):
        loaded = list(load_meetings(shared_data / "factrueval2016" / split))
        found = [m for document in loaded for m in document.meetings]
        assert (len(loaded), len(found), sum(len(m.participants) for m in found)) == (documents, meetings, participants)
        for document in loaded:
            for m in document.meetings:
                assert all(p.mentions and all(document.text[s:e].strip() for s, e in p.spans) for p in m.participants)
    book_117 = next(d for d in load_meetings(shared_data / "factrueval2016" / "devset") if d.id == "book_117")
    names = {p.name for p in book_117.meetings[0].participants}
    assert names == {"Саркози Николя", "Обама Барак"}


def test_nerel_events_loader_on_dev(shared_data):
    documents = list(load_nerel_events(shared_data / "nerel" / "NEREL-v1.1" / "dev"))
    triggers = [trigger for document in documents for trigger in document.triggers]
    assert (len(documents), len(triggers)) == (94, 707)
    assert sum(trigger.kind is not None for trigger in triggers) > 40
    for document in documents:
        for trigger in document.triggers:
            assert document.text[trigger.start : trigger.end] == trigger.text
            for argument in trigger.arguments:
                assert argument.type in {"PERSON", "ORGANIZATION", "COUNTRY"}


def test_quotes_benchmark_scores_an_oracle_perfectly(shared_data, capsys, monkeypatch):
    benchmark = load_benchmark("quotes_benchmark", monkeypatch)

    def run_span(run):
        return (run[0].start, run[-1].end)

    oracle = {}
    for s in benchmark.load_sentences(shared_data):
        source, cue = [run_span(r) for r in s.runs("source")], [run_span(r) for r in s.runs("cue")]
        oracle[s.text] = [PredictedQuote(run_span(r), source[0] if source else None, cue[0] if cue else None)
                          for r in s.runs("content")]
    monkeypatch.setitem(benchmark.SYSTEMS, "oracle", lambda: oracle.__getitem__)
    assert benchmark.main(["--systems", "oracle", "--json", "--data-dir", str(shared_data)]) == 0
    report = json.loads(capsys.readouterr().out)["adaq-quotes-ru"]["systems"]["oracle"]
    assert report["tokens"]["content"]["f1"] == 1.0
    assert report["tokens"]["source"]["precision"] == report["tokens"]["cue"]["precision"] == 1.0
    assert report["speaker"]["accuracy"] == 1.0


def test_events_benchmark_scores_an_oracle_perfectly(shared_data, capsys, monkeypatch):
    benchmark = load_benchmark("events_benchmark", monkeypatch)
    oracle = {}
    for document in benchmark.load_documents("factrueval-test", shared_data):
        oracle[document.text] = [PredictedEvent("meeting", (), tuple(p.spans for p in m.participants))
                                 for m in document.meetings]
    for document in benchmark.load_documents("nerel-dev", shared_data):
        oracle[document.text] = [
            PredictedEvent(t.kind or "other", ((t.start, t.end),), tuple(((a.start, a.end),) for a in t.arguments))
            for t in document.triggers
        ]
    monkeypatch.setitem(benchmark.SYSTEMS, "oracle", lambda: oracle.__getitem__)
    for dataset in ("factrueval-test", "nerel-dev"):
        args = ["--dataset", dataset, "--systems", "oracle", "--json", "--data-dir", str(shared_data)]
        assert benchmark.main(args) == 0
        report = json.loads(capsys.readouterr().out)[dataset]["systems"]["oracle"]
        if dataset == "factrueval-test":
            assert report["participants"]["f1"] == report["meetings"]["f1"] == 1.0
        else:
            assert all(report["triggers"][scope]["recall"] == 1.0 for scope in ("all", "kinds", "typed"))
            assert report["arguments"]["recall"] == 1.0
            assert report["events_on_a_trigger"]["share"] == 1.0


def test_quotes_of_with_marks_takes_in_a_direct_quotes_marks_only():
    from svodka.evaluation.predicted import quotes_of
    from svodka.records import Article, Quote

    text = '"Мы готовы", - сказал он, добавив, что ждет ответа.'
    direct = Quote(1, 10, "Мы готовы", "direct", speaker_start=22, speaker_end=24)
    indirect = Quote(34, 50, "что ждет ответа", "indirect")
    article = Article(id="a", source="a", text=text, quotes=(direct, indirect))
    assert [q.content for q in quotes_of(article, with_marks=True)] == [(0, 11), (34, 50)]
    assert [q.content for q in quotes_of(article)] == [(1, 10), (34, 50)]

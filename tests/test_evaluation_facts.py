"""The facts scorer: an event matched by the sentence that states it before any looser match, and
participants counted against the gold's agents and patients."""
from facts import LUKASHENKO, PUTIN

from svodka.evaluation.facts import FactCounts, GoldArticle, GoldEvent, _score_events
from svodka.records import Article, Event, Participant, Range

FIRST = "Путин встретился с Лукашенко в Минске."
SECOND = "Лидеры двух стран снова увидятся в мае в Сочи."
TEXT = f"{FIRST} {SECOND}"


def _article(*events: Event) -> Article:
    return Article(id="a", source="test", text=TEXT, entities=(PUTIN, LUKASHENKO), events=events)


def _event(sentence: str, status: str, *participants: Participant) -> Event:
    start = TEXT.index(sentence)
    return Event("meeting", "040", participants, (Range(start, start + len(sentence)),), status=status)


def test_a_loose_match_does_not_take_the_gold_event_another_event_states():
    both = (Participant(PUTIN.id, "participant"), Participant(LUKASHENKO.id, "participant"))
    gold = GoldArticle("f", 0, {}, [
        GoldEvent("meeting", "planned", ("Владимир Путин", "Александр Лукашенко"), (), None, SECOND),
        GoldEvent("meeting", "happened", ("Владимир Путин", "Александр Лукашенко"), (), None, FIRST),
    ], [])
    # the happened event also shares names and words with the planned gold event, which comes first
    happened = Event("meeting", "040", both, (Range(0, len(FIRST)), Range(len(FIRST) + 1, len(TEXT))))
    planned = _event(SECOND, "planned", *both)
    counts = FactCounts()
    _score_events(gold, _article(happened, planned), [happened, planned], counts)
    assert counts.happened_matched == 1 and counts.happened_not_happened == 0
    assert counts.status_pairs == {("happened", "happened"): 1, ("planned", "planned"): 1}


def test_participants_and_their_side():
    gold = GoldArticle("f", 0, {}, [GoldEvent("criticism", "happened", ("Владимир Путин",),
                                              ("Александр Лукашенко",), None, FIRST)], [])
    event = Event("criticism", "111", (Participant(PUTIN.id, "initiator"), Participant(LUKASHENKO.id, "initiator")),
                  (Range(0, len(FIRST)),))
    counts = FactCounts()
    _score_events(gold, _article(event), [event], counts)
    scores = counts.scores()
    assert scores["participants P"] == 1.0 and scores["participants R"] == 1.0
    assert scores["role side accuracy"] == 0.5  # Лукашенко is the one criticised, not a critic

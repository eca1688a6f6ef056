"""The NER evaluation harness: scorer rules on synthetic cases, loaders on the shared datasets."""
import importlib.util
import json
import sys
from pathlib import Path

import pytest

from svodka.evaluation.factrueval import token_offset_mismatches
from svodka.evaluation.mentions import GoldMention, NerDocument, Prediction
from svodka.evaluation.ner_data import load_dataset
from svodka.evaluation.scoring import (
    TypeCounts,
    bcubed,
    match_document,
    normal_key,
    normalisation_accuracy,
)

ROOT = Path(__file__).resolve().parent.parent


def scored(document: NerDocument, predictions: list[Prediction]) -> TypeCounts:
    counts = TypeCounts()
    counts.add(match_document(document, predictions))
    return counts


def document(*gold: GoldMention, optional: tuple[GoldMention, ...] = ()) -> NerDocument:
    return NerDocument("doc", "x" * 100, tuple(gold), optional=optional)


# Scorer


def test_exact_match_is_correct_and_found():
    counts = scored(document(GoldMention(0, 5, "PER")), [Prediction(0, 5, "PER")])
    assert (counts.micro().precision, counts.micro().recall) == (1.0, 1.0)


def test_wrong_type_or_boundary_is_a_miss_and_a_false_positive():
    gold = document(GoldMention(0, 5, "PER"))
    for prediction in (Prediction(0, 5, "ORG"), Prediction(0, 4, "PER")):
        micro = scored(gold, [prediction]).micro()
        assert (micro.correct_predictions, micro.predicted, micro.found_gold, micro.gold) == (0, 1, 0, 1)


def test_alternative_span_counts_as_finding_the_mention():
    gold = document(GoldMention(0, 20, "ORG", alternatives=((8, 20),)))
    assert scored(gold, [Prediction(8, 20, "ORG")]).prf("ORG").f1 == 1.0


def test_double_prediction_of_one_mention_is_a_false_positive():
    gold = document(GoldMention(0, 5, "PER"))
    micro = scored(gold, [Prediction(0, 5, "PER"), Prediction(0, 5, "PER")]).micro()
    assert (micro.precision, micro.recall) == (0.5, 1.0)


def test_main_span_and_alternative_both_predicted_count_once():
    gold = document(GoldMention(0, 20, "ORG", alternatives=((8, 20),)))
    micro = scored(gold, [Prediction(0, 20, "ORG"), Prediction(8, 20, "ORG")]).micro()
    assert (micro.correct_predictions, micro.predicted, micro.found_gold) == (1, 2, 1)


def test_one_prediction_finds_gold_mentions_sharing_its_span():
    # "востоке Украины" (name part "Украины") and the "Украины" annotated inside it.
    region = GoldMention(0, 15, "LOC", alternatives=((8, 15),))
    country = GoldMention(8, 15, "LOC")
    micro = scored(document(region, country), [Prediction(8, 15, "LOC")]).micro()
    assert (micro.precision, micro.recall) == (1.0, 1.0)


def test_matching_pairs_every_prediction_that_can_be_paired():
    # Greedy pairing of (0, 5) with the outer mention's alternative would leave (0, 10) unpaired.
    inner = GoldMention(0, 5, "ORG")
    outer = GoldMention(0, 10, "ORG", alternatives=((0, 5),))
    micro = scored(document(outer, inner), [Prediction(0, 5, "ORG"), Prediction(0, 10, "ORG")]).micro()
    assert micro.correct_predictions == 2


def test_optional_gold_is_neither_rewarded_nor_punished():
    gold = document(GoldMention(0, 30, "ORG"), optional=(GoldMention(20, 30, "ORG"),))
    found_inner = scored(gold, [Prediction(20, 30, "ORG")]).micro()
    assert (found_inner.predicted, found_inner.gold, found_inner.found_gold) == (0, 1, 0)
    found_outer = scored(gold, [Prediction(0, 30, "ORG")]).micro()
    assert found_outer.f1 == 1.0


def test_flat_gold_does_not_judge_a_prediction_nested_inside_a_correct_one():
    court, country = GoldMention(0, 30, "ORG"), Prediction(20, 30, "LOC")
    flat = NerDocument("doc", "x" * 100, (court,), flat=True)
    nested = scored(flat, [Prediction(0, 30, "ORG"), country]).micro()
    assert (nested.predicted, nested.correct_predictions) == (1, 1)
    alone = scored(flat, [country]).micro()
    assert (alone.predicted, alone.correct_predictions) == (1, 0)
    not_flat = scored(document(court), [Prediction(0, 30, "ORG"), country]).micro()
    assert (not_flat.predicted, not_flat.correct_predictions) == (2, 1)


def test_per_type_and_micro_counts():
    gold = document(GoldMention(0, 5, "PER"), GoldMention(10, 15, "LOC"), GoldMention(20, 25, "ORG"))
    counts = scored(gold, [Prediction(0, 5, "PER"), Prediction(10, 15, "LOC"), Prediction(30, 35, "ORG")])
    assert counts.prf("PER").f1 == counts.prf("LOC").f1 == 1.0
    assert counts.prf("ORG").f1 == 0.0
    assert counts.micro().precision == pytest.approx(2 / 3)
    assert counts.micro().recall == pytest.approx(2 / 3)


def test_normal_key_ignores_case_yo_and_whitespace_runs():
    assert normal_key("Пётр  Ильич\tЧайковский") == normal_key("пётр ильич чайковский")
    assert normal_key("Ёлкин") == normal_key("елкин")


def test_normalisation_accuracy_counts_found_mentions_with_a_gold_base_form():
    found = [
        (GoldMention(0, 6, "PER", normal="Путин"), Prediction(0, 6, "PER", "путин")),
        (GoldMention(10, 16, "LOC", normal="Москва"), Prediction(10, 16, "LOC", "Москве")),
        (GoldMention(20, 26, "ORG"), Prediction(20, 26, "ORG", "МИД")),
    ]
    assert normalisation_accuracy(found) == (1, 2)


def test_bcubed_perfect_clustering():
    assert bcubed(["a", "a", "b"], ["x", "x", "y"]) == (1.0, 1.0, 1.0)


def test_bcubed_one_big_cluster_and_all_singletons():
    precision, recall, _ = bcubed(["a", "a", "b", "b"], ["x", "x", "x", "x"])
    assert (precision, recall) == (0.5, 1.0)
    precision, recall, f1 = bcubed(["a", "a", "b"], ["1", "2", "3"])
    assert precision == 1.0
    assert recall == pytest.approx((1 / 2 + 1 / 2 + 1) / 3)
    assert f1 == pytest.approx(2 * recall / (1 + recall))


def test_bcubed_toy_clustering():
    # gold {1,2,3} {4,5}; predicted {1,2} {3,4,5}
    precision, recall, _ = bcubed(["a", "a", "a", "b", "b"], ["x", "x", "y", "y", "y"])
    assert precision == pytest.approx((1 + 1 + 1 / 3 + 2 / 3 + 2 / 3) / 5)
    assert recall == pytest.approx((2 / 3 + 2 / 3 + 1 / 3 + 1 + 1) / 5)


def test_bcubed_needs_the_same_mentions_on_both_sides():
    with pytest.raises(ValueError):
        bcubed(["a"], ["x", "y"])


# Loaders (shared datasets)


def assert_well_formed(documents: list[NerDocument]) -> None:
    for doc in documents:
        for mention in doc.gold + doc.optional:
            assert mention.type in {"PER", "LOC", "ORG"}
            for start, end in mention.spans:
                assert 0 <= start < end <= len(doc.text)
                assert doc.text[start:end].strip()


def gold_texts(doc: NerDocument) -> set[tuple[str, str]]:
    return {(doc.text[m.start : m.end], m.type) for m in doc.gold}


def test_factrueval_loader(shared_data):
    assert token_offset_mismatches(shared_data / "factrueval2016" / "testset") == []
    test = load_dataset("factrueval-test", shared_data)
    dev = load_dataset("factrueval-dev", shared_data)
    assert (len(test), sum(len(d.gold) for d in test)) == (132, 4992)
    assert (len(dev), sum(len(d.gold) for d in dev)) == (122, 2608)
    assert_well_formed(test + dev)
    book_100 = next(doc for doc in dev if doc.id == "book_100")
    assert ("Юрия Лужкова", "PER") in gold_texts(book_100)


def test_factrueval_name_part_is_an_alternative(shared_data):
    (doc,) = [d for d in load_dataset("factrueval-test", shared_data) if d.id == "book_3562"]
    capital = next(m for m in doc.gold if doc.text[m.start : m.end] == "столице Великобритании")
    assert [doc.text[start:end] for start, end in capital.alternatives] == ["Великобритании"]


def test_slavicner_loader(shared_data):
    documents = load_dataset("slavicner", shared_data)
    assert len(documents) == 706
    assert {doc.topic for doc in documents} == {
        "asia_bibi", "brexit", "covid-19", "nord_stream", "russia_-_ukraine_war", "ryanair",
    }
    assert sum(len(doc.gold) for doc in documents) == 15983
    assert_well_formed(documents)
    assert all(m.normal is not None and m.entity_id for doc in documents for m in doc.gold)
    doc = next(d for d in documents if d.id == "Nord_Stream_2_extra.xml_file_1")
    first = doc.gold[0]
    assert (doc.text[first.start : first.end], first.normal, first.entity_id) == (
        "Климкин", "Климкин", "PER-Pavlo-Klimkin",
    )


def test_nerel_loader_keeps_outermost_per_type(shared_data):
    documents = load_dataset("nerel-dev", shared_data)
    assert len(documents) == 94
    assert_well_formed(documents)
    for doc in documents:
        for inner in doc.optional:
            assert any(
                outer.type == inner.type and outer.start <= inner.start and inner.end <= outer.end
                for outer in doc.gold + doc.optional
                if outer != inner
            )
    doc = next(d for d in documents if d.id == "119336")
    assert ("Обамы", "PER") in gold_texts(doc)


def test_benchmark_scores_an_oracle_perfectly(shared_data, capsys, monkeypatch):
    monkeypatch.syspath_prepend(str(ROOT / "benchmarks"))  # its sibling `report`
    spec = importlib.util.spec_from_file_location("ner_benchmark", ROOT / "benchmarks" / "ner_benchmark.py")
    benchmark = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "ner_benchmark", benchmark)  # dataclasses look their module up
    spec.loader.exec_module(benchmark)
    gold_by_text = {
        doc.text: [Prediction(m.start, m.end, m.type, m.normal) for m in doc.gold]
        for name in ("factrueval-test", "slavicner")
        for doc in load_dataset(name, shared_data, limit=5)
    }
    monkeypatch.setitem(benchmark.SYSTEMS, "oracle", lambda: gold_by_text.__getitem__)
    for dataset in ("factrueval-test", "slavicner"):
        args = ["--dataset", dataset, "--systems", "oracle", "--limit", "5", "--json"]
        args += ["--data-dir", str(shared_data)]
        assert benchmark.main(args) == 0
        report = json.loads(capsys.readouterr().out)[dataset]["systems"]["oracle"]
        assert report["micro"]["f1"] == 1.0
    assert report["normalisation"]["accuracy"] == 1.0


def test_the_facts_gold_tool_and_scorer_build_the_same_annotation_text():
    """gold/facts/text.py runs without svodka (annotators never import it); its text must be the
    scorer's, or every gold offset would point elsewhere."""
    import importlib.util

    from conftest import ROOT
    from svodka.evaluation.facts import annotation_text

    spec = importlib.util.spec_from_file_location("facts_text", ROOT / "gold" / "facts" / "text.py")
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    for record in ({"title": "Заголовок", "summary": "Лид.", "content": "Текст."},
                   {"title": "Заголовок", "summary": " \n", "content": "Текст."},
                   {"title": None, "content": "Текст."}):
        assert tool.article_text(record) == annotation_text(record)

"""The stage runner: contracts, named failures, and the same results on one core or many."""
import pytest

from corpus import article_text
from svodka.errors import StageError
from svodka.pipeline import Pipeline, Stage, default_pipeline
from svodka.records import Article, Failure, RawDocument


def raw(number):
    return RawDocument(source=f"a{number}.txt", text=article_text(number))


def broken(article):
    raise ValueError("model exploded")


def test_a_failing_stage_is_named():
    pipeline = Pipeline([*default_pipeline().stages, Stage("entities", broken)])
    with pytest.raises(StageError, match="stage 'entities' failed: ValueError: model exploded") as error:
        pipeline(raw(1))
    assert error.value.source == "a1.txt"


def test_a_stage_breaking_its_contract_is_named():
    pipeline = Pipeline([*default_pipeline().stages, Stage("quotes", lambda article: {"not": "an article"})])
    failure = pipeline.process(raw(1))
    assert isinstance(failure, Failure)
    assert failure.reason == "stage 'quotes' failed: TypeError: returned dict, expected Article"


def test_failures_do_not_stop_the_batch():
    items = [raw(1), RawDocument("menu.txt", "Главная\nНовости\nСпорт"), raw(2)]
    results = list(default_pipeline().map(items))
    assert [type(result) for result in results] == [Article, Failure, Article]
    assert results[1].source == "menu.txt"


def test_many_workers_give_the_same_articles_in_the_same_order():
    items = [raw(number) for number in range(60)]
    one = list(default_pipeline().map(items, workers=1))
    two = list(default_pipeline().map(items, workers=2))
    assert one == two

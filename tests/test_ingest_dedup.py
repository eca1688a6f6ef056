"""Duplicates cost only reading: a document read before is known by its fingerprint before cleaning,
an article stored before (re-scraped with another sidebar) right after cleaning; neither reaches the
language stages, and every source it was seen in is recorded."""
import pytest

from conftest import MEETING
from svodka import pipeline as pipeline_module
from svodka.ingest import ingest
from svodka.pipeline import Stage, default_pipeline
from svodka.sources import ReadOptions, expand
from svodka.store import open_store

TEXT = MEETING.read_text(encoding="utf-8")


def run(store, *paths, pipeline=None):
    return ingest(expand([str(path) for path in paths], ReadOptions()), store, pipeline=pipeline or default_pipeline())


def refusing(stage_name):
    """The default pipeline with `stage_name` failing the test if it runs."""
    def fail(record):
        raise AssertionError(f"{stage_name} ran on {record.source}")
    stages = [Stage(stage.name, fail, stage.returns, stage.takes, None, stage.when) if stage.name == stage_name
              else stage for stage in default_pipeline().stages]
    return pipeline_module.Pipeline(stages)


@pytest.fixture
def stored(tmp_path, db_path):
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    with open_store(db_path) as store:
        assert run(store, path).new == 1
    return path


def test_the_same_document_again_is_not_even_cleaned(stored, db_path):
    with open_store(db_path) as store:
        report = run(store, stored, pipeline=refusing("clean"))
        assert (report.new, report.duplicate, report.failures) == (0, 1, [])


def test_a_copy_in_another_file_is_known_by_its_fingerprint(stored, tmp_path, db_path):
    copy = tmp_path / "copy.txt"
    copy.write_text(TEXT, encoding="utf-8")
    with open_store(db_path) as store:
        report = run(store, copy, pipeline=refusing("clean"))
        article_id = store.latest(1)[0].id
        assert report.duplicate == 1 and store.sources_of(article_id) == [str(stored), str(copy)]


def test_a_rescrape_with_another_sidebar_is_cleaned_but_skips_the_language_stages(stored, tmp_path, db_path):
    rescraped = tmp_path / "b.txt"
    rescraped.write_text(TEXT + "\n\nПоследние новости\n\nДругая новость дня\n1 мая 2024\n", encoding="utf-8")
    with open_store(db_path) as store:
        report = run(store, rescraped, pipeline=refusing("entities"))
        assert (report.new, report.duplicate, report.failures) == (0, 1, [])
        assert len(store.sources_of(store.latest(1)[0].id)) == 2


def test_a_duplicate_inside_one_run_is_stored_once(tmp_path, db_path):
    for name in ("x.txt", "y.txt"):
        (tmp_path / name).write_text(TEXT, encoding="utf-8")
    with open_store(db_path) as store:
        report = run(store, tmp_path / "x.txt", tmp_path / "y.txt")
        assert (report.new, report.duplicate) == (1, 1)
        assert store.stats()["articles"] == 1 and store.stats()["sources"] == 2

"""`svodka export --format parquet|gexf|graphml`: every table as Parquet (what the store holds, offsets
that point into the text, a batch at a time, whole files or none) and the entity graph for Gephi
and networkx (edge weights as the store counts them)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from facts import call_article, meeting_article
from news import news_store

from svodka.cli import main
from svodka.store import open_store

pq = pytest.importorskip("pyarrow.parquet")
nx = pytest.importorskip("networkx")

from svodka.export import parquet as parquet_export  # noqa: E402
from svodka.export.parquet import COLUMNS  # noqa: E402

README = Path(__file__).parent.parent / "README.md"


def run(*args):
    return CliRunner().invoke(main, [str(arg) for arg in args])


@pytest.fixture
def store_path(tmp_path):
    path = tmp_path / "news.db"
    store = news_store(path)
    facts = [meeting_article(), call_article()]
    store.add(facts)
    store.cluster(facts)
    store.close()
    return path


def tables(folder: Path) -> dict[str, list[dict]]:
    return {table: pq.read_table(folder / f"{table}.parquet").to_pylist() for table in COLUMNS}


@pytest.mark.parametrize("batch", [1000, 2])
def test_parquet_tables_hold_what_the_store_holds(store_path, tmp_path, monkeypatch, batch):
    monkeypatch.setattr(parquet_export, "BATCH", batch)
    out = tmp_path / "tables"
    result = run("export", "--format", "parquet", "--out", out, "--db", store_path)
    assert result.exit_code == 0, result.output
    got = tables(out)
    with open_store(store_path) as store:
        stats = store.stats()
        articles = {article.id: article for article in store.articles()}
        stories = store.stories_of(list(articles))
    assert len(got["articles"]) == stats["articles"] and len(got["quotes"]) == stats["quotes"]
    assert len(got["events"]) == stats["events"] and len(got["stories"]) == stats["stories"]
    assert len(got["mentions"]) == stats["mentions"]
    assert {row["id"]: row["story"] for row in got["articles"]} == stories
    for row in got["mentions"]:
        assert articles[row["article_id"]].text[row["start"]:row["end"]] == row["text"]
    for row in got["quotes"]:
        assert articles[row["article_id"]].text[row["start"]:row["end"]] == row["text"]
    linked = {row["entity_id"] for row in got["mentions"] if row["entity_id"]}
    assert linked <= {row["id"] for row in got["entities"]}
    assert len({row["id"] for row in got["entities"]}) == len(got["entities"]), "each entity once"
    assert sum(row["articles"] for row in got["stories"]) == len(got["articles"])
    event = next(row for row in got["events"] if row["type"] == "meeting")
    assert {participant["role"] for participant in event["participants"]} and event["evidence"]
    assert f"{len(got['articles'])} articles" in result.output


def test_a_failed_export_leaves_no_file_behind(store_path, tmp_path, monkeypatch):
    def broken(self):
        yield from []
        raise OSError("the disk went away")
    monkeypatch.setattr(parquet_export, "BATCH", 1)
    with open_store(store_path) as store:
        monkeypatch.setattr(type(store), "every_story_card", broken)
        with pytest.raises(OSError):
            parquet_export.export_parquet(store, tmp_path / "half")
    assert list((tmp_path / "half").iterdir()) == []


def test_parquet_needs_a_folder(store_path, tmp_path):
    assert run("export", "--format", "parquet", "--db", store_path).exit_code == 2
    (tmp_path / "file").write_text("x")
    assert run("export", "--format", "parquet", "--out", tmp_path / "file", "--db", store_path).exit_code == 2


def test_every_parquet_column_is_documented_in_the_readme():
    text = README.read_text(encoding="utf-8")
    section = text[text.index("### Parquet tables"):]
    for table, columns in COLUMNS.items():
        row = re.search(rf"^\| `{table}` \|(.+)$", section, re.M)
        assert row, f"README has no row for {table}"
        for name, _, _ in columns:
            assert f"`{name}`" in row.group(1), f"{table}.{name} is not documented"


@pytest.mark.parametrize("fmt, read", [("gexf", "read_gexf"), ("graphml", "read_graphml")])
def test_the_entity_graph_counts_articles_and_events(store_path, tmp_path, fmt, read):
    out = tmp_path / f"graph.{fmt}"
    result = run("export", "--format", fmt, "--out", out, "--db", store_path)
    assert result.exit_code == 0, result.output
    graph = getattr(nx, read)(out)
    with open_store(store_path) as store:
        putin, lukashenko = (store.find_entities(name)[0] for name in ("Путин", "Лукашенко"))
        both = [article for article in store.articles()
                if {putin.id, lukashenko.id} <= {m.entity for m in article.mentions if m.kind != "byline"}]
        met = [event for article in both for event in article.events if event.type == "meeting"
               and event.status == "happened" and {putin.id, lukashenko.id} <= {p.entity for p in event.participants}]
    edges = graph.get_edge_data(putin.id, lukashenko.id)
    kinds = {(data["kind"], data.get("event_type") or ""): int(data["weight"]) for data in edges.values()}
    assert kinds[("cooccurrence", "")] == len(both) >= 2
    assert kinds[("event", "meeting")] == len(met) >= 1
    assert graph.nodes[putin.id]["label"] == putin.name and graph.nodes[putin.id]["type"] == "PER"


def test_min_weight_drops_rare_pairs(store_path, tmp_path):
    every, strong = tmp_path / "all.graphml", tmp_path / "strong.graphml"
    run("export", "--format", "graphml", "--out", every, "--db", store_path)
    run("export", "--format", "graphml", "--min-weight", 2, "--out", strong, "--db", store_path)
    every, strong = nx.read_graphml(every), nx.read_graphml(strong)
    assert 0 < strong.number_of_edges() < every.number_of_edges()
    assert all(int(data["weight"]) >= 2 for _, _, data in strong.edges(data=True))

"""Exports of a store: articles as JSONL or CSV (`text`), events as JSONL, CSV or GDELT-style TSV
(`gdelt`), every table as Parquet (`parquet`), and the entity graph as GEXF or GraphML (`graph`)."""

GRAPH_FORMATS = ("gexf", "graphml")

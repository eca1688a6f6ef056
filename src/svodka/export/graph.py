"""The whole store's entity graph as GEXF (Gephi) or GraphML (networkx, yEd, Cytoscape).

Nodes are entities (`label` its name, `type`, `articles`: how many articles name it). Edges are of
two kinds, as the API's graph around one entity: `cooccurrence` — `weight` articles name both — and
`event` — `weight` events of `event_type` (happened ones) in which both take part. An article that
names someone only in its byline does not count for them. The counts are kept in memory, one
per pair of entities that ever met; `min_weight` drops the rarer pairs from the file."""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from itertools import combinations
from pathlib import Path

import networkx as nx

from ..records import Article, Entity
from . import GRAPH_FORMATS

FORMATS = {"gexf": nx.write_gexf, "graphml": nx.write_graphml}
assert tuple(FORMATS) == GRAPH_FORMATS


def entity_graph(articles: Iterable[Article], min_weight: int = 1,
                 progress: Callable[[int], None] | None = None) -> nx.MultiGraph:
    named: Counter = Counter()
    together: Counter = Counter()
    in_events: Counter = Counter()
    entities: dict[str, Entity] = {}
    for article in articles:
        ids = sorted({mention.entity for mention in article.mentions if mention.entity and mention.kind != "byline"})
        named.update(ids)
        together.update(combinations(ids, 2))
        for event in article.events:
            if event.status == "happened":
                taking_part = sorted({participant.entity for participant in event.participants})
                in_events.update((a, b, event.type) for a, b in combinations(taking_part, 2))
        for entity in article.entities:
            entities[entity.id] = entity
        if progress:
            progress(1)
    return _graph(entities, named, together, in_events, min_weight)


def _graph(entities: dict[str, Entity], named: Counter, together: Counter, in_events: Counter,
           min_weight: int) -> nx.MultiGraph:
    graph = nx.MultiGraph()
    edges = [(a, b, "cooccurrence", {"kind": "cooccurrence", "event_type": "", "weight": count})
             for (a, b), count in together.items() if count >= min_weight]
    edges += [(a, b, f"event:{kind}", {"kind": "event", "event_type": kind, "weight": count})
              for (a, b, kind), count in in_events.items() if count >= min_weight]
    for entity_id in sorted({node for a, b, _, _ in edges for node in (a, b)}):
        entity = entities.get(entity_id)
        graph.add_node(entity_id, label=entity.name if entity else entity_id, type=entity.type if entity else "",
                       articles=named[entity_id])
    graph.add_edges_from(sorted(edges, key=lambda edge: edge[:3]))
    return graph


def write_graph(graph: nx.MultiGraph, path: Path, fmt: str) -> None:
    """Write under a temporary name, then rename: a file that is there is whole."""
    partial = path.with_name(f".{path.name}.partial")
    try:
        FORMATS[fmt](graph, partial)
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)

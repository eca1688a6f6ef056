"""Charts drawn on the server as SVG markup: no script, no library, nothing fetched. Every label is
escaped here, since the markup is put into pages as it is."""
from __future__ import annotations

import math
from html import escape

from .russian import short_day


def bars(counts: list[tuple[str, int]], width: int = 640, height: int = 120, label: str = "") -> str:
    """A bar per day (ISO date, count), oldest first; each bar titled with its day and count."""
    if not counts:
        return ""
    top = max(count for _, count in counts) or 1
    step = min(width / len(counts), 24.0)  # a few days are narrow bars, not blocks
    parts = [f'<svg class="chart" viewBox="0 0 {width} {height + 18}" role="img" aria-label="{escape(label)}" '
             f'xmlns="http://www.w3.org/2000/svg">']
    for index, (day, count) in enumerate(counts):
        tall = max(1.0, (height - 4) * count / top)
        parts.append(f'<rect x="{index * step:.1f}" y="{height - tall:.1f}" width="{max(1.0, step - 1):.1f}" '
                     f'height="{tall:.1f}"><title>{escape(day)}: {count}</title></rect>')
    for index in sorted({0, len(counts) - 1}):
        anchor = "start" if index == 0 else "end"
        x = 0 if index == 0 else width
        parts.append(f'<text x="{x}" y="{height + 14}" text-anchor="{anchor}">{escape(short_day(counts[index][0]))}</text>')
    parts.append("</svg>")
    return "".join(parts)


def graph(center: tuple[str, str], nodes: list[tuple[str, str, str, int]], edges: list[tuple[str, str, str, int]],
          link, size: int = 520) -> str:
    """The entity in the middle, its neighbours on a circle (sized by shared articles); co-occurrence
    edges grey, event edges coloured, their width by weight. `link(id)` is each node's page."""
    middle = size / 2
    radius = size / 2 - 70
    where = {center[0]: (middle, middle)}
    others = [node for node in nodes if node[0] != center[0]]
    for index, node in enumerate(others):
        angle = 2 * math.pi * index / max(1, len(others)) - math.pi / 2
        where[node[0]] = (middle + radius * math.cos(angle), middle + radius * math.sin(angle))
    heaviest = max((weight for *_, weight in edges), default=1) or 1
    parts = [f'<svg class="graph" viewBox="0 0 {size} {size}" role="img" aria-label="Граф связей" '
             f'xmlns="http://www.w3.org/2000/svg">']
    for source, target, kind, weight in edges:
        if source in where and target in where:
            (x1, y1), (x2, y2) = where[source], where[target]
            parts.append(f'<line class="{"event" if kind == "event" else "together"}" x1="{x1:.0f}" y1="{y1:.0f}" '
                         f'x2="{x2:.0f}" y2="{y2:.0f}" stroke-width="{1 + 5 * weight / heaviest:.1f}">'
                         f'<title>{weight}</title></line>')
    largest = max((node[3] for node in nodes), default=1) or 1
    for node_id, name, type, articles in nodes:
        x, y = where[node_id]
        r = 6 + 14 * math.sqrt(articles / largest)
        parts.append(f'<a href="{escape(link(node_id))}"><circle class="{escape(type.lower())}" cx="{x:.0f}" cy="{y:.0f}" '
                     f'r="{r:.0f}"><title>{escape(name)}: {articles}</title></circle>'
                     f'<text x="{x:.0f}" y="{y + r + 12:.0f}" text-anchor="middle">{escape(name)}</text></a>')
    parts.append("</svg>")
    return "".join(parts)

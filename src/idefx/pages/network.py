"""The meeting network as an interactive, self-contained HTML page (or section of one).

Positions are laid out here (networkx's spring layout, seeded, so the same store draws the same picture);
``network.js`` draws the nodes and edges as SVG and adds hover cards, a meetings panel on click, a search box
and a date range.
"""

from __future__ import annotations

import html
import math
from collections import Counter
from typing import Callable, Optional

from idefx.graph import meeting_countries, networkx
from idefx.network import Network, country_label
from idefx.pages import json_script, page

WIDTH, HEIGHT = 1000, 640
PALETTE = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f",
           "#86bcb6"]
OTHER = "#b8b8b8"
EVIDENCE_CHARS = 320


def _place(m: dict) -> str:
    return ", ".join(x for x in (m["venue"], m["city"], country_label(m["country"])) if x)


def _shortened(evidence: str) -> str:
    """Evidence cut to its first EVIDENCE_CHARS characters, at a word break: a reminder, the document has the rest."""
    if len(evidence) <= EVIDENCE_CHARS:
        return evidence
    return evidence[:EVIDENCE_CHARS].rsplit(" ", 1)[0] + " …"


def _layout(node_ids: list, pairs: Counter) -> dict:
    """Seeded spring-layout positions scaled to the drawing area: each connected group laid out on its own and
    the groups packed in rows, largest first, so small groups do not ring the large one."""
    nx = networkx()
    simple = nx.Graph()
    simple.add_nodes_from(node_ids)
    simple.add_weighted_edges_from((a, b, w) for (a, b), w in pairs.items() if a != b)
    groups = sorted(nx.connected_components(simple), key=lambda g: (-len(g), min(map(str, g))))
    placed, x, y, row_height = {}, 0.0, 0.0, 0.0
    area = sum((math.sqrt(len(group)) + 0.6) ** 2 for group in groups)
    row_width = math.sqrt(area * WIDTH / HEIGHT)
    for group in groups:
        side = math.sqrt(len(group))
        if x and x + side > row_width:
            x, y, row_height = 0.0, y + row_height + 0.6, 0.0
        pos = nx.spring_layout(simple.subgraph(group), seed=7, iterations=60) if len(group) > 1 else {
            next(iter(group)): (0.0, 0.0)}
        for node, (px, py) in pos.items():
            placed[node] = (x + side * (px + 1) / 2, y + side * (py + 1) / 2)
        x, row_height = x + side + 0.6, max(row_height, side)
    if not placed:
        return {}
    xs = [p[0] for p in placed.values()]
    ys = [p[1] for p in placed.values()]
    scale = min((WIDTH - 80) / ((max(xs) - min(xs)) or 1), (HEIGHT - 80) / ((max(ys) - min(ys)) or 1))
    return {n: (round(40 + (p[0] - min(xs)) * scale, 1), round(40 + (p[1] - min(ys)) * scale, 1))
            for n, p in placed.items()}


def network_model(net: Network, by: str = "person", doc_href: Optional[Callable[[str], str]] = None) -> dict:
    """The page's data: nodes with positions and colours, edges (pairs with their meetings), meetings, months."""
    if by == "country":
        members = [meeting_countries(m) for m in net.meetings]
        counts = Counter(code for codes in members for code in codes)
        nodes = {code: {"id": code, "label": country_label(code), "country": code, "countryName": "",
                        "titles": "", "orgs": "", "meetings": n} for code, n in counts.items()}
    else:
        members = [[str(pid) for pid in m["people"]] for m in net.meetings]
        nodes = {str(pid): {"id": str(pid), "label": p["name"], "country": p["country"],
                            "countryName": country_label(p["country"]),
                            "titles": "; ".join(p["titles"]), "orgs": "; ".join(p["organisations"]),
                            "meetings": p["meetings"]} for pid, p in net.people.items()}
    months = sorted({m["date"][:7] for m in net.meetings if len(m["date"]) >= 7})
    month_index = {month: i for i, month in enumerate(months)}
    meetings, pairs, edge_meetings, documents = [], Counter(), {}, {}
    for m, ids in zip(net.meetings, members):
        index = len(meetings)
        meetings.append({"date": m["date"], "month": month_index.get(m["date"][:7], -1),
                         "who": ", ".join(m["participants"]),
                         "nodes": ids, "place": _place(m), "event": m["event"], "mode": m["mode"],
                         "doc": documents.setdefault(m["document"], len(documents)),
                         "evidence": _shortened(m["evidence"])})
        for i, a in enumerate(ids):
            for b in ids[i + 1:]:
                key = (a, b) if a < b else (b, a)
                pairs[key] += 1
                edge_meetings.setdefault(key, []).append(index)
    positions = _layout(list(nodes), pairs)
    colours = {code: PALETTE[i] for i, (code, _) in enumerate(
        Counter(n["country"] for n in nodes.values() if n["country"]).most_common(len(PALETTE)))}
    for node_id, node in nodes.items():
        node["x"], node["y"] = positions[node_id]
        node["r"] = round(4 + 3 * math.sqrt(node["meetings"]), 1)
        node["colour"] = colours.get(node["country"], OTHER)
    legend = [{"country": country_label(code), "colour": colour} for code, colour in colours.items()]
    return {"by": by, "width": WIDTH, "height": HEIGHT, "nodes": list(nodes.values()),
            "edges": [{"a": a, "b": b, "meetings": edge_meetings[(a, b)]} for a, b in pairs],
            "meetings": meetings, "months": months, "legend": legend,
            "documents": [{"id": doc, "href": doc_href(doc) if doc_href else ""} for doc in documents]}


def network_section(net: Network, by: str = "person", doc_href: Optional[Callable[[str], str]] = None) -> str:
    """The network's markup and data, to go in a page that also inlines ``network.css`` and ``network.js``."""
    model = network_model(net, by, doc_href)
    noun = "countries" if by == "country" else "people"
    return (f'<section class="network" aria-label="meeting network">'
            f'<div class="controls"><input id="net-search" type="search" placeholder="Search {noun}" '
            f'aria-label="Search {noun}"> <label>From <input id="net-from" type="range" min="0" '
            f'max="{max(len(model["months"]) - 1, 0)}" value="0"></label> <label>to <input id="net-to" type="range" '
            f'min="0" max="{max(len(model["months"]) - 1, 0)}" value="{max(len(model["months"]) - 1, 0)}"></label> '
            f'<span id="net-range" class="muted"></span> <span id="net-count" class="muted"></span></div>'
            f'<div class="net-body"><svg id="net-svg" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
            f'aria-label="meeting network"></svg><aside id="net-details"><p class="muted">Click a node to see its '
            f'meetings and their evidence.</p></aside></div><div id="net-legend"></div><div id="net-tip" hidden>'
            f'</div>{json_script("net-data", model)}</section>')


def network_page(net: Network, by: str = "person", title: str = "idefx meeting network") -> str:
    """A whole page holding the interactive network."""
    heading = (f"<main><h1>{html.escape(title)}</h1><p class='muted'>{len(net.meetings)} meetings, "
               f"{len(net.people)} people. Node colour: country; size: meetings.</p>")
    return page(title, heading + network_section(net, by) + "</main>", styles=("network.css",),
                scripts=("network.js",))

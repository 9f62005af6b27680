"""The meeting network as a graph file: GraphML and GEXF (through networkx) for Gephi and Cytoscape, DOT for
Graphviz.

People are nodes and each meeting is one edge between each pair of its participants (a meeting with one named
participant is a loop on that person); with ``by="country"`` countries are nodes and edges carry the number of
meetings between the two countries as their weight. GraphML and GEXF hold no lists, so list values are joined
with "; ". The graph attribute ``meetings`` counts the meetings the filters kept.
"""

from __future__ import annotations

from collections import Counter
from itertools import combinations
from typing import IO

from idefx.errors import EXIT_USAGE, IdefxError
from idefx.network import Network, country_label

FORMATS = ("graphml", "gexf", "dot", "html")
GRAPH_EXTRA = "pip install 'idefx[graph]'"


class MissingExtra(IdefxError):
    """A command needs an optional dependency that is not installed."""

    exit_code = EXIT_USAGE


def networkx():
    """The networkx module, or MissingExtra naming the extra that brings it."""
    try:
        import networkx
    except ImportError:
        raise MissingExtra(f"this needs networkx, which is not installed: {GRAPH_EXTRA}") from None
    return networkx


def _joined(values) -> str:
    return "; ".join(values)


def people_graph(net: Network):
    """A networkx MultiGraph: one node per person, one edge per meeting and pair of participants."""
    nx = networkx()
    graph = nx.MultiGraph(meetings=len(net.meetings))
    for pid, p in net.people.items():
        graph.add_node(pid, label=p["name"], country=p["country"], titles=_joined(p["titles"]),
                       organisation=_joined(p["organisations"]), meetings=p["meetings"])
    for a, b, m in net.pairs():
        graph.add_edge(a, b, key=f"m{m['id']}", meeting=m["id"], date=m["date"], mode=m["mode"],
                       place=", ".join(x for x in (m["venue"], m["city"], country_label(m["country"])) if x),
                       event=m["event"], document=m["document"], parties=_joined(m["parties"]),
                       evidence_start=m["evidence_start"] if m["evidence_start"] is not None else -1,
                       evidence_end=m["evidence_end"] if m["evidence_end"] is not None else -1)
    return graph


def meeting_countries(meeting: dict) -> list[str]:
    """The countries a meeting joins: its parties, else where it was held."""
    return sorted(set(meeting["parties"])) or ([meeting["country"]] if meeting["country"] else [])


def country_graph(net: Network):
    """A networkx Graph: one node per country, edges weighted by the meetings between two countries."""
    nx = networkx()
    graph = nx.Graph(meetings=len(net.meetings))
    nodes, weights = Counter(), Counter()
    for meeting in net.meetings:
        codes = meeting_countries(meeting)
        nodes.update(codes)
        weights.update(combinations(codes, 2))
    for code, n in nodes.items():
        graph.add_node(code, label=country_label(code), meetings=n)
    for (a, b), n in weights.items():
        graph.add_edge(a, b, weight=n)
    return graph


def _dot_id(value) -> str:
    text = str(value).replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")
    return f'"{text}"'


def write_dot(graph, out: IO[str]) -> None:
    """Graphviz DOT: ``graph`` (undirected), with each node's and edge's attributes."""
    out.write("graph idefx {\n  node [shape=ellipse];\n")
    for node, attrs in graph.nodes(data=True):
        fields = " ".join(f"{k}={_dot_id(v)}" for k, v in attrs.items())
        out.write(f"  {_dot_id(node)} [{fields}];\n")
    edges = graph.edges(data=True)
    for a, b, attrs in edges:
        fields = " ".join(f"{k}={_dot_id(v)}" for k, v in attrs.items() if v != "")
        out.write(f"  {_dot_id(a)} -- {_dot_id(b)} [{fields}];\n")
    out.write("}\n")


def write_graph(graph, fmt: str, out: IO[str]) -> None:
    """Write ``graph`` as GraphML, GEXF or DOT text."""
    nx = networkx()
    if fmt == "dot":
        write_dot(graph, out)
        return
    lines = nx.generate_graphml(graph) if fmt == "graphml" else nx.generate_gexf(graph)
    for line in lines:
        out.write(line + "\n")

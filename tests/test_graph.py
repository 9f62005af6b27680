"""`idefx graph`: GraphML, GEXF and DOT exports of the stored meetings, read back with networkx; the count
check against `idefx meetings` on the shared development set; a missing graph extra refused in one line."""

import json
import sys
from pathlib import Path

import networkx as nx
import pytest
from typer.testing import CliRunner

from idefx.cli import app
from picture_records import saved_store

runner = CliRunner()
DEV = Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev"


def idefx(*args, code=0):
    result = runner.invoke(app, [str(a) for a in args])
    assert result.exit_code == code, result.output
    return result


@pytest.fixture
def db(tmp_path):
    return saved_store(tmp_path / "kb.sqlite3")


def test_graphml_people_and_meetings(db, tmp_path):
    out = tmp_path / "net.graphml"
    idefx("graph", "--db", db, "--format", "graphml", "--out", out)
    graph = nx.read_graphml(out)
    names = {attrs["label"]: attrs for _, attrs in graph.nodes(data=True)}
    assert set(names) == {"Ana Valdivia", "Tomas Kral", "Ilse Verhoeven", "Grace Odhiambo"}
    assert names["Ana Valdivia"]["meetings"] == 3 and names["Ana Valdivia"]["country"] == "CL"
    assert names["Tomas Kral"]["titles"] == "Defence Minister"
    assert names["Tomas Kral"]["organisation"] == "Ministry of Defence"
    edges = [attrs for *_, attrs in graph.edges(data=True)]
    assert len(edges) == 3 and graph.graph["meetings"] == 3
    forum = next(e for e in edges if e["event"])
    assert forum["date"] == "2024-03-12" and forum["place"] == "Moneda Palace, Santiago, Chile"
    assert forum["document"] == "valdivia-visit" and forum["evidence_end"] > forum["evidence_start"] >= 0
    assert {e["mode"] for e in edges} == {"in_person", "video"}


def test_filters_are_those_of_meetings(db):
    result = idefx("graph", "--db", db, "--format", "gexf", "--since", "2025")
    graph = nx.read_gexf(__import__("io").BytesIO(result.stdout.encode()))
    assert sorted(attrs["label"] for _, attrs in graph.nodes(data=True)) == ["Ana Valdivia", "Grace Odhiambo"]
    assert graph.number_of_edges() == 1


def test_by_country_weights_edges_by_meetings(db, tmp_path):
    out = tmp_path / "countries.graphml"
    idefx("graph", "--db", db, "--by", "country", "--out", out)
    graph = nx.read_graphml(out)
    assert graph.nodes["CL"]["meetings"] == 3 and graph.nodes["CL"]["label"] == "Chile"
    assert {tuple(sorted(e)): w for *e, w in graph.edges(data="weight")} == {
        ("CL", "CZ"): 1, ("CL", "NL"): 1, ("CL", "KE"): 1}


def test_dot_names_every_node_and_edge(db):
    dot = idefx("graph", "--db", db, "--format", "dot").stdout
    assert dot.startswith("graph idefx {") and dot.rstrip().endswith("}")
    assert dot.count(" -- ") == 3 and 'label="Grace Odhiambo"' in dot
    assert 'mode="video"' in dot


def test_dot_quotes_names(tmp_path):
    from idefx.graph import write_dot

    graph = nx.Graph()
    graph.add_node("1", label='Say "hi" \\ now')
    out = __import__("io").StringIO()
    write_dot(graph, out)
    assert 'label="Say \\"hi\\" \\\\ now"' in out.getvalue()


def test_without_networkx_one_line_and_exit_2(db, monkeypatch):
    monkeypatch.setitem(sys.modules, "networkx", None)
    result = idefx("graph", "--db", db, code=2)
    assert result.output.count("\n") == 1 and "idefx[graph]" in result.output
    assert idefx("report", "--db", db, code=2).output.count("\n") == 1


def test_bad_date_is_one_line(db):
    result = idefx("graph", "--db", db, "--since", "March", code=2)
    assert "--since" in result.output and "Traceback" not in result.output


@pytest.mark.skipif(not DEV.is_dir(), reason="shared development set absent")
def test_dev_set_graphml_counts_match_meetings(tmp_path):
    store = tmp_path / "dev.sqlite3"
    idefx("extract", *sorted(DEV.glob("*.txt")), "--db", store, "--format", "jsonl", "--no-progress")
    meetings = json.loads(idefx("meetings", "--db", store, "--format", "json").stdout)
    out = tmp_path / "dev.graphml"
    idefx("graph", "--db", store, "--out", out)
    graph = nx.read_graphml(out)
    people = {name for m in meetings for name in m["participants"]}
    assert graph.graph["meetings"] == len(meetings)
    assert len({attrs["meeting"] for *_, attrs in graph.edges(data=True)}) == sum(1 for m in meetings
                                                                                   if m["participants"])
    assert {attrs["label"] for _, attrs in graph.nodes(data=True)} == people
    pairs = sum(max(len(m["participants"]) * (len(m["participants"]) - 1) // 2, 1) for m in meetings
                if m["participants"])
    assert graph.number_of_edges() == pairs

"""The HTML pages as text: annotated documents (extract --format html), the network page and the report;
what they highlight, link and escape. Their behaviour in a browser is in test_browser.py."""

import json
import re
import sqlite3

from typer.testing import CliRunner

from idefx.cli import app
from idefx.network import load
from idefx.pages.document import documents_page, entity_spans
from idefx.pages.network import network_page
from idefx.pages.report import month_chart, report_page
from idefx.resources import data_path
from picture_records import VALDIVIA, saved_store, valdivia_record

runner = CliRunner()


def idefx(*args, code=0):
    result = runner.invoke(app, [str(a) for a in args])
    assert result.exit_code == code, result.output
    return result


def test_highlights_do_not_overlap_and_titles_fill_gaps():
    spans = entity_spans(valdivia_record(), VALDIVIA)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))
    found = {(VALDIVIA[a:b], label) for a, b, label in spans}
    assert {("Ana Valdivia", "PERSON"), ("Foreign Minister", "TITLE"), ("Prime Minister", "TITLE"),
            ("Andes Security Forum", "EVENT"), ("Moneda Palace", "VENUE"), ("Czechia", "COUNTRY"),
            ("12 March 2024", "DATE"), ("Valdivia", "PERSON")} <= found


def test_document_page_marks_each_span_and_links_each_meeting():
    record = valdivia_record()
    page = documents_page([(record, VALDIVIA)])
    assert page.count('<mark class="entity"') == len(entity_spans(record, VALDIVIA))
    assert page.count('<li class="meeting"') == 2
    for n in (1, 2):
        assert f'href="#d1-m{n}-ev"' in page and f'id="d1-m{n}-ev"' in page
    assert 'class="spans"' in page  # the evidence drawn by displaCy's span renderer
    assert "<script src" not in page and "http" not in page.split("<body>")[1]


def test_document_text_is_escaped():
    text = "<b>Lee</b> met Kim."
    from idefx.records import DocumentRecord, Meeting, Person, Span
    record = DocumentRecord(id="x", sha256="c" * 64,
                            people=[Person(name="Lee", mentions=[Span(start=3, end=6, text="Lee")])],
                            meetings=[Meeting(participants=["Lee"], evidence=[Span(start=0, end=len(text), text=text)])])
    page = documents_page([(record, text)])
    assert "<b>Lee" not in page and "&lt;b&gt;" in page


def test_extract_html_reads_the_file_again(tmp_path):
    out = tmp_path / "doc.html"
    idefx("extract", data_path("samples/idef-2023-trend.txt"), "--format", "html", "--no-save", "--output", out)
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and page.count('<li class="meeting"') >= 1
    assert "Vugar Mustafayev" in page


def test_extract_html_refuses_stdin():
    result = idefx("extract", "-", "--format", "html", code=2)
    assert "stdin" in result.output and result.output.count("\n") == 1


def test_network_data_cannot_close_its_script(tmp_path):
    db = saved_store(tmp_path / "kb.sqlite3")
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE people SET name = '</script><script>alert(1)</script>' WHERE name = 'Tomas Kral'")
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    page = network_page(load(conn))
    assert "alert(1)</script>" not in page
    data = json.loads(re.search(r'id="net-data">(.*?)</script>', page).group(1))
    assert any(n["label"].startswith("</script>") for n in data["nodes"])
    assert len(data["nodes"]) == 4 and len(data["meetings"]) == 3
    assert [d["id"] for d in data["documents"]] == ["valdivia-visit", "odhiambo-talks"]


def test_long_evidence_is_cut_at_a_word():
    from idefx.pages.network import EVIDENCE_CHARS, _shortened

    cut = _shortened("word " * 200)
    assert cut.endswith(" …") and len(cut) <= EVIDENCE_CHARS + 2 and "wor …" not in cut
    assert _shortened("Short.") == "Short."


def test_month_chart_has_a_bar_for_every_month_between_first_and_last():
    chart = month_chart([{"date": "2024-11-02"}, {"date": "2025-02-10"}, {"date": "2025-02"}, {"date": ""}])
    assert chart.count('<rect class="bar"') == 4
    assert "2025-02: 2 meetings" in chart and "2024-12: 0 meetings" in chart


def test_report_links_document_views(tmp_path):
    db = saved_store(tmp_path / "kb.sqlite3", with_files_in=tmp_path)
    out = tmp_path / "site" / "report.html"
    out.parent.mkdir()
    idefx("report", "--db", db, "--out", out, "--views", tmp_path / "site" / "views")
    page = out.read_text(encoding="utf-8")
    links = re.findall(r'href="(views/[^"]+)"', page)
    assert len(links) == 2 and all((out.parent / link).is_file() for link in links)
    assert '<div class="tile"><b>2</b><span>documents</span>' in page
    assert "Chile – Czechia" in page


def test_report_says_which_documents_have_no_view(tmp_path):
    db = saved_store(tmp_path / "kb.sqlite3", with_files_in=tmp_path)
    (tmp_path / "odhiambo-talks.txt").write_text("changed", encoding="utf-8")
    result = idefx("report", "--db", db, "--out", tmp_path / "r.html", "--views", tmp_path / "views")
    assert "1 document(s) could not be read again" in result.output and "odhiambo-talks" in result.output
    assert len(list((tmp_path / "views").iterdir())) == 1


def test_report_of_an_empty_store(tmp_path):
    from idefx import store
    conn = store.connect(tmp_path / "empty.sqlite3")
    page = report_page(conn)
    assert "No dated meetings" in page and "<b>0</b><span>meetings</span>" in page


def test_show_a_stored_document_as_a_page(tmp_path):
    db = saved_store(tmp_path / "kb.sqlite3", with_files_in=tmp_path)
    page = idefx("show", "odhiambo-talks", "--format", "html", "--db", db).output
    assert page.startswith("<!DOCTYPE html>") and page.count('<li class="meeting"') >= 1
    assert "Grace Odhiambo" in page and "Tomas Kral" not in page


def test_show_html_of_an_unknown_or_changed_document_is_one_line(tmp_path):
    db = saved_store(tmp_path / "kb.sqlite3", with_files_in=tmp_path)
    missing = idefx("show", "no-such-document", "--format", "html", "--db", db, code=2)
    assert "no stored document matches" in missing.output and missing.output.count("\n") == 1
    (tmp_path / "odhiambo-talks.txt").write_text("changed", encoding="utf-8")
    changed = idefx("show", "odhiambo-talks", "--format", "html", "--db", db, code=2)
    assert "no longer holds the text" in changed.output and changed.output.count("\n") == 1

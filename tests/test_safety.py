"""Safe output: CSV formula neutralisation, terminal sequence stripping, always-valid UTF-8 JSON (idefx.safety)."""

import csv
import io
import json

import pytest

from idefx.output import record_json, write_records
from idefx.records import DocumentRecord, Meeting, Person, Span
from idefx.safety import csv_cell, json_safe, one_line, terminal_text, unicode_safe


@pytest.mark.parametrize("value", ["=HYPERLINK(\"http://x\",\"y\")", "+1+1", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd"])
def test_formula_triggers_get_a_quote(value):
    assert csv_cell(value) == "'" + value


@pytest.mark.parametrize("value", ["Hulusi Akar", "2023-07-26", "", "a=b", " =x", 5, None])
def test_other_cells_are_unchanged(value):
    assert csv_cell(value) == value


def test_csv_cell_replaces_lone_surrogates():
    assert csv_cell("=a\ud800") == "'=a\ufffd"


@pytest.mark.parametrize("raw,shown", [
    ("Akar\x1b[31m met\x1b[0m envoy", "Akar met envoy"),                         # colour (CSI)
    ("\x1b[2J\x1b[HAkar", "Akar"),                                              # clear screen, cursor home
    ("\x1b]0;pwned\x07Akar", "Akar"),                                           # window title (OSC ... BEL)
    ("\x1b]8;;http://evil\x1b\\link\x1b]8;;\x1b\\", "link"),                    # hyperlink (OSC ... ST)
    ("Akar\x9b31mX", "AkarX"),                                                  # 8-bit CSI
    ("a\x00b\x07c\x08d\x7fe\x85f", "abcdef"),                                   # C0, DEL, C1
    ("\u202eevil\u202c txt", "evil txt"),                                       # bidi override
    ("line one\n\tline two", "line one\n\tline two"),                           # kept
    ("Türkiye – İtalya", "Türkiye – İtalya"),
])
def test_terminal_text(raw, shown):
    assert terminal_text(raw) == shown


def test_one_line_escapes_what_would_break_or_spoof_a_line():
    assert one_line("a\nb\r\x1b[2J\tc\u202e\udcff.txt") == "a\\nb\\r\\x1b[2J\\tc\\u202e\\udcff.txt"
    assert one_line("Türkiye – İtalya.txt") == "Türkiye – İtalya.txt"


def test_unicode_safe_keeps_length_and_valid_pairs():
    text = "a\ud800b\udfffc\U0001f600"
    safe = unicode_safe(text)
    assert safe == "a\ufffdb\ufffdc\U0001f600" and len(safe) == len(text)
    safe.encode("utf-8")


def test_json_safe_walks_nested_values():
    value = {"k\udc80": ["x\ud800", {"n": 1, "t": ("\udfff",)}], "b": True, "z": None}
    assert json_safe(value) == {"k\ufffd": ["x\ufffd", {"n": 1, "t": ["\ufffd"]}], "b": True, "z": None}


def _record(text: str) -> DocumentRecord:
    return DocumentRecord(
        id="doc", sha256="0" * 64, title=text,
        people=[Person(name=text, titles=["=cmd|' /C calc'!A0"], mentions=[Span(start=0, end=len(text), text=text)])],
        meetings=[Meeting(participants=[text, "@SUM(1+1)"], event="+event", venue="-venue",
                          evidence=[Span(start=0, end=len(text), text=text)])],
    )


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_json_output_is_valid_utf8_even_with_lone_surrogates(fmt):
    out = io.StringIO()
    assert write_records([_record("Akar\ud800"), _record("Ok")], fmt, out) == 2
    data = out.getvalue().encode("utf-8")
    text = data.decode("utf-8")
    records = json.loads(text) if fmt == "json" else [json.loads(line) for line in text.splitlines()]
    assert [r["people"][0]["name"] for r in records] == ["Akar\ufffd", "Ok"]


def test_record_json_matches_the_model():
    record = _record("Hulusi Akar")
    assert json.loads(record_json(record)) == json.loads(record.model_dump_json())


@pytest.mark.parametrize("text", ["Hulusi Akar", "Kiliç “Ankara” \\ \"q\" \u2028 \t\x01 日本 😀 </script>"])
def test_compact_record_json_is_the_same_text_either_way(text):
    """The quick path (pydantic's serialiser) and the surrogate-safe one write the very same bytes."""
    record = _record(text)
    slow = json.dumps(json_safe(record.model_dump(mode="json")), ensure_ascii=False, separators=(",", ":"))
    assert record_json(record) == slow


def test_csv_output_neutralises_formulas():
    out = io.StringIO()
    write_records([_record("=1+2")], "csv", out)
    row = next(csv.DictReader(io.StringIO(out.getvalue())))
    assert row["participants"] == "'=1+2; @SUM(1+1)"
    assert row["event"] == "'+event" and row["venue"] == "'-venue"
    for cell in row.values():
        assert not cell.startswith(("=", "+", "-", "@", "\t", "\r"))


def test_table_output_has_no_escape_sequences_and_no_markup():
    out = io.StringIO()
    write_records([_record("[bold]Akar[/bold]\x1b[2J\x1b]0;title\x07 \u202eX")], "table", out)
    shown = out.getvalue()
    assert "\x1b" not in shown and "\x07" not in shown and "\u202e" not in shown
    assert "[bold]Akar[/bold]" in shown

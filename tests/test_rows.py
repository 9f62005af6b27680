"""Query tables for a human: fitted to the width, no character offsets, no word broken, --wide shows all."""

import io
import re

from idefx.rows import write_rows

COLUMNS = ["date", "participants", "hosts", "guests", "parties", "mode", "city", "country", "venue", "event",
           "document", "evidence_start", "evidence_end"]
ROWS = [{"date": "2024-03-05", "participants": ["Marisol Quintanilla", "Oluwaseun Adebayo-Whitfield"],
         "hosts": ["Marisol Quintanilla"], "guests": ["Oluwaseun Adebayo-Whitfield"], "parties": ["PE", "NG"],
         "mode": "in_person", "city": "Lima", "country": "PE", "venue": "Palacio de Gobierno",
         "event": "Pacific Security Dialogue", "document": "lima-readout-2024", "evidence_start": 1234,
         "evidence_end": 1301}]


def _table(monkeypatch, width, wide=False):
    monkeypatch.setenv("COLUMNS", str(width))
    out = io.StringIO()
    write_rows(ROWS, COLUMNS, "table", out, title="meetings", wide=wide)
    return out.getvalue()


def _words(text):
    return set(re.findall(r"[\w-]+", text))


def test_a_narrow_table_fits_and_breaks_no_word(monkeypatch):
    text = _table(monkeypatch, 80)
    assert max(len(line) for line in text.splitlines()) <= 80
    for word in ("Quintanilla", "Adebayo-Whitfield", "2024-03-05"):
        assert word in _words(text), word
    assert "not shown:" in text and "--wide" in text


def test_tables_leave_character_offsets_to_json_and_csv(monkeypatch):
    text = _table(monkeypatch, 300, wide=True)
    assert "evidence_start" not in text and "1234" not in text
    out = io.StringIO()
    write_rows(ROWS, COLUMNS, "csv", out)
    assert "evidence_start" in out.getvalue() and "1234" in out.getvalue()


def test_wide_shows_every_readable_column(monkeypatch):
    text = _table(monkeypatch, 80, wide=True)
    for column in ("hosts", "guests", "mode", "venue", "event", "document"):
        assert column in text
    assert "not shown" not in text


def test_piped_table_follows_columns(monkeypatch):
    narrow, roomy = _table(monkeypatch, 60), _table(monkeypatch, 160)
    assert max(map(len, narrow.splitlines())) <= 60 < max(map(len, roomy.splitlines()))

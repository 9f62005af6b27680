"""The PostgreSQL store through the command line: the same store and answers as SQLite, concurrent writers,
one-line errors. (The store and query suites also run on both backends, through the store_location fixture.)"""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from idefx.cli import app
from idefx.records import DocumentRecord
from idefx.store_postgres import translate
from store_dump import canonical

runner = CliRunner()
FIXTURES = Path(__file__).parent / "fixtures"
STATEMENTS = [
    ("Ana Lima", "BR", "Dana Quill", "US"), ("Dana Quill", "US", "Amina Yusuf", "KE"),
    ("Amina Yusuf", "KE", "Ana Lima", "BR"), ("Tomas Berg", "SE", "Dana Quill", None),
]


def records() -> list[str]:
    out = [DocumentRecord.model_validate_json((FIXTURES / f"{n}.record.json").read_text(encoding="utf-8"))
           .model_dump_json() for n in ("idef-2023-trend", "abuja-visit")]
    for n, (a, ca, b, cb) in enumerate(STATEMENTS * 5):
        out.append(DocumentRecord.model_validate({
            "id": f"doc{n}", "sha256": f"{n:064x}", "published": f"2024-0{1 + n % 9}-1{n % 10}",
            "people": [{"name": a, "country": ca}, {"name": b, "country": cb, "aliases": [b.split()[-1]]}],
            "meetings": [{"participants": [a, b], "hosts": [a], "guests": [b], "parties": [c for c in (ca, cb) if c],
                          "city": "Geneva", "event": f"Summit {n % 3}"}]}).model_dump_json())
    return out


def idefx(*args):
    result = runner.invoke(app, [str(a) for a in args])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_statements_are_rewritten_for_postgresql():
    assert translate("SELECT id FROM people WHERE name_key = ?") == "SELECT id FROM people WHERE name_key = %s"
    assert translate("INSERT OR IGNORE INTO meeting_parties VALUES (?, ?)") == \
        "INSERT INTO meeting_parties VALUES (%s, %s) ON CONFLICT DO NOTHING"
    assert translate("PRAGMA user_version = 3") == "UPDATE idefx_schema SET version = 3"
    table = translate("CREATE TABLE meeting_parties (\n meeting_id INTEGER NOT NULL,\n country TEXT NOT NULL)")
    assert "BIGINT NOT NULL" in table and 'TEXT COLLATE "C"' in table and "rowid BIGINT GENERATED ALWAYS" in table
    assert "IDENTITY PRIMARY KEY" in translate("CREATE TABLE events (\n id INTEGER PRIMARY KEY,\n name TEXT)")


@pytest.mark.parametrize("store_location", ["postgresql"], indirect=True)
def test_the_same_loads_make_the_same_store_and_answers_on_both_backends(tmp_path, store_location):
    lines = tmp_path / "records.jsonl"
    lines.write_text("\n".join(records()) + "\n", encoding="utf-8")
    answers = []
    for db in (tmp_path / "kb.sqlite3", store_location()):
        idefx("load", lines, "--db", db)
        answers.append([canonical(idefx("export", "--db", db).splitlines())]
                       + [idefx(q, "-f", "json", "--db", db) for q in ("people", "meetings", "orgs", "events",
                                                                      "countries")]
                       + [idefx("show", "Quill", "-f", "json", "--db", db),
                          idefx("meetings", "--person", "Lima", "--since", "2024-03", "-f", "csv", "--db", db)])
    assert answers[0] == answers[1]
    assert "Dana Quill" in answers[0][1]


@pytest.mark.parametrize("store_location", ["postgresql"], indirect=True)
def test_concurrent_loaders_make_the_store_one_loader_makes(tmp_path, store_location):
    lines = records()
    halves = [tmp_path / "a.jsonl", tmp_path / "b.jsonl"]
    halves[0].write_text("\n".join(lines[:16]) + "\n", encoding="utf-8")
    halves[1].write_text("\n".join(lines[6:][::-1]) + "\n", encoding="utf-8")
    shared, alone = store_location(), tmp_path / "alone.sqlite3"
    runs = [subprocess.Popen([sys.executable, "-m", "idefx", "load", str(h), "--db", shared],
                             stderr=subprocess.PIPE, text=True) for h in halves]
    for run in runs:
        assert run.wait(timeout=300) == 0, run.stderr.read()
    idefx("load", halves[0], halves[1], "--db", alone)
    assert canonical(idefx("export", "--db", shared).splitlines()) == \
        canonical(idefx("export", "--db", alone).splitlines())


def test_an_unreachable_server_is_one_line_without_the_password():
    result = runner.invoke(app, ["people", "--db", "postgresql://idefx:s3cret@127.0.0.1:9/kb"])
    assert result.exit_code == 4
    assert result.stderr.startswith("idefx: cannot open store postgresql://idefx:***@127.0.0.1:9/kb")
    assert "s3cret" not in result.output and len(result.stderr.splitlines()) == 1


def test_without_the_driver_a_postgresql_store_says_what_to_install(tmp_path):
    (tmp_path / "psycopg.py").write_text("raise ImportError('no driver here')\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "idefx", "people", "--db", "postgresql://localhost/kb"],
                            capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(tmp_path)})
    assert result.returncode == 4
    assert result.stderr == "idefx: a PostgreSQL store needs its driver: pip install 'idefx[postgres]'\n"


@pytest.mark.parametrize("store_location", ["postgresql"], indirect=True)
def test_an_older_postgresql_store_is_upgraded_as_sqlite_is(store_location):
    from idefx import store, store_postgres

    url = store_location()
    old = store_postgres.connect(url)
    store.migrate(old, target=3)
    record = DocumentRecord.model_validate_json((FIXTURES / "idef-2023-trend.record.json").read_text(encoding="utf-8"))
    old.execute("INSERT INTO documents (doc_id, sha256, saved_at, record) VALUES (?, ?, 'now', ?)",
                ("trend", record.sha256, record.model_dump_json()))
    doc = old.execute("SELECT id FROM documents").fetchone()[0]
    old.executemany("INSERT INTO meetings (document_id, ordinal, mode) VALUES (?, ?, 'in_person')",
                    [(doc, n) for n in range(len(record.meetings))])
    old.close()
    conn = store.connect(url)
    assert store.schema_version(conn) == store.SCHEMA_VERSION
    assert conn.execute("SELECT count(*) FROM sightings").fetchone()[0] == 5
    assert conn.execute("SELECT count(*) FROM participants").fetchone()[0] == 6
    conn.execute("UPDATE idefx_schema SET version = ?", (store.SCHEMA_VERSION + 1,))
    conn.close()
    with pytest.raises(store.StoreError, match="newer"):
        store.connect(url)

"""The store through the real command line: saving on extract, query commands, export, forget, failures,
concurrent writers and a killed extraction."""

import csv
import io
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from idefx import store
from idefx.cli import app
from idefx.errors import EXIT_OUTPUT, EXIT_USAGE
from idefx.records import DocumentRecord
from idefx.resources import data_path
from store_dump import canonical

runner = CliRunner()
FIXTURES = Path(__file__).parent / "fixtures"
SEED = str(data_path("samples/idef-2023-trend.txt"))
SECOND = str(FIXTURES / "abuja-visit.txt")


def idefx(*args, ok=True):
    result = runner.invoke(app, list(args))
    if ok:
        assert result.exit_code == 0, result.output
    return result


def jsonl(result):
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def counts(db) -> dict:
    with sqlite3.connect(db) as conn:
        return {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in store.EXPORT_TABLES}


def load_fixture_records(db):
    conn = store.connect(db)
    for name in ("idef-2023-trend", "abuja-visit"):
        text = (FIXTURES / f"{name}.record.json").read_text(encoding="utf-8")
        store.save_record(conn, DocumentRecord.model_validate_json(text))
    conn.close()


@pytest.fixture
def db(tmp_path):
    return tmp_path / "kb.sqlite3"


# ------------------------------------------------ extract saves (pipeline-independent)


def test_extract_saves_to_the_store_named_by_environment(tmp_path):
    idefx("extract", SEED, "--format", "jsonl")
    env_db = Path(os.environ["IDEFX_DB"])
    assert counts(env_db)["documents"] == 1


def test_extract_no_save_leaves_no_store(db):
    idefx("extract", SEED, "--format", "jsonl", "--no-save", "--db", str(db))
    assert not db.exists()


def test_reextracting_changes_no_count(db):
    idefx("extract", SEED, SECOND, "--format", "jsonl", "--db", str(db))
    first = counts(db)
    idefx("extract", SECOND, SEED, "--format", "jsonl", "--db", str(db))
    assert counts(db) == first and first["documents"] == 2


def test_failure_mid_write_keeps_earlier_data(db, monkeypatch):
    idefx("extract", SEED, "--format", "jsonl", "--db", str(db))
    before = counts(db)

    def broken(*args, **kwargs):
        raise sqlite3.OperationalError("database or disk is full (simulated)")

    monkeypatch.setattr(store, "_save_meetings", broken)
    result = idefx("extract", SECOND, SEED, "--format", "jsonl", "--db", str(db), ok=False)
    assert result.exit_code == EXIT_OUTPUT
    assert "Traceback" not in result.output
    assert result.stderr.strip().count("\n") == 0 and "simulated" in result.stderr
    assert counts(db) == before


def test_unusable_store_is_one_line_error(tmp_path):
    bad = tmp_path / "not-a-db"
    bad.write_bytes(b"plain text, not SQLite\n" * 100)
    for args in (["extract", SEED, "--format", "jsonl"], ["people"], ["documents"]):
        result = idefx(*args, "--db", str(bad), ok=False)
        assert result.exit_code == EXIT_OUTPUT and "Traceback" not in result.output
        assert result.stderr.startswith("idefx: ") and result.stderr.count("\n") == 1


@pytest.mark.parametrize("args", [["people"], ["meetings"], ["show", "Akar"], ["documents"], ["orgs"],
                                  ["forget", "abc123"], ["export", "--format", "jsonl"]])
def test_a_query_on_a_missing_store_exits_4_and_creates_nothing(tmp_path, args):
    missing = tmp_path / "typo" / "nested" / "kb.sqlite3"
    result = idefx(*args, "--db", str(missing), ok=False)
    assert result.exit_code == EXIT_OUTPUT, result.output
    assert result.stderr == f"idefx: no store at {missing} (idefx extract creates one; check --db or $IDEFX_DB)\n"
    assert list(tmp_path.iterdir()) == []


def test_only_extract_creates_a_store_with_its_folders(tmp_path):
    new = tmp_path / "made" / "by-extract" / "kb.sqlite3"
    idefx("extract", SEED, "--format", "jsonl", "--db", str(new))
    assert new.exists()
    assert idefx("documents", "--format", "jsonl", "--db", str(new)).stdout.count("\n") == 1


STATEMENTS = {
    "lisbon": "Foreign Minister Ana Lima of Portugal met Secretary of State Dana Quill in Lisbon on 3 May 2024. "
              "Lima and Quill discussed maritime security.\n",
    "brasilia": "President Ana Lima of Brazil received Dana Quill, the US envoy, in Brasilia on 9 May 2024.\n",
    "call": "Dana Quill spoke by phone with Ana Lima on 12 May 2024. Quill thanked Lima for her hospitality.\n",
    "geneva": "Ambassador Dana Quill met Kenyan Foreign Minister Amina Yusuf in Geneva on 20 May 2024.\n",
}


def test_the_same_documents_make_the_same_store_whatever_the_order_jobs_or_history(tmp_path):
    paths = []
    for name, text in STATEMENTS.items():
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
        paths.append(str(tmp_path / f"{name}.txt"))
    paths += [SEED, SECOND]
    dumps = []
    for n, runs in enumerate([[paths], [paths[::-1] + ["--jobs", "2"]], [paths[2:4], paths[::-1], paths]]):
        db = tmp_path / f"kb{n}.sqlite3"
        for args in runs:
            idefx("extract", *args, "--format", "jsonl", "--no-progress", "--db", str(db))
        dumps.append(canonical(idefx("export", "--db", str(db)).stdout.splitlines()))
    assert '"table"' not in dumps[0] and "Quill" in dumps[0]
    assert dumps[1] == dumps[0]
    assert dumps[2] == dumps[0]


# ------------------------------------------------ queries on a store of known records


def test_query_commands_in_every_format(db):
    load_fixture_records(db)
    for command in ("people", "meetings", "orgs", "events", "countries", "documents"):
        for fmt in ("table", "json", "jsonl", "csv"):
            result = idefx(command, "--format", fmt, "--db", str(db))
            assert result.stdout.strip(), (command, fmt)
        assert len(json.loads(idefx(command, "--format", "json", "--db", str(db)).stdout)) == \
            len(jsonl(idefx(command, "--format", "jsonl", "--db", str(db))))
    rows = list(csv.DictReader(io.StringIO(idefx("people", "--format", "csv", "--db", str(db)).stdout)))
    assert {r["name"] for r in rows} >= {"Vugar Mustafayev", "Selçuk Bayraktar"}
    assert "Ibrahim Abubakar Kana" in idefx("people", "--db", str(db)).stdout


def test_people_and_meetings_filters_from_the_command_line(db):
    load_fixture_records(db)
    kana = jsonl(idefx("people", "--name", "Kana", "--format", "jsonl", "--db", str(db)))
    assert [p["name"] for p in kana] == ["Ibrahim Abubakar Kana"]
    met = jsonl(idefx("meetings", "--person", "Mustafayev", "--until", "2023-07-31", "--format", "jsonl",
                      "--db", str(db)))
    assert [(m["date"], m["city"], m["country"]) for m in met] == [("2023-07-26", "Istanbul", "TR")] * 2


def test_show_in_every_format(db):
    load_fixture_records(db)
    found = json.loads(idefx("show", "Bayraktar", "--format", "json", "--db", str(db)).stdout)
    assert found["aliases"] == ["Selcuk Bayraktar"] and len(found["meetings"]) == 2
    assert len(jsonl(idefx("show", "Bayraktar", "--format", "jsonl", "--db", str(db)))) == 1
    rows = list(csv.DictReader(io.StringIO(idefx("show", "Bayraktar", "--format", "csv", "--db", str(db)).stdout)))
    assert [r["kind"] for r in rows] == ["role", "role", "meeting", "meeting"]
    assert rows[2]["place"] == "Istanbul" and "Haluk Gergin" in rows[2]["participants"]
    assert rows[3]["place"] == "Ship House, Abuja"
    table = idefx("show", "Bayraktar", "--db", str(db)).stdout
    assert "titles over time" in table and "Chief Technology Officer" in table and "{" not in table


def test_bad_arguments_are_one_line_errors(db):
    load_fixture_records(db)
    for args in (["meetings", "--since", "last week"], ["meetings", "--since", "2023-13"],
                 ["meetings", "--since", "2023-00"], ["meetings", "--until", "2023-02-30"],
                 ["people", "--country", "Atlantis"], ["show", "Nobody"],
                 ["show", "Abubakar"], ["forget", "no-such-document"]):
        result = idefx(*args, "--db", str(db), ok=False)
        assert result.exit_code == EXIT_USAGE and "Traceback" not in result.output, args
        assert result.stderr.startswith("idefx: ") and result.stderr.count("\n") == 1, args


def test_hostile_arguments_change_nothing(db):
    load_fixture_records(db)
    before = counts(db)
    for text in ("'; DROP TABLE people; --", "%", "x' OR '1'='1"):
        assert jsonl(idefx("people", "--name", text, "--org", text, "--format", "jsonl", "--db", str(db))) == []
        assert jsonl(idefx("meetings", "--person", text, "--format", "jsonl", "--db", str(db))) == []
        assert idefx("forget", text, "--db", str(db), ok=False).exit_code != 0
    assert counts(db) == before


def test_csv_cells_cannot_become_formulas(db):
    record = DocumentRecord.model_validate_json((FIXTURES / "abuja-visit.record.json").read_text(encoding="utf-8"))
    record.people[0].titles = ["=HYPERLINK(\"http://example.invalid\")"]
    conn = store.connect(db)
    store.save_record(conn, record)
    conn.close()
    out = idefx("people", "--format", "csv", "--db", str(db)).stdout
    assert "'=HYPERLINK" in out and "\n=HYPERLINK" not in out and ",=HYPERLINK" not in out


def test_forget_and_documents(db):
    load_fixture_records(db)
    listed = jsonl(idefx("documents", "--format", "jsonl", "--db", str(db)))
    assert [d["document"] for d in listed] == ["idef-2023-trend", "abuja-visit"]
    assert "forgot abuja-visit" in idefx("forget", listed[1]["sha256"][:8], "--db", str(db)).stdout
    people = [p["name"] for p in jsonl(idefx("people", "--format", "jsonl", "--db", str(db)))]
    assert len(people) == 5 and "Mohammed Badaru Abubakar" not in people


def test_export_whole_store(db, tmp_path):
    load_fixture_records(db)
    out = tmp_path / "export"
    idefx("export", "--format", "csv", "--out", str(out), "--db", str(db))
    exported = {p.stem for p in out.glob("*.csv")}
    assert exported == set(store.EXPORT_TABLES)
    people = list(csv.DictReader((out / "people.csv").open(encoding="utf-8")))
    assert len(people) == counts(db)["people"]
    idefx("export", "--format", "jsonl", "--out", str(out), "--db", str(db))
    assert sum(1 for _ in (out / "meetings.jsonl").open()) == 3
    lines = jsonl(idefx("export", "--format", "jsonl", "--db", str(db)))
    assert idefx("export", "--db", str(db)).stdout == idefx("export", "--format", "jsonl", "--db", str(db)).stdout
    assert sum(line["table"] == "participants" for line in lines) == counts(db)["participants"]
    assert idefx("export", "--format", "csv", "--db", str(db), ok=False).exit_code != 0


# ------------------------------------------------ the seed through the real pipeline


@pytest.fixture
def seed_pipeline():
    records = jsonl(idefx("extract", SEED, "--format", "jsonl", "--no-save"))
    if len(records[0]["meetings"]) < 2:
        pytest.skip("the extraction pipeline does not yet find the seed's meetings")


def test_seed_and_second_article_through_extract(db, seed_pipeline):
    idefx("extract", SEED, SECOND, "--format", "jsonl", "--db", str(db))
    nigerians = jsonl(idefx("people", "--country", "Nigeria", "--format", "jsonl", "--db", str(db)))
    assert [p["name"] for p in nigerians].count("Ibrahim Abubakar Kana") == 1
    met = jsonl(idefx("meetings", "--person", "Mustafayev", "--format", "jsonl", "--db", str(db)))
    seed_meetings = [m for m in met if m["document"] == "idef-2023-trend"]
    assert len(seed_meetings) == 2
    assert all(m["date"] == "2023-07-26" and m["city"] == "Istanbul" and m["country"] == "TR" for m in seed_meetings)
    assert any({"Agil Gurbanov", "Vugar Mustafayev"} <= set(m["hosts"]) for m in seed_meetings)
    before = counts(db)
    idefx("extract", SEED, SECOND, "--format", "jsonl", "--db", str(db))
    assert counts(db) == before


# ------------------------------------------------ several processes, killed processes


def _corpus(directory: Path, n: int, start: int = 0) -> list[str]:
    """``n`` short, distinct press items (short, so the pipeline spends little time on each)."""
    directory.mkdir(exist_ok=True)
    paths = []
    for i in range(start, start + n):
        path = directory / f"doc-{i:04d}.txt"
        path.write_text(f"BAKU, Azerbaijan, March {i % 28 + 1}. Deputy Minister of Defense Industry of Azerbaijan "
                        f"Vugar Mustafayev met with Defense Minister of Nigeria Ibrahim Abubakar Kana (item {i}).\n",
                        encoding="utf-8")
        paths.append(str(path))
    return paths


def _extract_process(db: Path, paths: list[str]) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "idefx", "extract", *paths, "--format", "jsonl", "--db", str(db)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def _assert_consistent(db: Path) -> None:
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.execute("PRAGMA foreign_keys = ON")
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    for doc_row, record in conn.execute("SELECT id, record FROM documents"):
        saved = json.loads(record)
        stored = conn.execute("SELECT count(*) FROM document_countries WHERE document_id = ?", (doc_row,)).fetchone()[0]
        meetings = conn.execute("SELECT count(*) FROM meetings WHERE document_id = ?", (doc_row,)).fetchone()[0]
        assert stored == len({c["code"] for c in saved["countries"]}) and meetings == len(saved["meetings"])
    conn.close()


def test_two_extract_processes_write_one_store(tmp_path, db, warm_pipeline_cache):
    first = _corpus(tmp_path / "a", 40)
    second = _corpus(tmp_path / "b", 40, start=25)  # 15 documents in common
    procs = [_extract_process(db, first), _extract_process(db, second)]
    for proc in procs:
        _, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
    assert counts(db)["documents"] == 65
    assert counts(db)["people"] == 2  # the same two people in every item
    _assert_consistent(db)


def test_killed_extraction_leaves_store_consistent_and_rerun_completes(tmp_path, db, warm_pipeline_cache):
    paths = _corpus(tmp_path / "docs", 200)
    proc = _extract_process(db, paths)
    deadline = time.monotonic() + 300
    saved = 0
    while proc.poll() is None and time.monotonic() < deadline:
        if db.exists():
            try:
                with sqlite3.connect(db, timeout=5) as conn:
                    saved = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
            except sqlite3.OperationalError:
                saved = 0
            if saved >= 5:
                break
        time.sleep(0.01)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    if proc.returncode != -signal.SIGKILL:
        pytest.skip("the extraction finished before it could be killed")
    partial = counts(db)["documents"]
    assert 5 <= partial < 200
    _assert_consistent(db)
    rerun = _extract_process(db, paths)
    _, err = rerun.communicate(timeout=300)
    assert rerun.returncode == 0, err
    assert counts(db)["documents"] == 200
    _assert_consistent(db)

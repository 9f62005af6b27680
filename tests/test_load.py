"""`idefx load`: records made elsewhere (JSON lines, --out directories) saved into the store, idempotent by
SHA-256, each line validated on its own."""

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from idefx import store
from idefx.cli import app
from idefx.errors import EXIT_NOTHING_PROCESSED, EXIT_SOME_FAILED
from idefx.records import DocumentRecord
from store_dump import canonical

runner = CliRunner()
FIXTURES = Path(__file__).parent / "fixtures"
NAMES = ("idef-2023-trend", "abuja-visit")


def record_lines() -> list[str]:
    return [DocumentRecord.model_validate_json((FIXTURES / f"{n}.record.json").read_text(encoding="utf-8"))
            .model_dump_json() for n in NAMES]


def dump(db) -> str:
    result = runner.invoke(app, ["export", "--db", str(db)])
    assert result.exit_code == 0, result.output
    return canonical(result.stdout.splitlines())


def saved_directly(db) -> str:
    conn = store.connect(db)
    for line in record_lines():
        store.save_record(conn, DocumentRecord.model_validate_json(line))
    conn.close()
    return dump(db)


def load(*args):
    return runner.invoke(app, ["load", *map(str, args)])


def test_loading_jsonl_makes_the_store_saving_makes_and_again_changes_nothing(tmp_path):
    records = tmp_path / "records.jsonl"
    records.write_text("\n".join(record_lines()) + "\n", encoding="utf-8")
    db = tmp_path / "kb.sqlite3"
    first = load(records, "--db", db)
    assert first.exit_code == 0, first.output
    assert "loaded 2 records, 0 already stored, 0 refused" in first.stderr
    loaded = dump(db)
    assert loaded == saved_directly(tmp_path / "direct.sqlite3")
    again = load(records, "--db", db)
    assert again.exit_code == 0 and "loaded 0 records, 2 already stored" in again.stderr
    assert dump(db) == loaded


def test_a_bad_line_is_refused_with_its_number_and_the_others_load(tmp_path):
    good = record_lines()
    no_hash = json.loads(good[1])
    del no_hash["sha256"]
    lines = [good[0], "{not json", "", json.dumps(no_hash), json.dumps({**json.loads(good[1]), "sha256": "abc"}),
             good[1]]
    records = tmp_path / "mixed.jsonl"
    records.write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = tmp_path / "kb.sqlite3"
    result = load(records, "--db", db)
    assert result.exit_code == EXIT_SOME_FAILED
    errors = result.stderr.splitlines()
    assert errors[0].startswith(f"idefx: {records}:2: not a record (")
    assert errors[1].startswith(f"idefx: {records}:4: not a record (sha256")
    assert errors[2].startswith(f"idefx: {records}:5: not a record (sha256")
    assert "Traceback" not in result.output
    assert dump(db) == saved_directly(tmp_path / "direct.sqlite3")


def test_nothing_loadable_exits_3_and_a_missing_file_is_one_line(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x"}\n', encoding="utf-8")
    result = load(bad, tmp_path / "missing.jsonl", "--db", tmp_path / "kb.sqlite3")
    assert result.exit_code == EXIT_NOTHING_PROCESSED
    assert "missing.jsonl: cannot read" in result.stderr
    assert len(result.stderr.splitlines()) == 3


def test_an_out_directory_loads_its_partitions_in_manifest_order(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    first, second = record_lines()
    (out / "part-00001.jsonl").write_text(first + "\n", encoding="utf-8")
    (out / "part-00000.jsonl").write_text(second + "\n", encoding="utf-8")
    (out / "manifest.json").write_text(json.dumps({"partitions": [{"file": "part-00001.jsonl"},
                                                                   {"file": "part-00000.jsonl"}]}), encoding="utf-8")
    db = tmp_path / "kb.sqlite3"
    assert load(out, "--db", db).exit_code == 0
    conn = store.connect(db)
    assert [r[0] for r in conn.execute("SELECT doc_id FROM documents ORDER BY id")] == list(NAMES)
    conn.close()
    assert dump(db) == saved_directly(tmp_path / "direct.sqlite3")


@pytest.mark.parametrize("manifest", ["not json", '{"parts": []}'])
def test_an_unreadable_manifest_is_one_line(tmp_path, manifest):
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "manifest.json").write_text(manifest, encoding="utf-8")
    result = load(tmp_path / "out", "--db", tmp_path / "kb.sqlite3")
    assert result.exit_code != 0
    assert result.stderr.startswith("idefx: ") and "manifest" in result.stderr and "Traceback" not in result.output

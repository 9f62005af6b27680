"""Bad input through the command line: the documented exit code, one ``idefx: PATH: reason`` line, no traceback,
the other inputs still processed, and the store left unchanged (once ``idefx.store`` and ``--db`` exist)."""

import hashlib
import importlib.util
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import idefx.io
from idefx.errors import (EXIT_INTERRUPTED, EXIT_NOTHING_PROCESSED, EXIT_OK, EXIT_OUTPUT, EXIT_SOME_FAILED,
                          EXIT_USAGE)
from idefx.cli import app
from idefx.resources import data_path
from record_spans import spans

FIXTURES = Path(__file__).parent / "fixtures"
SAMPLE = str(data_path("samples/idef-2023-trend.txt"))
PRESS = "Defence Minister Hulusi Akar met the Defence Minister of Azerbaijan in Ankara on Wednesday.\n"
HAS_STORE = importlib.util.find_spec("idefx.store") is not None

runner = CliRunner()


class Store:
    """The ``--db`` arguments for a run, and a fingerprint of the store's files to compare before and after."""

    def __init__(self, path: Path):
        self.path = path
        self.args = ["--db", str(path)] if HAS_STORE else []

    def fingerprint(self) -> dict:
        if not HAS_STORE:
            return {}
        return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
                for p in sorted(self.path.parent.iterdir()) if p.is_file() and not p.name.endswith(("-shm", "-wal"))}


@pytest.fixture(scope="module")
def seeded_store(tmp_path_factory):
    """A store holding the sample's record, made once; each test works on its own copy."""
    folder = tmp_path_factory.mktemp("seeded-store")
    if HAS_STORE:
        seeded = runner.invoke(app, ["extract", SAMPLE, "--format", "jsonl", "--db", str(folder / "idefx.db")])
        assert seeded.exit_code == EXIT_OK, seeded.output
    return folder


@pytest.fixture
def store(seeded_store, tmp_path):
    folder = tmp_path / "store"
    shutil.copytree(seeded_store, folder)
    return Store(folder / "idefx.db")


def run(store, *args, input=None):
    before = store.fingerprint()
    result = runner.invoke(app, ["extract", "--format", "jsonl", *store.args, *args], input=input)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    return result, before


def assert_refused(result, path, code=EXIT_NOTHING_PROCESSED, reason=""):
    assert result.exit_code == code, result.output
    lines = result.stderr.splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith(f"idefx: {path}: "), lines[0]
    assert reason in lines[0]


def records(result) -> list[dict]:
    return [json.loads(line) for line in result.stdout.splitlines()]


def assert_offsets_point_into(record: dict, text: str):
    assert record["sha256"] == hashlib.sha256(text.encode("utf-8")).hexdigest()
    for span in spans(record):
        assert text[span["start"]:span["end"]] == span["text"]


def assert_store_unchanged(store, before):
    assert store.fingerprint() == before


# --- each bad input on its own: refused, nothing processed ----------------------------------------------------------

def test_missing_file(store, tmp_path):
    path = tmp_path / "missing.txt"
    result, before = run(store, str(path))
    assert_refused(result, path, reason="no such file")
    assert result.stdout == ""
    assert_store_unchanged(store, before)


def test_file_name_that_would_break_the_line(store, tmp_path):
    path = tmp_path / "evil\n\x1b[2Jname.txt"
    result, before = run(store, str(path))
    assert result.exit_code == EXIT_NOTHING_PROCESSED
    assert result.stderr == f"idefx: {tmp_path}/evil\\n\\x1b[2Jname.txt: no such file\n"
    assert_store_unchanged(store, before)


def test_directory_without_matching_files(store, tmp_path):
    folder = tmp_path / "empty-folder"
    folder.mkdir()
    (folder / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    result, before = run(store, str(folder))
    assert result.exit_code == EXIT_NOTHING_PROCESSED
    assert result.stderr.splitlines()[0].startswith(f"idefx: {folder}")
    assert result.stdout == ""
    assert_store_unchanged(store, before)


@pytest.mark.parametrize("name,data,reason", [
    ("report.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n", "PDF"),
    ("blob.txt", b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 4, "not a text file"),
    ("nul.txt", b"Minister\x00\x00met\x00\x00\x00envoy" * 40, "NUL"),
])
def test_binary_file(store, tmp_path, name, data, reason):
    path = tmp_path / name
    path.write_bytes(data)
    result, before = run(store, str(path))
    assert_refused(result, path, reason=reason)
    assert_store_unchanged(store, before)


@pytest.mark.parametrize("data", [b"", b"   \n\n\t  \n"])
def test_empty_file(store, tmp_path, data):
    path = tmp_path / "empty.txt"
    path.write_bytes(data)
    result, before = run(store, str(path))
    assert_refused(result, path, reason="empty")
    assert_store_unchanged(store, before)


def test_file_over_the_size_limit(store, tmp_path):
    path = tmp_path / "huge.txt"
    chunk = PRESS.encode() * (1024 * 1024 // len(PRESS) + 1)
    with open(path, "wb") as fh:
        while fh.tell() < 50 * 1024 * 1024:
            fh.write(chunk)
    result, before = run(store, str(path))
    assert_refused(result, path, reason="larger than the limit of 20 MB")
    assert_store_unchanged(store, before)


def test_max_bytes_option_sets_the_limit(store, tmp_path):
    path = tmp_path / "press.txt"
    path.write_text(PRESS * 20, encoding="utf-8")
    result, _ = run(store, "--max-bytes", "1k", str(path))
    assert_refused(result, path, reason="larger than the limit of 1 KB")
    result, _ = run(store, "--max-bytes", "10k", str(path))
    assert result.exit_code == EXIT_OK and len(records(result)) == 1


def test_bad_max_bytes_is_a_usage_error(tmp_path):
    result = runner.invoke(app, ["extract", "--max-bytes", "lots", SAMPLE])
    assert result.exit_code == EXIT_USAGE
    assert "lots" in result.stderr


# --- inputs that are decoded, not refused ----------------------------------------------------------------------------

def test_invalid_utf8_legacy_code_page_is_decoded(store, tmp_path):
    text = ("Министр обороны Турции встретился в Анкаре с делегацией из Италии. "
            "Стороны обсудили сотрудничество в оборонной промышленности. Azerbaijan.\n")
    path = tmp_path / "cp1251.txt"
    path.write_bytes(text.encode("cp1251"))
    result, _ = run(store, str(path))
    assert result.exit_code == EXIT_OK, result.stderr
    (record,) = records(result)
    assert_offsets_point_into(record, text)
    assert "AZ" in {c["code"] for c in record["countries"]}


def test_undecodable_bytes_are_refused_clearly(store, tmp_path):
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes(b for b in range(128, 256)) * 40 + bytes(range(1, 32)) * 40)
    result, before = run(store, str(path))
    assert_refused(result, path)
    assert_store_unchanged(store, before)


def test_utf16_with_bom_is_decoded(store, tmp_path):
    path = tmp_path / "utf16.txt"
    path.write_bytes(PRESS.encode("utf-16"))
    result, _ = run(store, str(path))
    assert result.exit_code == EXIT_OK, result.stderr
    (record,) = records(result)
    assert_offsets_point_into(record, PRESS)
    (azerbaijan,) = [c for c in record["countries"] if c["code"] == "AZ"]
    mention = azerbaijan["mentions"][0]
    assert PRESS[mention["start"]:mention["end"]] == mention["text"] == "Azerbaijan"


def test_html_page_is_extracted_not_refused(store):
    page = FIXTURES / "ministry-readout.html"
    result, _ = run(store, str(page))
    assert result.exit_code == EXIT_OK, result.stderr
    (record,) = records(result)
    assert record["id"] == "ministry-readout"
    assert record["title"] == "Defence ministers discuss industrial cooperation"
    assert record["published"] == "2024-03-14"
    assert "AZ" in {c["code"] for c in record["countries"]}
    assert_offsets_point_into(record, idefx.io.read_input(page).text)


def test_stdin_goes_through_the_same_checks(store):
    result, _ = run(store, "-", input=PRESS.encode("utf-16"))
    assert result.exit_code == EXIT_OK and records(result)[0]["id"] == "stdin"
    result, before = run(store, "-", input=b"")
    assert_refused(result, "-", reason="empty file")
    assert_store_unchanged(store, before)


# --- many inputs: the good ones are processed, the exit code says some failed ----------------------------------------

def test_bad_inputs_among_good_ones(store, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    missing = tmp_path / "missing.txt"
    result, _ = run(store, SAMPLE, str(missing), str(empty), str(FIXTURES / "front-matter.md"))
    assert result.exit_code == EXIT_SOME_FAILED
    assert result.stderr.splitlines() == [f"idefx: {missing}: no such file", f"idefx: {empty}: empty file"]
    assert [r["id"] for r in records(result)] == ["idef-2023-trend", "front-matter"]


def test_file_deleted_between_listing_and_reading(store, tmp_path, monkeypatch):
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text(PRESS, encoding="utf-8")
    second.write_text(PRESS, encoding="utf-8")
    listed = sorted(str(p) for p in tmp_path.glob("*.txt"))

    def open_then_delete_the_next(path, *args, **kwargs):
        if str(path) == str(first):
            second.unlink()
        return open(path, *args, **kwargs)

    monkeypatch.setattr(idefx.io, "open", open_then_delete_the_next, raising=False)
    result, _ = run(store, *listed)
    assert result.exit_code == EXIT_SOME_FAILED
    assert result.stderr.splitlines() == [f"idefx: {second}: no such file"]
    assert [r["id"] for r in records(result)] == ["a"]


# --- interruption and output failures --------------------------------------------------------------------------------

def test_interrupt_exits_130_without_traceback(monkeypatch):
    def interrupted(model=None):
        raise KeyboardInterrupt

    monkeypatch.setattr("idefx.pipeline.load_pipeline", interrupted)
    result = runner.invoke(app, ["extract", SAMPLE])
    assert result.exit_code == EXIT_INTERRUPTED
    assert result.stderr == "idefx: interrupted\n"


def test_unwritable_output_file(tmp_path):
    target = tmp_path / "no-such-dir" / "out.jsonl"
    result = runner.invoke(app, ["extract", SAMPLE, "--output", str(target)])
    assert result.exit_code == EXIT_OUTPUT
    assert result.stderr.startswith(f"idefx: {target}: cannot write") and result.stderr.count("\n") == 1


def test_installed_command_reports_one_line_and_closed_pipes_quietly(tmp_path, warm_pipeline_cache):
    missing = tmp_path / "missing.txt"
    command = [sys.executable, "-m", "idefx", "extract", "--format", "json", str(missing)] + [SAMPLE] * 400
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.read(10)
    proc.stdout.close()
    stderr = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == 141
    assert stderr == f"idefx: {missing}: no such file\n"


@pytest.mark.skipif(not HAS_STORE, reason="idefx.store is not on this branch yet")
def test_store_fingerprint_sees_a_saved_record(store, tmp_path):
    path = tmp_path / "new.txt"
    path.write_text(PRESS, encoding="utf-8")
    result, before = run(store, str(path))
    assert result.exit_code == EXIT_OK
    assert before and store.fingerprint() != before


def test_json_on_stdout_is_utf8_whatever_the_locale(tmp_path, warm_pipeline_cache):
    path = tmp_path / "визит-в-Баку.txt"
    path.write_text(PRESS, encoding="utf-8")
    env = {**os.environ, "PYTHONIOENCODING": "ascii", "LC_ALL": "C"}
    proc = subprocess.run([sys.executable, "-m", "idefx", "extract", "--format", "jsonl", str(path)],
                          capture_output=True, env=env, timeout=120)
    assert proc.returncode == EXIT_OK, proc.stderr
    assert json.loads(proc.stdout.decode("utf-8"))["id"] == "визит-в-Баку"

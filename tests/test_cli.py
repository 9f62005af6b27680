"""The command line: extract, formats, version."""

import json

from typer.testing import CliRunner

from idefx import __version__
from idefx.cli import app
from idefx.resources import data_path

runner = CliRunner()
SAMPLE = str(data_path("samples/idef-2023-trend.txt"))


def test_version():
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert __version__ in result.stdout


def test_extract_jsonl_is_one_record_per_document():
    result = runner.invoke(app, ["extract", SAMPLE, "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1
    record = json.loads(lines[0])
    assert record["id"] == "idef-2023-trend"
    assert {"people", "meetings", "countries", "organizations", "events", "venues", "published"} <= set(record)

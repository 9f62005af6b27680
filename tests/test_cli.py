"""The command line: extract, formats, version."""

import json
import os
import subprocess
import sys
from pathlib import Path

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


COMMANDS = ["extract", "people", "meetings", "show", "documents", "forget", "export", "evaluate", "orgs",
            "events", "countries"]


def test_help_shows_plain_metavars_not_python_types():
    for command in COMMANDS:
        result = runner.invoke(app, [command, "--help"], terminal_width=100)
        assert result.exit_code == 0
        for python_shape in ("<str>", "<list[str]>", "<path>", "<int range>", "{person}", "{PERSON}", "<int>"):
            assert python_shape not in result.output, (command, python_shape)
    assert "[PATH...]" in runner.invoke(app, ["extract", "--help"]).output
    assert "--glob PATTERN" in runner.invoke(app, ["extract", "--help"]).output
    assert "show [OPTIONS] PERSON\n" in runner.invoke(app, ["show", "--help"]).output


def test_shell_completion_is_offered_and_completes_commands():
    assert "--install-completion" in runner.invoke(app, ["--help"]).output
    completion = subprocess.run([str(Path(sys.executable).with_name("idefx"))], capture_output=True,
                                text=True, env={**os.environ, "_IDEFX_COMPLETE": "complete_bash",
                                                "COMP_WORDS": "idefx ex", "COMP_CWORD": "1"})
    assert completion.stdout.split() == ["extract", "export"]

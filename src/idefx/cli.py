"""The ``idefx`` command line (Typer). Heavy imports (spaCy) happen inside commands, so ``--help`` stays fast."""

from __future__ import annotations

import os
import sys
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer

from idefx import __version__
from idefx.errors import EXIT_BROKEN_PIPE, EXIT_INTERRUPTED, IdefxError

app = typer.Typer(help="Extract structured meeting records from press text about official meetings.",
                  no_args_is_help=True, add_completion=False)


class RecordFormat(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"idefx {__version__}")
        raise typer.Exit()


@app.callback()
def _main(version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                       help="Print the version and exit.")) -> None:
    """idefx: who met whom, with which title, for which country, when, where."""


def _err(message: str) -> None:
    typer.echo(f"idefx: {message}", err=True)


@contextmanager
def _exit_codes():
    """Turn idefx errors, Ctrl-C and a closed output pipe into one stderr line and the documented exit code."""
    try:
        yield
    except IdefxError as exc:
        _err(str(exc))
        raise typer.Exit(exc.exit_code) from None
    except KeyboardInterrupt:
        _err("interrupted")
        raise typer.Exit(EXIT_INTERRUPTED) from None
    except BrokenPipeError:
        try:  # nothing more can reach the reader; keep the interpreter's final flush from failing too
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        except (OSError, ValueError):
            pass
        raise typer.Exit(EXIT_BROKEN_PIPE) from None


def _max_bytes(value: str) -> int:
    from idefx.io import parse_size
    try:
        return parse_size(value)
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from None


@app.command()
def extract(
    paths: List[str] = typer.Argument(..., help="Text files to read; '-' reads one document from stdin."),
    fmt: Optional[RecordFormat] = typer.Option(None, "--format", "-f",
                                               help="Output format (default: table on a terminal, jsonl otherwise)."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write records to this file instead of stdout."),
    model: Optional[str] = typer.Option(None, "--model", help="An installed trained spaCy pipeline to combine in."),
    max_bytes: str = typer.Option("20MB", "--max-bytes", help="Refuse inputs larger than this (e.g. 500k, 20MB)."),
) -> None:
    """Extract meeting records from press text."""
    from idefx.errors import EXIT_NOTHING_PROCESSED, InputError, batch_exit_code
    from idefx.extract import extract_records
    from idefx.io import read_input
    from idefx.output import open_output, write_records
    from idefx.pipeline import load_pipeline

    limit = _max_bytes(max_bytes)
    with _exit_codes():
        docs, failed = [], 0
        for p in paths:
            try:
                docs.append(read_input(p, max_bytes=limit))
            except InputError as exc:
                _err(str(exc))
                failed += 1
        if not docs:
            raise typer.Exit(EXIT_NOTHING_PROCESSED)
        if fmt is None:
            fmt = RecordFormat.table if (output is None and sys.stdout.isatty()) else RecordFormat.jsonl
        nlp = load_pipeline(model)
        with open_output(output, fmt.value) as out:
            write_records(extract_records(nlp, docs), fmt.value, out)
    raise typer.Exit(batch_exit_code(processed=len(docs), failed=failed))


def main() -> None:
    app()

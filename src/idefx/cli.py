"""The ``idefx`` command line (Typer). Heavy imports (spaCy) happen inside commands, so ``--help`` stays fast."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer

from idefx import __version__

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
    from idefx.errors import EXIT_INTERRUPTED, EXIT_NOTHING_PROCESSED, InputError, batch_exit_code
    from idefx.extract import extract_records
    from idefx.io import read_input
    from idefx.output import write_records
    from idefx.pipeline import load_pipeline

    limit = _max_bytes(max_bytes)
    try:
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
        out = open(output, "w", encoding="utf-8") if output else sys.stdout
        try:
            write_records(extract_records(nlp, docs), fmt.value, out)
        finally:
            if output:
                out.close()
    except KeyboardInterrupt:
        _err("interrupted")
        raise typer.Exit(EXIT_INTERRUPTED) from None
    raise typer.Exit(batch_exit_code(processed=len(docs), failed=failed))


def main() -> None:
    app()

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


@app.command()
def extract(
    paths: Optional[List[str]] = typer.Argument(
        None, help="Files or directories to read (directories recursively); '-' reads one document from stdin."),
    fmt: Optional[RecordFormat] = typer.Option(None, "--format", "-f",
                                               help="Output format (default: table on a terminal, jsonl otherwise)."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write records to this file instead of stdout."),
    model: Optional[str] = typer.Option(None, "--model", help="An installed trained spaCy pipeline to combine in."),
    globs: Optional[List[str]] = typer.Option(
        None, "--glob", help="File name pattern to take from directories (repeatable; default: "
                             "*.txt *.md *.markdown *.html *.htm)."),
    from_list: Optional[str] = typer.Option(None, "--from-list",
                                            help="Also read input paths, one per line, from this file ('-': stdin)."),
    jobs: int = typer.Option(1, "--jobs", "-j", min=1, help="Number of worker processes."),
    batch_size: int = typer.Option(16, "--batch-size", min=1, help="Documents per batch."),
    progress: Optional[bool] = typer.Option(None, "--progress/--no-progress",
                                            help="Progress bar on stderr (default: when stderr is a terminal)."),
) -> None:
    """Extract meeting records from press text: files, directories, lists of paths; JSON lines stream out."""
    from idefx import progress as progress_bar
    from idefx.runner import DEFAULT_GLOBS, STDIN, count_paths, iter_paths, run

    paths = paths or []
    if not paths and from_list is None:
        _err("no input: give files or directories, '-' for stdin, or --from-list")
        raise typer.Exit(2)
    if from_list == STDIN and STDIN in paths:
        _err("stdin cannot be both a document ('-') and a list of paths (--from-list -)")
        raise typer.Exit(2)
    globs = tuple(globs or DEFAULT_GLOBS)
    try:
        path_list = sys.stdin if from_list == STDIN else (open(from_list, encoding="utf-8") if from_list else None)
    except OSError as exc:
        _err(f"{from_list}: {exc.strerror or exc}")
        raise typer.Exit(2)
    if fmt is None:
        fmt = RecordFormat.table if (output is None and sys.stdout.isatty()) else RecordFormat.jsonl
    show = progress_bar.wanted(progress)
    total = count_paths(paths, globs) if show and path_list is None else None
    failures = 0

    def records(outcomes):
        nonlocal failures
        for outcome in outcomes:
            if outcome.error:
                failures += 1
                _err(f"{outcome.source}: {outcome.error}")
            else:
                yield outcome.record

    try:
        out = open(output, "w", encoding="utf-8") if output else sys.stdout
    except OSError as exc:
        _err(f"{output}: {exc.strerror or exc}")
        raise typer.Exit(2)
    from idefx.output import write_records
    try:
        outcomes = run(iter_paths(paths, globs, path_list), model=model, jobs=jobs, batch_size=batch_size)
        with progress_bar.tracked(outcomes, total, show) as tracked:
            write_records(records(tracked), fmt.value, out)
    except BrokenPipeError:
        sys.stderr.close()  # the reader went away (e.g. `| head`): stop quietly
        raise typer.Exit(0)
    finally:
        if output:
            out.close()
        if path_list is not None and path_list is not sys.stdin:
            path_list.close()
    if failures:
        raise typer.Exit(1)


def main() -> None:
    app()

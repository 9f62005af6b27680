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
    paths: List[str] = typer.Argument(..., help="Text files to read; '-' reads one document from stdin."),
    fmt: Optional[RecordFormat] = typer.Option(None, "--format", "-f",
                                               help="Output format (default: table on a terminal, jsonl otherwise)."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write records to this file instead of stdout."),
    model: Optional[str] = typer.Option(None, "--model", help="An installed trained spaCy pipeline to combine in."),
) -> None:
    """Extract meeting records from press text."""
    from idefx.document import SourceDocument
    from idefx.extract import extract_records
    from idefx.output import write_records

    docs = []
    for p in paths:
        if p == "-":
            docs.append(SourceDocument(id="stdin", text=sys.stdin.read()))
        else:
            docs.append(SourceDocument(id=Path(p).stem, path=p, text=Path(p).read_text(encoding="utf-8")))
    if fmt is None:
        fmt = RecordFormat.table if (output is None and sys.stdout.isatty()) else RecordFormat.jsonl
    nlp = _pipeline(model)
    out = open(output, "w", encoding="utf-8") if output else sys.stdout
    try:
        write_records(extract_records(nlp, docs), fmt.value, out)
    finally:
        if output:
            out.close()


def _pipeline(model: Optional[str]):
    """The idefx pipeline, or one clear line and exit status 2 when ``--model`` cannot be loaded."""
    from idefx.components.statistical import ModelNotFound
    from idefx.pipeline import load_pipeline

    try:
        return load_pipeline(model)
    except ModelNotFound as exc:
        _err(str(exc))
        raise typer.Exit(2)


class EvaluationFormat(str, Enum):
    table = "table"
    json = "json"


@app.command()
def evaluate(
    gold_dir: Path = typer.Argument(..., help="Folder of NAME.txt documents with their NAME.gold.json annotations."),
    predictions: Optional[Path] = typer.Option(None, "--predictions", "-p",
                                               help="Score these records (JSONL, as extract prints them) "
                                                    "instead of running extraction."),
    fmt: EvaluationFormat = typer.Option(EvaluationFormat.table, "--format", "-f", help="Output format."),
    errors: bool = typer.Option(False, "--errors",
                                help="Also list each miss and false hit with its document and evidence."),
    model: Optional[str] = typer.Option(None, "--model", help="An installed trained spaCy pipeline to combine in."),
) -> None:
    """Score extraction against a gold set: precision, recall and F1 per field."""
    import json

    from idefx.evaluate import GoldSetError, extract_folder, load_gold, load_predictions, load_texts, \
        print_evaluation, score

    if predictions and model:
        _err("--model applies to extraction, not to --predictions (give one or the other)")
        raise typer.Exit(2)
    try:
        gold = load_gold(gold_dir)
        records = load_predictions(predictions) if predictions else extract_folder(_pipeline(model), gold_dir)
        evaluation = score(gold, records, load_texts(gold_dir, gold))
    except GoldSetError as exc:
        _err(str(exc))
        raise typer.Exit(2)
    if fmt is EvaluationFormat.json:
        typer.echo(json.dumps(evaluation.to_dict(with_mistakes=errors), indent=2, ensure_ascii=False))
    else:
        print_evaluation(evaluation, sys.stdout, with_mistakes=errors)


def main() -> None:
    app()

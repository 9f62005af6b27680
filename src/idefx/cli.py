"""The ``idefx`` command line (Typer). Heavy imports (spaCy) happen inside commands, so ``--help`` stays fast."""

from __future__ import annotations

import json
import os
import sys
from contextlib import closing, contextmanager
from pathlib import Path
from typing import List, Optional

import typer

from idefx import __version__
from idefx.cli_help import PlainCommand, choices
from idefx.errors import EXIT_BROKEN_PIPE, EXIT_INTERRUPTED, IdefxError

app = typer.Typer(help="Extract structured meeting records from press text about official meetings.",
                  no_args_is_help=True, add_completion=True,
                  rich_markup_mode=None)  # plain Click help: Rich formatting would double the time of `--help`


RecordFormat = choices("RecordFormat", "table", "json", "jsonl", "csv", "html")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"idefx {__version__}")
        raise typer.Exit()


@app.callback()
def _main(version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                       help="Print the version and exit.")) -> None:
    """idefx: who met whom, with which title, for which country, when, where."""


DB_HELP = ("The store: a SQLite file or a postgresql:// URL (default: $IDEFX_DB, else idefx.sqlite3 in the user's "
           "data directory).")


def _err(message: str) -> None:
    """One line on stderr: line breaks and control characters in the message (file names) are escaped."""
    from idefx.safety import one_line
    typer.echo(f"idefx: {one_line(message)}", err=True)


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


SCHEDULER_HELP = ("Extract on a Dask cluster: local:N (N worker processes here) or a scheduler's tcp://HOST:PORT "
                  "(needs idefx[dask]).")
OUT_HELP = ("With --scheduler: the workers write the records into DIR, one JSON-lines file per partition with a "
            "manifest (idefx load DIR stores them), instead of stdout and the store; --format, --output and "
            "--save do not go with it.")


@app.command(cls=PlainCommand)
def extract(
    paths: Optional[List[str]] = typer.Argument(
        None, metavar="PATH...", show_default=False, help="Files or directories to read (directories recursively); '-' reads one document from stdin."),
    fmt: Optional[RecordFormat] = typer.Option(None, "--format", "-f", metavar="FORMAT",
                                               help="table, json, jsonl, csv, or html (the documents annotated, "
                                                    "with their meetings; default: table on a terminal, jsonl "
                                                    "otherwise)."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", metavar="FILE", help="Write records to this file instead of stdout."),
    model: Optional[str] = typer.Option(None, "--model", metavar="NAME", help="An installed trained spaCy pipeline to combine in."),
    globs: Optional[List[str]] = typer.Option(
        None, "--glob", metavar="PATTERN", help="File name pattern to take from directories (repeatable; default: "
                             "*.txt *.md *.markdown *.html *.htm)."),
    from_list: Optional[str] = typer.Option(None, "--from-list", metavar="FILE",
                                            help="Also read input paths, one per line, from this file ('-': stdin)."),
    jobs: int = typer.Option(1, "--jobs", "-j", min=1, metavar="N", help="Number of worker processes."),
    batch_size: int = typer.Option(16, "--batch-size", min=1, metavar="N", help="Documents per batch."),
    progress: Optional[bool] = typer.Option(None, "--progress/--no-progress",
                                            help="Progress bar on stderr (default: when stderr is a terminal)."),
    max_bytes: str = typer.Option("20MB", "--max-bytes", metavar="SIZE", help="Refuse inputs larger than this (e.g. 500k, 20MB)."),
    save: Optional[bool] = typer.Option(None, "--save/--no-save", help="Save the records in the store (default: save)."),
    db: Optional[str] = typer.Option(None, "--db", metavar="FILE", help=DB_HELP),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", metavar="ADDRESS", help=SCHEDULER_HELP),
    out_dir: Optional[Path] = typer.Option(None, "--out", metavar="DIR", help=OUT_HELP),
) -> None:
    """Extract meeting records from press text: files, directories, lists of paths; records stream out."""
    from idefx import cli_extract
    from idefx import progress as progress_bar
    from idefx.errors import EXIT_USAGE, InputError, batch_exit_code
    from idefx.output import open_output, write_json_lines, write_records
    from idefx.runner import DEFAULT_GLOBS, STDIN, count_paths, iter_paths

    limit = _max_bytes(max_bytes)
    paths = paths or []
    problem = cli_extract.usage_problem(paths, from_list, fmt and fmt.value, output, save, jobs, scheduler, out_dir)
    if problem:
        _err(problem)
        raise typer.Exit(EXIT_USAGE)
    globs = tuple(globs or DEFAULT_GLOBS)
    counts = {"processed": 0, "failed": 0}

    def succeeded(outcomes):
        for outcome in outcomes:
            if outcome.error:
                counts["failed"] += 1
                _err(f"{outcome.source}: {outcome.error}")
            else:
                counts["processed"] += 1
                if outcome.warning:
                    _err(f"{outcome.source}: warning: {outcome.warning}")
                yield outcome

    with _exit_codes():
        try:
            path_list = sys.stdin if from_list == STDIN else (open(from_list, encoding="utf-8") if from_list else None)
        except OSError as exc:
            raise InputError(from_list, f"cannot read the list of paths ({exc.strerror or exc})") from None
        try:
            if fmt is None:
                fmt = RecordFormat.table if (output is None and sys.stdout.isatty()) else RecordFormat.jsonl
            show = progress_bar.wanted(progress)
            total = count_paths(paths, globs, from_list) if show and path_list is not sys.stdin else None
            items = iter_paths(paths, globs, path_list)
            with cli_extract.outcomes(items, scheduler, out_dir, model, jobs, batch_size, limit, _err) as outcomes:
                if out_dir is not None:  # the workers wrote the records: count and report
                    with progress_bar.tracked(outcomes, total, show) as tracked:
                        for _ in succeeded(tracked):
                            pass
                    _err(f"wrote {counts['processed']} records to {out_dir} (idefx load {out_dir} stores them)")
                    raise typer.Exit(batch_exit_code(**counts))
                with open_output(output, fmt.value) as out, progress_bar.tracked(outcomes, total, show) as tracked:
                    done = cli_extract.saving(succeeded(tracked), db) if save is not False else succeeded(tracked)
                    if fmt == RecordFormat.jsonl:  # the workers' JSON as it is: no parsing and writing again
                        write_json_lines((outcome.record_json for outcome in done), out)
                    elif fmt == RecordFormat.html:
                        from idefx.pages.document import write_documents_page
                        write_documents_page((outcome.record for outcome in done), out, limit)
                    else:
                        write_records((outcome.record for outcome in done), fmt.value, out)
        finally:
            if path_list is not None and path_list is not sys.stdin:
                path_list.close()
    raise typer.Exit(batch_exit_code(**counts))


@app.command(cls=PlainCommand)
def load(
    paths: List[str] = typer.Argument(..., metavar="PATH...", show_default=False,
                                      help="JSON-lines record files (extract --no-save), or directories written by "
                                           "extract --out."),
    db: Optional[str] = typer.Option(None, "--db", metavar="FILE", help=DB_HELP),
) -> None:
    """Save records made elsewhere into the store, one transaction each; a record already stored is skipped,
    a bad line is refused with its line number and the others load."""
    from idefx import store
    from idefx.errors import batch_exit_code
    from idefx.loading import load_records

    with _exit_codes():
        with closing(store.connect(store.resolve_path(db))) as conn:
            counts = load_records(conn, paths, _err)
    typer.echo(f"loaded {counts.saved} records, {counts.stored} already stored, {counts.refused} refused", err=True)
    raise typer.Exit(batch_exit_code(counts.saved + counts.stored, counts.refused))


# ---------------------------------------------------------------- the store: queries, documents, export


QueryFormat = choices("QueryFormat", "table", "json", "jsonl", "csv")
ExportFormat = choices("ExportFormat", "jsonl", "csv")


_FORMAT = typer.Option(QueryFormat.table, "--format", "-f", metavar="FORMAT",
                       help="table, json, jsonl or csv.")
_DB = typer.Option(None, "--db", metavar="FILE", help=DB_HELP)
_WIDE = typer.Option(False, "--wide", help="Tables: show every column, however wide (default: the columns that "
                                           "fit the terminal, or $COLUMNS).")


@contextmanager
def _store(db: Optional[str]):
    """An open store; store errors and bad arguments end the command with one line on stderr."""
    from idefx import store

    with _exit_codes():
        with closing(store.connect(store.resolve_path(db), create=False)) as conn:
            try:
                yield conn
            except store.database_errors() as exc:
                raise store.StoreError(f"store {store.shown(store.resolve_path(db))}: {exc}") from None


def _print(rows: list[dict], columns: list[str], fmt: QueryFormat, title: str, wide: bool = False) -> None:
    from idefx.rows import write_rows

    write_rows(rows, columns, fmt.value, sys.stdout, title=title, wide=wide)


@app.command(cls=PlainCommand)
def people(
    country: Optional[str] = typer.Option(None, "--country", metavar="COUNTRY", help="Country name, code or demonym."),
    org: Optional[str] = typer.Option(None, "--org", metavar="WORDS", help="Words of an organisation's name."),
    name: Optional[str] = typer.Option(None, "--name", metavar="WORDS", help="Words of the person's name or an alias."),
    title: Optional[str] = typer.Option(None, "--title", metavar="WORDS", help="Words of a title the person held."),
    fmt: QueryFormat = _FORMAT,
    wide: bool = _WIDE,
    db: Optional[str] = _DB,
) -> None:
    """People in the store, with titles, organisations and counts."""
    from idefx import queries

    with _store(db) as conn:
        _print(queries.people(conn, country=country, org=org, name=name, title=title), queries.PEOPLE_COLUMNS,
               fmt, "people", wide)


@app.command(cls=PlainCommand)
def meetings(
    person: Optional[str] = typer.Option(None, "--person", metavar="WORDS", help="Words of a participant's name."),
    country: Optional[str] = typer.Option(None, "--country", metavar="COUNTRY", help="Where it took place or a party to it."),
    event: Optional[str] = typer.Option(None, "--event", metavar="WORDS", help="Words of the event's name."),
    since: Optional[str] = typer.Option(None, "--since", metavar="DATE", help="On or after this date (YYYY[-MM[-DD]]); a "
                                        "meeting the text leaves undated counts at its document's publication date."),
    until: Optional[str] = typer.Option(None, "--until", metavar="DATE",
                                        help="On or before this date (YYYY[-MM[-DD]]), the same way."),
    fmt: QueryFormat = _FORMAT,
    wide: bool = _WIDE,
    db: Optional[str] = _DB,
) -> None:
    """Meetings in the store, oldest first. A meeting the text leaves undated is dated by its document's
    publication date, and its date_source column says "published" (else "text")."""
    from idefx import queries

    with _store(db) as conn:
        _print(queries.meetings(conn, person=person, country=country, event=event, since=since, until=until),
               queries.MEETING_COLUMNS, fmt, "meetings", wide)


def _listing(name: str, query: str, columns: str, title: str, summary: str) -> None:
    """Register a command that lists one kind of stored thing: ``queries.<query>`` under ``queries.<columns>``."""

    def command(fmt: QueryFormat = _FORMAT, wide: bool = _WIDE, db: Optional[str] = _DB) -> None:
        from idefx import queries

        with _store(db) as conn:
            _print(getattr(queries, query)(conn), getattr(queries, columns), fmt, title, wide)

    command.__doc__ = summary
    app.command(name, cls=PlainCommand)(command)


_listing("orgs", "organisations", "ORG_COLUMNS", "organisations", "Organisations in the store, with counts.")
_listing("events", "events", "EVENT_COLUMNS", "events", "Events in the store, with counts.")
_listing("countries", "countries", "COUNTRY_COLUMNS", "countries",
         "Countries in the store, with counts of people, meetings and documents.")


@app.command(cls=PlainCommand)
def show(
    person: str = typer.Argument(..., metavar="PERSON", help="The person's name, an alias, or words of it; with "
                                 "--format html, a stored document (id, path or SHA-256 prefix)."),
    fmt: RecordFormat = typer.Option(RecordFormat.table, "--format", "-f", metavar="FORMAT",
                                   help="table, json, jsonl or csv; html: the document's page, its people, places "
                                        "and dates highlighted beside its meetings."),
    wide: bool = _WIDE,
    db: Optional[str] = _DB,
) -> None:
    """Everything known about one person: titles over time, organisations, meetings, documents (or, with
    --format html, one stored document annotated)."""
    from idefx import queries
    from idefx.safety import json_safe

    with _store(db) as conn:
        if fmt == RecordFormat.html:
            from idefx.io import DEFAULT_MAX_BYTES
            from idefx.pages.report import document_view
            sys.stdout.write(document_view(conn, person, DEFAULT_MAX_BYTES))
            return
        found = queries.show(conn, person)
    fmt = QueryFormat(fmt.value)
    if fmt in (QueryFormat.json, QueryFormat.jsonl):
        typer.echo(json.dumps(json_safe(found), ensure_ascii=False, indent=2 if fmt == QueryFormat.json else None))
    elif fmt == QueryFormat.csv:
        rows = [{"kind": "role", **r} for r in found["roles"]]
        rows += [{"kind": "meeting", **m, "place": ", ".join(x for x in (m["venue"], m["city"]) if x)}
                 for m in found["meetings"]]
        _print(rows, ["kind", *queries.ROLE_COLUMNS, "participants", "place", "event"], fmt, "", wide)
    else:
        label = f"{found['name']} ({found['country'] or '?'})"
        summary = {**found, "documents": len(found["documents"]), "meetings": len(found["meetings"])}
        _print([summary], queries.PEOPLE_COLUMNS, fmt, label, wide)
        _print(found["roles"], queries.ROLE_COLUMNS, fmt, "titles over time", wide)
        _print(found["meetings"], queries.MEETING_COLUMNS, fmt, "meetings", wide)
        _print(found["documents"], ["document", "published", "path", "first_mention"], fmt, "documents", wide)


_listing("documents", "documents", "DOCUMENT_COLUMNS", "documents", "Documents in the store.")


@app.command(cls=PlainCommand)
def forget(
    doc: str = typer.Argument(..., metavar="DOC", help="The document's id (file stem), path, or a SHA-256 prefix."),
    db: Optional[str] = _DB,
) -> None:
    """Remove one document and everything derived only from it."""
    from idefx import store
    from idefx.safety import terminal_text

    with _store(db) as conn:
        removed = store.forget(conn, doc)
    typer.echo(terminal_text(f"forgot {removed['doc_id']} ({removed['sha256'][:12]})"))


@app.command(cls=PlainCommand)
def export(
    fmt: ExportFormat = typer.Option(ExportFormat.jsonl, "--format", "-f", metavar="FORMAT",
                                     help="jsonl (default) or csv."),
    out: Optional[Path] = typer.Option(None, "--out", metavar="DIR", help="Write one file per table into this directory "
                                       "(default for jsonl: stdout, one {table, row} object a line)."),
    db: Optional[str] = _DB,
) -> None:
    """Export the whole store, table by table."""
    from idefx import store
    from idefx.errors import EXIT_USAGE, OutputError
    from idefx.rows import write_rows
    from idefx.safety import json_safe

    if out is None and fmt == ExportFormat.csv:
        _err("csv export writes one file per table: give --out DIR")
        raise typer.Exit(EXIT_USAGE)
    with _store(db) as conn:
        if out is None:
            for table in store.EXPORT_TABLES:
                for row in store.table_rows(conn, table):
                    sys.stdout.write(json.dumps(json_safe({"table": table, "row": row}), ensure_ascii=False) + "\n")
            return
        try:
            out.mkdir(parents=True, exist_ok=True)
            for table in store.EXPORT_TABLES:
                with open(out / f"{table}.{fmt.value}", "w", encoding="utf-8", newline="") as fh:
                    write_rows(store.table_rows(conn, table), store.table_columns(conn, table), fmt.value, fh)
        except OSError as exc:
            raise OutputError(f"{out}: cannot write export ({exc.strerror or exc})") from None
    typer.echo(f"exported {len(store.EXPORT_TABLES)} tables to {out}", err=True)

EvaluationFormat = choices("EvaluationFormat", "table", "json")


@app.command(cls=PlainCommand)
def evaluate(
    gold_dir: Path = typer.Argument(..., metavar="GOLD_DIR", help="Folder of NAME.txt documents with their NAME.gold.json annotations."),
    predictions: Optional[Path] = typer.Option(None, "--predictions", "-p", metavar="FILE",
                                               help="Score these records (JSONL, as extract prints them) "
                                                    "instead of running extraction."),
    fmt: EvaluationFormat = typer.Option(EvaluationFormat.table, "--format", "-f", metavar="FORMAT",
                                         help="table or json."),
    errors: bool = typer.Option(False, "--errors",
                                help="Also list each miss and false hit with its document and evidence."),
    model: Optional[str] = typer.Option(None, "--model", metavar="NAME", help="An installed trained spaCy pipeline to combine in."),
) -> None:
    """Score extraction against a gold set: precision, recall and F1 per field."""
    import json

    from idefx.errors import EXIT_USAGE
    from idefx.evaluate import extract_folder, load_gold, load_predictions, load_texts, score
    from idefx.evaluation_table import print_evaluation
    from idefx.pipeline import load_pipeline

    if predictions and model:
        _err("--model applies to extraction, not to --predictions (give one or the other)")
        raise typer.Exit(EXIT_USAGE)
    with _exit_codes():
        gold = load_gold(gold_dir)
        records = load_predictions(predictions) if predictions else extract_folder(load_pipeline(model), gold_dir)
        evaluation = score(gold, records, load_texts(gold_dir, gold))
        if fmt is EvaluationFormat.json:
            typer.echo(json.dumps(evaluation.to_dict(with_mistakes=errors), indent=2, ensure_ascii=False))
        else:
            print_evaluation(evaluation, sys.stdout, with_mistakes=errors)


def main() -> None:
    """The ``idefx`` command: run the app, flush what it wrote, and end the process at once.

    Everything the app opened (outputs, the store, worker pools) is closed by then; skipping the interpreter's
    teardown, which frees every object of the loaded pipeline one by one, saves a quarter of a second per run.
    """
    try:
        app()
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        if not isinstance(exc.code, (int, type(None))):
            _err(str(exc.code))
    try:
        sys.stdout.flush()
    except (BrokenPipeError, ValueError):
        code = code or EXIT_BROKEN_PIPE
    try:
        sys.stderr.flush()
    except (OSError, ValueError):
        pass
    os._exit(code)


from idefx import cli_pictures  # noqa: E402,F401  (registers `graph` and `report` on the app)

"""The plumbing of ``idefx extract``: the option combinations it refuses, where the outcomes come from (local
worker processes or a Dask cluster), and saving records into the store as they pass."""

from __future__ import annotations

from contextlib import closing, contextmanager
from pathlib import Path
from typing import Callable, Optional

from idefx.runner import STDIN


def usage_problem(paths: list[str], from_list: Optional[str], fmt: Optional[str], output: Optional[Path],
                  save: Optional[bool], jobs: int, scheduler: Optional[str], out_dir: Optional[Path]) -> Optional[str]:
    """Why these options cannot go together (one line), or None; ``fmt`` is the format's name, ``save`` None
    when neither --save nor --no-save was given."""
    if not paths and from_list is None:
        return "no input: give files or directories, '-' for stdin, or --from-list"
    if fmt == "html" and STDIN in paths:
        return "--format html shows each document's text, read again from its file: give files, not stdin ('-')"
    if from_list == STDIN and STDIN in paths:
        return "stdin cannot be both a document ('-') and a list of paths (--from-list -)"
    if out_dir is not None and scheduler is None:
        return "--out is for runs on a Dask cluster: give --scheduler too"
    if out_dir is not None and (fmt not in (None, "jsonl") or output is not None or save):
        given = [name for name, value in (("--format", fmt not in (None, "jsonl")), ("--output", output),
                                          ("--save", save)) if value]
        return (f"--out DIR writes the records as JSON lines into DIR and saves nothing: drop {'/'.join(given)} "
                "(idefx load DIR saves them)")
    if scheduler is not None and jobs > 1:
        return "--jobs sets local worker processes; with --scheduler the cluster's workers do the work"
    return None


@contextmanager
def outcomes(items, scheduler: Optional[str], out_dir: Optional[Path], model, jobs: int, batch_size: int,
             max_bytes: int, report: Callable[[str], None]):
    """The outcomes of a local run, or of a run on the Dask cluster at ``scheduler`` (records written into
    ``out_dir`` when given); ``report`` writes a line on stderr."""
    import typer

    from idefx.errors import EXIT_USAGE
    from idefx.runner import run

    if scheduler is None:
        yield run(items, model=model, jobs=jobs, batch_size=batch_size, max_bytes=max_bytes)
        return
    try:
        from idefx import cluster
    except ImportError:
        report("--scheduler needs Dask: pip install 'idefx[dask]'")
        raise typer.Exit(EXIT_USAGE) from None
    with cluster.connect(scheduler, model, report=report) as client:
        if out_dir is None:
            yield cluster.run(client, items, batch_size, max_bytes)
        else:
            yield cluster.run_to_directory(client, items, batch_size, out_dir, max_bytes)


def saving(outcomes, db: Optional[str]):
    """Save each outcome's record in the store as it passes, one transaction each (the store opens when the
    first record arrives)."""
    from idefx import store

    with closing(store.connect(store.resolve_path(db))) as conn:
        for outcome in outcomes:
            store.save_or_fail(conn, outcome.record)
            yield outcome

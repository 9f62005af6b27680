"""A progress bar on stderr (documents, words per second, ETA) while extraction runs; silent unless stderr is a tty.

The bar is redrawn from the consuming loop, at most a few times a second,
with no refresh thread (so worker processes can be forked safely meanwhile).
Rich is imported only when the bar is shown.
"""

from __future__ import annotations

import sys
import time
from contextlib import contextmanager
from typing import Iterable, Iterator, Optional

from idefx.runner import Outcome

REFRESH_SECONDS = 0.2


def wanted(flag: Optional[bool]) -> bool:
    """Show the bar if asked to, or by default when stderr is a terminal."""
    return sys.stderr.isatty() if flag is None else flag


@contextmanager
def tracked(outcomes: Iterable[Outcome], total: Optional[int], show: bool) -> Iterator[Iterator[Outcome]]:
    """Wrap ``outcomes`` so that consuming them advances a progress bar (when ``show``)."""
    if not show:
        yield iter(outcomes)
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    progress = Progress(TextColumn("[progress.description]{task.description}"), BarColumn(), MofNCompleteColumn(),
                        TextColumn("docs"), TextColumn("{task.fields[rate]:>8} words/s"),
                        TextColumn("ETA"), TimeRemainingColumn(),
                        console=Console(file=sys.stderr), auto_refresh=False, transient=False)
    task = progress.add_task("extracting", total=total, rate="-")

    def advance() -> Iterator[Outcome]:
        start = last = time.perf_counter()
        words = 0
        for outcome in outcomes:
            words += outcome.words
            progress.advance(task)
            now = time.perf_counter()
            if now - last >= REFRESH_SECONDS:
                progress.update(task, rate=f"{words / (now - start):,.0f}")
                progress.refresh()
                last = now
            yield outcome
        elapsed = time.perf_counter() - start
        progress.update(task, rate=f"{words / elapsed:,.0f}" if elapsed > 0 else "-")
        progress.refresh()

    with progress:
        yield advance()

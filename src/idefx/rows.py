"""Write query results (lists of flat dicts) as a Rich table, JSON, JSON lines or CSV; the columns of a meeting row.

List values are kept as lists in JSON and joined with ``"; "`` in tables and
CSV. Cells go through :mod:`idefx.safety`: CSV cells cannot become
spreadsheet formulas, table cells cannot carry terminal escape sequences.
"""

from __future__ import annotations

import csv
import json
import os
from typing import IO, Iterable, Optional

from idefx.safety import csv_cell, json_safe, terminal_text

# one row per meeting, the same columns for `idefx extract --format csv` and `idefx meetings`; ``date_source``
# says where the date comes from: "text" (the meeting's own date) or "published" (its document's publication
# date, which a query falls back on for a meeting the text does not date)
MEETING_COLUMNS = ["date", "date_source", "participants", "hosts", "guests", "parties", "mode", "city", "country",
                   "venue", "event", "document", "evidence_start", "evidence_end"]
PIPE_WIDTH = 200  # table width when stdout is not a terminal (files, pipes) and COLUMNS is not set
OFFSET_COLUMNS = {"evidence_start", "evidence_end", "first_mention"}  # character offsets: for machines, not tables
# columns a reader of a narrow table misses least, in the order they are left out
DROPPED_FIRST = ("sha256", "saved_at", "path", "first_seen", "hosts", "guests", "aliases", "mode", "venue",
                 "organisations", "date_source", "document")


def cell_text(value) -> str:
    """A value as one line of text: lists joined with "; ", None as nothing."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "; ".join(cell_text(v) for v in value)
    return str(value)


def write_rows(rows: Iterable[dict], columns: list[str], fmt: str, out: IO[str], title: Optional[str] = None,
               wide: bool = False) -> int:
    """Write ``rows`` (only ``columns``, in that order) in ``fmt``; return how many were written.

    Tables are for reading: see :func:`_write_table`; json, jsonl and csv carry every column."""
    rows = [{c: row.get(c) for c in columns} for row in rows]
    if fmt == "json":
        out.write(json.dumps(json_safe(rows), ensure_ascii=False, indent=2) + "\n")
    elif fmt == "jsonl":
        for row in rows:
            out.write(json.dumps(json_safe(row), ensure_ascii=False) + "\n")
    elif fmt == "csv":
        writer = csv.writer(out)
        writer.writerow(columns)
        writer.writerows([csv_cell(cell_text(row[c]) if isinstance(row[c], (list, tuple)) else row[c]) for c in columns]
                         for row in rows)
    else:
        _write_table(rows, columns, out, title, wide)
    return len(rows)


def _write_table(rows: list[dict], columns: list[str], out: IO[str], title: Optional[str], wide: bool) -> None:
    """A Rich table fitted to the terminal: no character offsets, no word broken across lines; the columns
    that do not fit are left out (and named under the table) unless ``wide``."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console(file=out)
    if not console.is_terminal and "COLUMNS" not in os.environ:
        console = Console(file=out, width=PIPE_WIDTH)
    cells = {c: [terminal_text(cell_text(row[c])) for row in rows] for c in columns if c not in OFFSET_COLUMNS}
    needed = {c: max([len(c), *(len(word) for cell in values for word in cell.split())]) for c, values in cells.items()}
    shown = list(cells) if wide else _fitting(needed, console.width)
    hidden = [c for c in cells if c not in shown]
    table = Table(title=Text(terminal_text(title)) if title else None, title_justify="left",
                  caption=f"not shown: {', '.join(hidden)} (--wide shows every column)" if hidden else None,
                  caption_justify="left")
    for column in shown:
        table.add_column(column, min_width=needed[column], overflow="fold")
    for i in range(len(rows)):
        table.add_row(*(Text(cells[c][i]) for c in shown))
    if wide:  # room for every cell on one line
        full = sum(max([len(c), *map(len, cells[c])]) + 3 for c in shown) + 1
        console = Console(file=out, width=max(console.width, full))
    console.print(table)


def _fitting(needed: dict[str, int], width: int) -> list[str]:
    """The columns that fit in ``width`` at their needed widths: the least useful to a reader go first, then
    the rightmost; at least one column stays."""
    shown = list(needed)
    while len(shown) > 1 and sum(needed[c] + 3 for c in shown) + 1 > width:
        shown.remove(next((c for c in DROPPED_FIRST if c in shown), shown[-1]))
    return shown

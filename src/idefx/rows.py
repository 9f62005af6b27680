"""Write query results (lists of flat dicts) as a Rich table, JSON, JSON lines or CSV; the columns of a meeting row.

List values are kept as lists in JSON and joined with ``"; "`` in tables and
CSV. Cells go through :mod:`idefx.safety`: CSV cells cannot become
spreadsheet formulas, table cells cannot carry terminal escape sequences.
"""

from __future__ import annotations

import csv
import json
from typing import IO, Iterable, Optional

from idefx.safety import csv_cell, json_safe, terminal_text

# one row per meeting, the same columns for `idefx extract --format csv` and `idefx meetings`; ``date_source``
# says where the date comes from: "text" (the meeting's own date) or "published" (its document's publication
# date, which a query falls back on for a meeting the text does not date)
MEETING_COLUMNS = ["date", "date_source", "participants", "hosts", "guests", "parties", "mode", "city", "country",
                   "venue", "event", "document", "evidence_start", "evidence_end"]
PIPE_WIDTH = 200  # table width when stdout is not a terminal (files, pipes)


def _flat(value) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "; ".join(_flat(v) for v in value)
    return str(value)


def write_rows(rows: Iterable[dict], columns: list[str], fmt: str, out: IO[str], title: Optional[str] = None) -> int:
    """Write ``rows`` (only ``columns``, in that order) in ``fmt``; return how many were written."""
    rows = [{c: row.get(c) for c in columns} for row in rows]
    if fmt == "json":
        out.write(json.dumps(json_safe(rows), ensure_ascii=False, indent=2) + "\n")
    elif fmt == "jsonl":
        for row in rows:
            out.write(json.dumps(json_safe(row), ensure_ascii=False) + "\n")
    elif fmt == "csv":
        writer = csv.writer(out)
        writer.writerow(columns)
        writer.writerows([csv_cell(_flat(row[c]) if isinstance(row[c], (list, tuple)) else row[c]) for c in columns]
                         for row in rows)
    else:
        from rich.console import Console
        from rich.table import Table
        from rich.text import Text

        table = Table(title=Text(terminal_text(title)) if title else None, title_justify="left")
        for column in columns:
            table.add_column(column, overflow="fold")
        for row in rows:
            table.add_row(*(Text(terminal_text(_flat(row[c]))) for c in columns))
        console = Console(file=out)
        if not console.is_terminal:
            console = Console(file=out, width=PIPE_WIDTH)
        console.print(table)
    return len(rows)

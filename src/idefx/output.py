"""Write document records to stdout or a file: a Rich table for humans, JSON, JSON lines or CSV for tools.

All formats are safe to open: JSON is always valid UTF-8 (lone surrogates become U+FFFD), CSV cells
cannot run as spreadsheet formulas, tables show no terminal control sequences (see idefx.safety).
"""

from __future__ import annotations

import csv
import json
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Iterable, Iterator, Optional

from pydantic_core import PydanticSerializationError

from idefx.errors import OutputError
from idefx.records import DocumentRecord
from idefx.rows import MEETING_COLUMNS
from idefx.safety import csv_row, json_safe, one_line

def meeting_rows(record: DocumentRecord) -> Iterator[dict]:
    """One row (:data:`idefx.rows.MEETING_COLUMNS`) per meeting; the date is the record's, never a fallback."""
    for m in record.meetings:
        start, end = m.evidence_extent()
        yield {
            "date": m.date or "", "date_source": "text" if m.date else "",
            "participants": "; ".join(m.participants), "hosts": "; ".join(m.hosts),
            "guests": "; ".join(m.guests), "parties": "; ".join(m.parties), "mode": m.mode,
            "city": m.city or "", "country": m.country or "", "venue": m.venue or "", "event": m.event or "",
            "document": record.id, "evidence_start": "" if start is None else start,
            "evidence_end": "" if end is None else end,
        }


@contextmanager
def open_output(path: Optional[Path], fmt: str) -> Iterator[IO[str]]:
    """The file ``path`` (UTF-8) or standard output (switched to UTF-8 for the machine formats).

    Raises :class:`OutputError` when the file cannot be opened or written.
    """
    if path is None:
        if fmt != "table" and hasattr(sys.stdout, "reconfigure"):
            sys.stdout.reconfigure(encoding="utf-8")
        yield sys.stdout
        return
    try:
        out = open(path, "w", encoding="utf-8", newline="" if fmt == "csv" else None)
    except OSError as exc:
        raise OutputError(f"{one_line(str(path))}: cannot write ({exc.strerror or exc})") from None
    try:
        with out:
            yield out
    except OSError as exc:
        raise OutputError(f"{one_line(str(path))}: cannot write ({exc.strerror or exc})") from None


def record_json(record: DocumentRecord, indent: int | None = None) -> str:
    """The record as JSON text that encodes to valid UTF-8 (compact unless ``indent`` is given)."""
    if indent is None:
        try:  # pydantic's own serialiser writes the same compact text
            return record.model_dump_json()
        except PydanticSerializationError:  # a lone surrogate in some string: made U+FFFD below
            pass
    separators = (",", ":") if indent is None else (",", ": ")
    return json.dumps(json_safe(record.model_dump(mode="json")), ensure_ascii=False, indent=indent,
                      separators=separators)


def write_records(records: Iterable[DocumentRecord], fmt: str, out: IO[str]) -> int:
    """Write records in ``fmt`` as they come; return how many were written."""
    count = 0
    if fmt == "jsonl":
        count = write_json_lines((record_json(record) for record in records), out)
    elif fmt == "json":
        out.write("[")
        for record in records:
            out.write(("," if count else "") + "\n" + record_json(record, indent=2))
            count += 1
        out.write("\n]\n" if count else "]\n")
    elif fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=MEETING_COLUMNS)
        writer.writeheader()
        for record in records:
            writer.writerows(csv_row(row) for row in meeting_rows(record))
            count += 1
    else:
        from idefx.tables import print_records
        for record in records:
            print_records([record], out)
            count += 1
    return count


def write_json_lines(lines: Iterable[str], out: IO[str]) -> int:
    """Write records already serialised by :func:`record_json`, one per line, each flushed as it comes; return
    how many were written."""
    count = 0
    for line in lines:
        out.write(line + "\n")
        out.flush()
        count += 1
    return count

"""Write document records to stdout or a file: a Rich table for humans, JSON, JSON lines or CSV for tools."""

from __future__ import annotations

import csv
import json
import sys
from typing import IO, Iterable, Iterator

from idefx.records import DocumentRecord

MEETING_COLUMNS = ["document", "participants", "hosts", "guests", "parties", "mode", "date",
                   "city", "country", "venue", "event", "evidence_start", "evidence_end"]


def meeting_rows(record: DocumentRecord) -> Iterator[dict]:
    for m in record.meetings:
        ev = m.evidence[0] if m.evidence else None
        yield {
            "document": record.id, "participants": "; ".join(m.participants), "hosts": "; ".join(m.hosts),
            "guests": "; ".join(m.guests), "parties": "; ".join(m.parties), "mode": m.mode,
            "date": m.date or "", "city": m.city or "", "country": m.country or "", "venue": m.venue or "",
            "event": m.event or "", "evidence_start": ev.start if ev else "", "evidence_end": ev.end if ev else "",
        }


def write_records(records: Iterable[DocumentRecord], fmt: str, out: IO[str]) -> int:
    """Write records in ``fmt`` as they come; return how many were written."""
    count = 0
    if fmt == "jsonl":
        for record in records:
            out.write(record.model_dump_json() + "\n")
            out.flush()
            count += 1
    elif fmt == "json":
        out.write("[")
        for record in records:
            out.write(("," if count else "") + "\n" + record.model_dump_json(indent=2))
            count += 1
        out.write("\n]\n" if count else "]\n")
    elif fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=MEETING_COLUMNS)
        writer.writeheader()
        for record in records:
            writer.writerows(meeting_rows(record))
            count += 1
    else:
        from idefx.tables import print_records
        for record in records:
            print_records([record], out)
            count += 1
    return count

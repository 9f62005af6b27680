"""Rich tables of document records, for a human at a terminal.

Every cell and title is plain text: document-derived strings are stripped of terminal control
sequences (idefx.safety) and never read as Rich markup.
"""

from __future__ import annotations

from typing import IO, Iterable

from rich.console import Console
from rich.table import Table
from rich.text import Text

from idefx.records import DocumentRecord
from idefx.safety import terminal_text


def _cell(value: str) -> Text:
    return Text(terminal_text(value))


def print_records(records: Iterable[DocumentRecord], out: IO[str]) -> None:
    console = Console(file=out)
    for record in records:
        people = Table(title=_cell(f"{record.id}: people"), title_justify="left")
        for col in ("name", "titles", "organization", "country"):
            people.add_column(col)
        for p in record.people:
            people.add_row(*map(_cell, (p.name, "; ".join(p.titles), p.organization or "", p.country or "")))
        console.print(people)
        meetings = Table(title=_cell(f"{record.id}: meetings (published {record.published or '?'})"),
                         title_justify="left")
        for col in ("participants", "parties", "mode", "date", "place", "event"):
            meetings.add_column(col)
        for m in record.meetings:
            place = ", ".join(x for x in (m.venue, m.city, m.country) if x)
            meetings.add_row(*map(_cell, ("; ".join(m.participants), " ".join(m.parties), m.mode, m.date or "",
                                          place, m.event or "")))
        console.print(meetings)

"""Rows that documents share in the store: organisations and events (one row per name key), and evidence.

A shared row's name and country do not depend on which document came first: of the forms seen, the name is
the first in code-point order and the country the first known one in that order. One document's shared rows
are written together and their ids read back in one query.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Iterable, Optional

from idefx.names import name_key

_FIRST = "CASE WHEN excluded.{0} < {1}.{0} THEN excluded.{0} ELSE {1}.{0} END"
_FIRST_KNOWN = "CASE WHEN {1}.{0} IS NULL OR excluded.{0} < {1}.{0} THEN excluded.{0} ELSE {1}.{0} END"


def _shared_key(name: str) -> str:
    return name_key(name) or name


def _ids(conn: sqlite3.Connection, table: str, rows: list[tuple]):
    """The row id of each name in ``rows`` ((name, key, ...) tuples) by its name key, as a function to call for
    them: the query is sent now and its answer read then, so queries sent in between travel with it."""
    if not rows:
        return lambda: {}
    cursor = conn.execute(f"SELECT name_key, id FROM {table} WHERE name_key IN "
                          "(SELECT CAST(value AS TEXT) FROM json_each(?))", (json.dumps(sorted({r[1] for r in rows})),))

    def answer() -> dict[str, int]:
        by_key = dict(cursor.fetchall())
        return {row[0]: by_key[row[1]] for row in rows}
    return answer


def shared_ids(conn: sqlite3.Connection, organisations: Iterable[tuple[str, Optional[str]]],
               events: Iterable[str] = ()) -> tuple[dict[str, int], dict[str, int]]:
    """Write organisations given as (name, country) and events given by name; return the row id of each
    organisation's name and of each event's name."""
    orgs = [(name, _shared_key(name), country) for name, country in organisations]
    conn.executemany("INSERT INTO organisations (name, name_key, country) VALUES (?, ?, ?) "
                     f"ON CONFLICT (name_key) DO UPDATE SET name = {_FIRST.format('name', 'organisations')}, "
                     f"country = {_FIRST_KNOWN.format('country', 'organisations')}", orgs)
    named = [(name, _shared_key(name)) for name in events]
    conn.executemany("INSERT INTO events (name, name_key) VALUES (?, ?) "
                     f"ON CONFLICT (name_key) DO UPDATE SET name = {_FIRST.format('name', 'events')}", named)
    org_ids, event_ids = _ids(conn, "organisations", orgs), _ids(conn, "events", named)
    return org_ids(), event_ids()


def add_evidence(conn: sqlite3.Connection, doc_row: int, kind: str, ref_id: Optional[int], label: Optional[str],
                 spans: Iterable) -> None:
    conn.executemany('INSERT INTO evidence (document_id, kind, ref_id, label, start, "end", text) '
                     "VALUES (?, ?, ?, ?, ?, ?, ?)",
                     [(doc_row, kind, ref_id, label, s.start, s.end, s.text) for s in spans])

"""Rows that documents share in the store: organisations and events (one row per name key), and evidence.

A shared row's name and country do not depend on which document came first: of the forms seen, the name is
the first in code-point order and the country the first known one in that order.
"""

from __future__ import annotations

import sqlite3
from typing import Iterable, Optional

from idefx.names import name_key


def organisation_id(conn: sqlite3.Connection, name: str, country: Optional[str]) -> int:
    key = name_key(name) or name
    row = conn.execute("SELECT id, name, country FROM organisations WHERE name_key = ?", (key,)).fetchone()
    if row is None:
        return conn.execute("INSERT INTO organisations (name, name_key, country) VALUES (?, ?, ?)",
                            (name, key, country)).lastrowid
    known = [c for c in (row["country"], country) if c]
    conn.execute("UPDATE organisations SET name = ?, country = ? WHERE id = ?",
                 (min(row["name"], name), min(known) if known else None, row["id"]))
    return row["id"]


def event_id(conn: sqlite3.Connection, name: str) -> int:
    key = name_key(name) or name
    row = conn.execute("SELECT id, name FROM events WHERE name_key = ?", (key,)).fetchone()
    if row is None:
        return conn.execute("INSERT INTO events (name, name_key) VALUES (?, ?)", (name, key)).lastrowid
    conn.execute("UPDATE events SET name = ? WHERE id = ?", (min(row["name"], name), row["id"]))
    return row["id"]


def add_evidence(conn: sqlite3.Connection, doc_row: int, kind: str, ref_id: Optional[int], label: Optional[str],
                 spans: Iterable) -> None:
    conn.executemany('INSERT INTO evidence (document_id, kind, ref_id, label, start, "end", text) '
                     "VALUES (?, ?, ?, ?, ?, ?, ?)",
                     [(doc_row, kind, ref_id, label, s.start, s.end, s.text) for s in spans])

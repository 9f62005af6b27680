"""The meeting network read from the store: people who took part in the meetings the filters keep, and the
meetings that join them, with the evidence sentence of each.

Meetings come from :func:`idefx.queries.meetings` (the same filters and the same rows as ``idefx meetings``);
the participant ids and evidence sentences it does not return are read here.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from dataclasses import dataclass, field
from itertools import combinations
from typing import Optional

from idefx import gazetteers, queries


@dataclass
class Network:
    """People (by store id) and meetings (rows of ``queries.meetings`` with ``people``: participant ids)."""

    people: dict[int, dict] = field(default_factory=dict)
    meetings: list[dict] = field(default_factory=list)

    def pairs(self):
        """``(a, b, meeting)`` for each pair of people who took part in a meeting together; a meeting with one
        named participant gives ``(a, a, meeting)``."""
        for meeting in self.meetings:
            ids = meeting["people"]
            if len(ids) == 1:
                yield ids[0], ids[0], meeting
            for a, b in combinations(ids, 2):
                yield a, b, meeting


def _in_list(ids) -> tuple[str, list]:
    return "IN (SELECT value FROM json_each(?))", [json.dumps(list(ids))]


def load(conn: sqlite3.Connection, person: Optional[str] = None, country: Optional[str] = None,
         event: Optional[str] = None, since: Optional[str] = None, until: Optional[str] = None) -> Network:
    """The network of the meetings that ``idefx meetings`` lists with the same filters."""
    meetings = queries.meetings(conn, person=person, country=country, event=event, since=since, until=until)
    by_id = {m["id"]: {**m, "people": [], "evidence": ""} for m in meetings}
    among, params = _in_list(by_id)
    for mid, pid in conn.execute(f"SELECT meeting_id, person_id FROM participants WHERE meeting_id {among} "
                                 "ORDER BY rowid", params):
        by_id[mid]["people"].append(pid)
    for mid, text in conn.execute(f"SELECT ref_id, text FROM evidence WHERE kind = 'meeting' AND ref_id {among} "
                                  "ORDER BY id", params):
        entry = by_id[mid]
        entry["evidence"] = f"{entry['evidence']} … {text}" if entry["evidence"] else text
    wanted = {pid for m in by_id.values() for pid in m["people"]}
    counts = Counter(pid for m in by_id.values() for pid in m["people"])
    people = {}
    for row in queries.people(conn):
        if row["id"] in wanted:
            people[row["id"]] = {**row, "meetings": counts[row["id"]]}
    return Network(people=people, meetings=list(by_id.values()))


def country_label(code: str) -> str:
    return gazetteers.country_name(code) or code if code else ""


def top_people(net: Network, limit: int) -> Network:
    """The ``limit`` people with most meetings (ties by name) and the meetings among them; 0 keeps everyone."""
    if not limit or len(net.people) <= limit:
        return net
    ranked = sorted(net.people.values(), key=lambda p: (-p["meetings"], p["name"]))[:limit]
    kept = {p["id"] for p in ranked}
    meetings = [{**m, "people": [pid for pid in m["people"] if pid in kept]} for m in net.meetings]
    return Network(people={pid: net.people[pid] for pid in kept},
                   meetings=[m for m in meetings if m["people"]])

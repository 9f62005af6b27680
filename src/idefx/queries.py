"""Questions asked of the store: people, meetings, organisations, events, countries, one person's file, documents.

Every function takes an open store connection and returns plain rows
(dicts; list values for multi-valued fields). User text only ever reaches
SQL as a bound parameter; name filters compare folded name keys word by
word (``"Mustafayev"`` matches ``"Vugar Mustafayev"``, ``"selcuk"`` matches
``"Selçuk Bayraktar"``).
"""

from __future__ import annotations

import json
import re
import sqlite3
from datetime import date
from typing import Optional

from idefx import gazetteers
from idefx.names import name_key
from idefx.rows import MEETING_COLUMNS  # noqa: F401  (the columns of meetings() rows, for the CLI)
from idefx.store import QueryError

_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")

# ``key`` occurs as whole words in ``column`` (both folded name keys).
_WORDS = "instr(' ' || {col} || ' ', ' ' || ? || ' ') > 0"


def resolve_country(text: str) -> str:
    """An ISO alpha-2 code for a country name, alias, demonym or code; QueryError if there is none."""
    code = gazetteers.country_code(text)
    if not code:
        raise QueryError(f"unknown country {text!r}")
    return code


def _key(text: str) -> str:
    """The folded key of a filter; a filter with no letters or digits in it matches nothing."""
    return name_key(text) or "\x01"


def _check_date(text: Optional[str], option: str) -> Optional[str]:
    if text is None:
        return None
    text = text.strip()
    try:
        if not _DATE.fullmatch(text):
            raise ValueError
        if len(text) > 4:  # a month or a day that does not exist is no date
            date.fromisoformat(text if len(text) == 10 else text + "-01")
    except ValueError:
        raise QueryError(f"{option} wants a date as YYYY-MM-DD, YYYY-MM or YYYY, not {text!r}") from None
    return text


def _among(column: str, ids, everything: bool) -> tuple[str, list]:
    """SQL (and parameters) keeping ``column`` to ``ids``; no condition when the ids are everything."""
    if everything:
        return "1 = 1", []
    return f"{column} IN (SELECT value FROM json_each(?))", [json.dumps(list(ids))]


def _person_ids_matching(text: str) -> tuple[str, list]:
    """SQL (and its parameters) selecting the ids of people whose name or an alias contains ``text``'s words."""
    key = _key(text)
    return (f"SELECT id FROM people WHERE {_WORDS.format(col='name_key')} "
            f"UNION SELECT person_id FROM person_aliases WHERE {_WORDS.format(col='alias_key')}", [key, key])


PROVENANCE_COLUMNS = ["first_seen", "evidence_start", "evidence_end"]
_UNSEEN = dict.fromkeys(PROVENANCE_COLUMNS)


def _provenance(conn: sqlite3.Connection, kind: str, key: str = "ref_id", ids=None) -> dict:
    """Where each item of ``kind`` was first seen: ``{ref: {first_seen: document, evidence_start, evidence_end}}``.

    ``key`` is the evidence column naming the item (``ref_id``, or ``label`` for countries); ``ids`` limits
    the items (None: all of them).
    """
    among, params = _among(f"v.{key}", ids or (), everything=ids is None)
    rows = conn.execute(
        f"""SELECT v.{key}, d.doc_id, v.start, v."end" FROM evidence v JOIN documents d ON d.id = v.document_id
            WHERE v.id IN (SELECT min(v.id) FROM evidence v WHERE v.kind = ? AND {among} GROUP BY v.{key})""",
        [kind, *params])
    return {ref: {"first_seen": doc, "evidence_start": start, "evidence_end": end} for ref, doc, start, end in rows}


# ---------------------------------------------------------------- people

PEOPLE_COLUMNS = ["name", "country", "titles", "organisations", "aliases", "documents", "meetings",
                  *PROVENANCE_COLUMNS]


def people(conn: sqlite3.Connection, country: Optional[str] = None, org: Optional[str] = None,
           name: Optional[str] = None, title: Optional[str] = None) -> list[dict]:
    """People, with their titles, organisations, aliases and how many documents and meetings they appear in."""
    where, params = [], []
    if country:
        code = resolve_country(country)
        where.append("p.id IN (SELECT id FROM people WHERE country = ? "
                     "UNION SELECT person_id FROM person_roles WHERE country = ?)")
        params += [code, code]
    if org:
        where.append("p.id IN (SELECT r.person_id FROM organisations o JOIN person_roles r "
                     f"ON r.organisation_id = o.id WHERE {_WORDS.format(col='o.name_key')})")
        params.append(_key(org))
    if name:
        sql, extra = _person_ids_matching(name)
        where.append(f"p.id IN ({sql})")
        params += extra
    if title:
        where.append(f"p.id IN (SELECT person_id FROM person_roles WHERE {_WORDS.format(col='title_key')})")
        params.append(_key(title))
    rows = conn.execute(
        "SELECT p.id, p.name, p.country FROM people p"
        + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY p.name_key, p.id", params).fetchall()
    return _people_rows(conn, rows, everything=not where)


def _people_rows(conn: sqlite3.Connection, rows: list[sqlite3.Row], everything: bool = False) -> list[dict]:
    out = {r["id"]: {"id": r["id"], "name": r["name"], "country": r["country"] or "", "titles": [],
                     "organisations": [], "aliases": [], "documents": 0, "meetings": 0, **_UNSEEN} for r in rows}
    for pid, where_seen in _provenance(conn, "person", ids=None if everything else list(out)).items():
        out[pid].update(where_seen)
    among, params = _among("person_id", out, everything)
    among_roles, _ = _among("r.person_id", out, everything)
    for pid, alias in conn.execute(f"SELECT person_id, alias FROM person_aliases WHERE {among} ORDER BY rowid",
                                   params):
        entry = out[pid]
        if alias != entry["name"] and alias not in entry["aliases"]:
            entry["aliases"].append(alias)
    for pid, title, org in conn.execute(
            "SELECT r.person_id, r.title, o.name FROM person_roles r LEFT JOIN organisations o "
            f"ON o.id = r.organisation_id WHERE {among_roles} ORDER BY r.id", params):
        entry = out[pid]
        if title and title not in entry["titles"]:
            entry["titles"].append(title)
        if org and org not in entry["organisations"]:
            entry["organisations"].append(org)
    for pid, n in conn.execute(f"SELECT person_id, count(DISTINCT document_id) FROM person_aliases WHERE {among} "
                               "GROUP BY person_id", params):
        out[pid]["documents"] = n
    for pid, n in conn.execute(f"SELECT person_id, count(*) FROM participants WHERE {among} GROUP BY person_id",
                               params):
        out[pid]["meetings"] = n
    return list(out.values())


# ---------------------------------------------------------------- meetings

# a meeting's date in listings: its own (what the text says), else its document's publication date, which the
# row then says with date_source "published"; --since and --until compare the same date; orderings put a
# missing date first through coalesce(..., ''), as SQLite orders NULL and PostgreSQL does not
_MEETING_DATE = "coalesce(m.date, d.published)"
_DATE_SOURCE = ("CASE WHEN m.date IS NOT NULL THEN 'text' WHEN d.published IS NOT NULL THEN 'published' ELSE '' END")


def meetings(conn: sqlite3.Connection, person: Optional[str] = None, country: Optional[str] = None,
             event: Optional[str] = None, since: Optional[str] = None, until: Optional[str] = None,
             person_id: Optional[int] = None) -> list[dict]:
    """Meetings, oldest first (columns :data:`idefx.rows.MEETING_COLUMNS`).

    A meeting the text leaves undated is listed, ordered and filtered by ``since``/``until`` at its document's
    publication date, and its row says so: ``date_source`` is "published" (else "text", or "" with no date).
    """
    since, until = _check_date(since, "--since"), _check_date(until, "--until")
    where, params = [], []
    if person:
        sql, extra = _person_ids_matching(person)
        where.append(f"m.id IN (SELECT meeting_id FROM participants WHERE person_id IN ({sql}))")
        params += extra
    if person_id is not None:
        where.append("m.id IN (SELECT meeting_id FROM participants WHERE person_id = ?)")
        params.append(person_id)
    if country:
        code = resolve_country(country)
        where.append("(m.country = ? OR m.id IN (SELECT meeting_id FROM meeting_parties WHERE country = ?))")
        params += [code, code]
    if event:
        where.append(f"m.event_id IN (SELECT id FROM events WHERE {_WORDS.format(col='name_key')})")
        params.append(_key(event))
    if since:
        where.append(f"{_MEETING_DATE} >= ?")
        params.append(since)
    if until:
        where.append(f"substr({_MEETING_DATE}, 1, ?) <= ?")
        params += [len(until), until]
    rows = conn.execute(
        f"SELECT m.id, {_MEETING_DATE} AS date, {_DATE_SOURCE} AS date_source, m.mode, m.city, m.country, m.venue, "
        "e.name AS event, d.doc_id AS document, m.evidence_start, m.evidence_end "
        "FROM meetings m JOIN documents d ON d.id = m.document_id LEFT JOIN events e ON e.id = m.event_id"
        + (" WHERE " + " AND ".join(where) if where else "")
        + f" ORDER BY coalesce({_MEETING_DATE}, ''), m.id", params).fetchall()
    out = {mid: {"id": mid, "date": when or "", "date_source": source, "participants": [], "hosts": [], "guests": [],
                 "parties": [], "mode": mode, "city": city or "", "country": held_in or "", "venue": venue or "",
                 "event": event or "", "document": document, "evidence_start": start, "evidence_end": end}
           for mid, when, source, mode, city, held_in, venue, event, document, start, end in map(tuple, rows)}
    among, params = _among("pt.meeting_id", out, everything=not where)
    names = dict(conn.execute(f"SELECT id, name FROM people WHERE id IN (SELECT person_id FROM participants pt "
                              f"WHERE {among})", params))
    for mid, role, pid in conn.execute(f"SELECT meeting_id, role, person_id FROM participants pt WHERE {among} "
                                       "ORDER BY rowid", params):
        entry, name = out[mid], names[pid]
        entry["participants"].append(name)
        if role != "participant":
            entry[role + "s"].append(name)
    among, params = _among("meeting_id", out, everything=not where)
    for mid, country in conn.execute(f"SELECT meeting_id, country FROM meeting_parties WHERE {among} ORDER BY rowid",
                                     params):
        out[mid]["parties"].append(country)
    return list(out.values())


# ---------------------------------------------------------------- organisations, events, countries

ORG_COLUMNS = ["name", "country", "people", "documents", *PROVENANCE_COLUMNS]
EVENT_COLUMNS = ["name", "meetings", "documents", *PROVENANCE_COLUMNS]
COUNTRY_COLUMNS = ["code", "name", "people", "meetings", "documents", *PROVENANCE_COLUMNS]


def _with_provenance(rows: list[sqlite3.Row], seen: dict, key: str = "id") -> list[dict]:
    return [{**dict(r), **seen.get(r[key], _UNSEEN)} for r in rows]


def organisations(conn: sqlite3.Connection) -> list[dict]:
    """Organisations with how many people serve them and how many documents mention them."""
    rows = conn.execute(
        """SELECT o.id, o.name, coalesce(o.country, '') AS country,
                  (SELECT count(DISTINCT person_id) FROM person_roles r WHERE r.organisation_id = o.id) AS people,
                  (SELECT count(*) FROM (SELECT document_id FROM person_roles r WHERE r.organisation_id = o.id
                   UNION SELECT document_id FROM document_organisations d WHERE d.organisation_id = o.id) AS u)
                  AS documents
           FROM organisations o ORDER BY documents DESC, o.name_key""").fetchall()
    return _with_provenance(rows, _provenance(conn, "organisation"))


def events(conn: sqlite3.Connection) -> list[dict]:
    """Events with how many meetings took place at them and how many documents mention them."""
    rows = conn.execute(
        """SELECT e.id, e.name,
                  (SELECT count(*) FROM meetings m WHERE m.event_id = e.id) AS meetings,
                  (SELECT count(*) FROM document_events d WHERE d.event_id = e.id) AS documents
           FROM events e ORDER BY documents DESC, e.name_key""").fetchall()
    return _with_provenance(rows, _provenance(conn, "event"))


def countries(conn: sqlite3.Connection) -> list[dict]:
    """Countries with how many people represent them, meetings involve them and documents mention them."""
    counts: dict[str, dict] = {}

    def add(sql: str, column: str) -> None:
        for code, n in conn.execute(sql):
            entry = counts.setdefault(code, {"code": code, "name": gazetteers.country_name(code) or code,
                                             "people": 0, "meetings": 0, "documents": 0})
            entry[column] = n

    add("SELECT country, count(*) FROM people WHERE country IS NOT NULL GROUP BY country", "people")
    add("""SELECT c, count(DISTINCT id) FROM (SELECT id, country AS c FROM meetings WHERE country IS NOT NULL
           UNION ALL SELECT meeting_id, country FROM meeting_parties) AS u GROUP BY c""", "meetings")
    add("SELECT code, count(*) FROM document_countries GROUP BY code", "documents")
    seen = _provenance(conn, "country", key="label")
    rows = [{**entry, **seen.get(code, _UNSEEN)} for code, entry in counts.items()]
    return sorted(rows, key=lambda c: (-c["documents"], -c["people"], c["code"]))


# ---------------------------------------------------------------- one person

ROLE_COLUMNS = ["date", "title", "organisation", "country", "document"]


def find_person(conn: sqlite3.Connection, text: str) -> sqlite3.Row:
    """The one person ``text`` names: an exact name or alias first, else one whose names contain its words."""
    key = _key(text)
    exact = conn.execute("SELECT id, name, country FROM people WHERE name_key = ? UNION "
                         "SELECT p.id, p.name, p.country FROM person_aliases a JOIN people p ON p.id = a.person_id "
                         "WHERE a.alias_key = ? ORDER BY id", (key, key)).fetchall()
    sql, params = _person_ids_matching(text)
    found = exact or conn.execute(f"SELECT id, name, country FROM people WHERE id IN ({sql}) ORDER BY id",
                                  params).fetchall()
    if not found:
        raise QueryError(f"no stored person matches {text!r}")
    if len(found) > 1:
        listed = "; ".join(f"{r['name']} ({r['country'] or '?'})" for r in found[:10])
        raise QueryError(f"{text!r} matches {len(found)} people: {listed}; be more specific")
    return found[0]


def show(conn: sqlite3.Connection, text: str) -> dict:
    """Everything known about one person: titles over time, organisations, aliases, meetings, documents."""
    person = find_person(conn, text)
    summary = _people_rows(conn, [person])[0]
    roles = [dict(r) for r in conn.execute(
        """SELECT coalesce(d.published, '') AS date, coalesce(r.title, '') AS title,
                  coalesce(o.name, '') AS organisation, coalesce(r.country, '') AS country, d.doc_id AS document
           FROM person_roles r JOIN documents d ON d.id = r.document_id
           LEFT JOIN organisations o ON o.id = r.organisation_id
           WHERE r.person_id = ? ORDER BY coalesce(d.published, ''), r.id""", (person["id"],))]
    docs = [dict(r) for r in conn.execute(
        """SELECT d.doc_id AS document, coalesce(d.published, '') AS published, coalesce(d.path, '') AS path,
                  d.sha256, (SELECT min(start) FROM evidence v WHERE v.document_id = d.id AND v.kind = 'person'
                             AND v.ref_id = ?) AS first_mention
           FROM documents d WHERE d.id IN (SELECT document_id FROM person_aliases WHERE person_id = ?)
           ORDER BY coalesce(d.published, ''), d.id""", (person["id"], person["id"]))]
    return {**summary, "roles": roles, "meetings": meetings(conn, person_id=person["id"]), "documents": docs}


# ---------------------------------------------------------------- documents

DOCUMENT_COLUMNS = ["document", "published", "title", "people", "meetings", "sha256", "path", "saved_at"]


def documents(conn: sqlite3.Connection) -> list[dict]:
    """Stored documents with how many people and meetings were saved from each."""
    return [dict(r) for r in conn.execute(
        """SELECT d.doc_id AS document, coalesce(d.published, '') AS published, coalesce(d.title, '') AS title,
                  (SELECT count(DISTINCT person_id) FROM person_aliases a WHERE a.document_id = d.id) AS people,
                  (SELECT count(*) FROM meetings m WHERE m.document_id = d.id) AS meetings,
                  d.sha256, coalesce(d.path, '') AS path, d.saved_at
           FROM documents d ORDER BY coalesce(d.published, ''), d.id""")]

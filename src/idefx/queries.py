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

import pycountry

from idefx.names import name_key
from idefx.store import StoreError

_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")

# ``key`` occurs as whole words in ``column`` (both folded name keys).
_WORDS = "instr(' ' || {col} || ' ', ' ' || ? || ' ') > 0"


def resolve_country(text: str) -> str:
    """An ISO alpha-2 code for a country name, alias, demonym or code; StoreError if there is none."""
    from idefx.gazetteers import country_code

    code = country_code(text)
    if not code:
        raise StoreError(f"unknown country {text!r}")
    return code


def country_name(code: Optional[str]) -> str:
    if not code:
        return ""
    entry = pycountry.countries.get(alpha_2=code)
    return entry.name if entry else code


def _key(text: str) -> str:
    """The folded key of a filter; a filter with no letters or digits in it matches nothing."""
    return name_key(text) or "\x00"


def _check_date(text: Optional[str], option: str) -> Optional[str]:
    if text is None:
        return None
    text = text.strip()
    try:
        if not _DATE.fullmatch(text):
            raise ValueError
        if len(text) == 10:
            date.fromisoformat(text)
    except ValueError:
        raise StoreError(f"{option} wants a date as YYYY-MM-DD, YYYY-MM or YYYY, not {text!r}") from None
    return text


def _ids(rows) -> str:
    return json.dumps([r["id"] for r in rows])


def _person_ids_matching(text: str) -> tuple[str, list]:
    """SQL (and its parameters) selecting the ids of people whose name or an alias contains ``text``'s words."""
    key = _key(text)
    return (f"SELECT id FROM people WHERE {_WORDS.format(col='name_key')} "
            f"UNION SELECT person_id FROM person_aliases WHERE {_WORDS.format(col='alias_key')}", [key, key])


# ---------------------------------------------------------------- people

PEOPLE_COLUMNS = ["name", "country", "titles", "organisations", "aliases", "documents", "meetings"]


def people(conn: sqlite3.Connection, country: Optional[str] = None, org: Optional[str] = None,
           name: Optional[str] = None, title: Optional[str] = None) -> list[dict]:
    """People, with their titles, organisations, aliases and how many documents and meetings they appear in."""
    where, params = [], []
    if country:
        code = resolve_country(country)
        where.append("(p.country = ? OR EXISTS (SELECT 1 FROM person_roles r WHERE r.person_id = p.id "
                     "AND r.country = ?))")
        params += [code, code]
    if org:
        where.append("EXISTS (SELECT 1 FROM person_roles r JOIN organisations o ON o.id = r.organisation_id "
                     f"WHERE r.person_id = p.id AND {_WORDS.format(col='o.name_key')})")
        params.append(_key(org))
    if name:
        sql, extra = _person_ids_matching(name)
        where.append(f"p.id IN ({sql})")
        params += extra
    if title:
        where.append("EXISTS (SELECT 1 FROM person_roles r WHERE r.person_id = p.id "
                     f"AND {_WORDS.format(col='r.title_key')})")
        params.append(_key(title))
    rows = conn.execute(
        "SELECT p.id, p.name, p.country FROM people p"
        + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY p.name_key, p.id", params).fetchall()
    return _people_rows(conn, rows)


def _people_rows(conn: sqlite3.Connection, rows: list[sqlite3.Row]) -> list[dict]:
    ids = _ids(rows)
    out = {r["id"]: {"id": r["id"], "name": r["name"], "country": r["country"] or "", "titles": [],
                     "organisations": [], "aliases": [], "documents": 0, "meetings": 0} for r in rows}
    for r in conn.execute("SELECT DISTINCT a.person_id, a.alias FROM person_aliases a "
                          "WHERE a.person_id IN (SELECT value FROM json_each(?)) ORDER BY a.document_id", (ids,)):
        if r["alias"] != out[r["person_id"]]["name"] and r["alias"] not in out[r["person_id"]]["aliases"]:
            out[r["person_id"]]["aliases"].append(r["alias"])
    for r in conn.execute("SELECT r.person_id, r.title, o.name AS org FROM person_roles r "
                          "LEFT JOIN organisations o ON o.id = r.organisation_id "
                          "WHERE r.person_id IN (SELECT value FROM json_each(?)) ORDER BY r.id", (ids,)):
        entry = out[r["person_id"]]
        if r["title"] and r["title"] not in entry["titles"]:
            entry["titles"].append(r["title"])
        if r["org"] and r["org"] not in entry["organisations"]:
            entry["organisations"].append(r["org"])
    for r in conn.execute("SELECT person_id, count(DISTINCT document_id) AS n FROM person_aliases "
                          "WHERE person_id IN (SELECT value FROM json_each(?)) GROUP BY person_id", (ids,)):
        out[r["person_id"]]["documents"] = r["n"]
    for r in conn.execute("SELECT person_id, count(*) AS n FROM participants "
                          "WHERE person_id IN (SELECT value FROM json_each(?)) GROUP BY person_id", (ids,)):
        out[r["person_id"]]["meetings"] = r["n"]
    return list(out.values())


# ---------------------------------------------------------------- meetings

MEETING_COLUMNS = ["date", "participants", "hosts", "guests", "parties", "mode", "city", "country", "venue", "event",
                   "document", "evidence_start", "evidence_end"]


def meetings(conn: sqlite3.Connection, person: Optional[str] = None, country: Optional[str] = None,
             event: Optional[str] = None, since: Optional[str] = None, until: Optional[str] = None,
             person_id: Optional[int] = None) -> list[dict]:
    """Meetings, oldest first; a meeting without its own date is dated by its document's publication date."""
    since, until = _check_date(since, "--since"), _check_date(until, "--until")
    where, params = [], []
    if person:
        sql, extra = _person_ids_matching(person)
        where.append(f"EXISTS (SELECT 1 FROM participants pt WHERE pt.meeting_id = m.id AND pt.person_id IN ({sql}))")
        params += extra
    if person_id is not None:
        where.append("EXISTS (SELECT 1 FROM participants pt WHERE pt.meeting_id = m.id AND pt.person_id = ?)")
        params.append(person_id)
    if country:
        code = resolve_country(country)
        where.append("(m.country = ? OR EXISTS (SELECT 1 FROM meeting_parties mp WHERE mp.meeting_id = m.id "
                     "AND mp.country = ?))")
        params += [code, code]
    if event:
        where.append(f"m.event_id IN (SELECT id FROM events WHERE {_WORDS.format(col='name_key')})")
        params.append(_key(event))
    if since:
        where.append("coalesce(m.date, d.published) >= ?")
        params.append(since)
    if until:
        where.append("substr(coalesce(m.date, d.published), 1, ?) <= ?")
        params += [len(until), until]
    rows = conn.execute(
        "SELECT m.id, coalesce(m.date, d.published) AS date, m.mode, m.city, m.country, m.venue, e.name AS event, "
        "d.doc_id AS document, "
        "(SELECT min(start) FROM evidence v WHERE v.kind = 'meeting' AND v.ref_id = m.id) AS evidence_start, "
        "(SELECT max(\"end\") FROM evidence v WHERE v.kind = 'meeting' AND v.ref_id = m.id) AS evidence_end "
        "FROM meetings m JOIN documents d ON d.id = m.document_id LEFT JOIN events e ON e.id = m.event_id"
        + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY date, m.id", params).fetchall()
    out = {r["id"]: {"id": r["id"], "date": r["date"] or "", "participants": [], "hosts": [], "guests": [],
                     "parties": [], "mode": r["mode"], "city": r["city"] or "", "country": r["country"] or "",
                     "venue": r["venue"] or "", "event": r["event"] or "", "document": r["document"],
                     "evidence_start": r["evidence_start"], "evidence_end": r["evidence_end"]} for r in rows}
    ids = _ids(rows)
    for r in conn.execute("SELECT pt.meeting_id, pt.role, p.name FROM participants pt JOIN people p "
                          "ON p.id = pt.person_id WHERE pt.meeting_id IN (SELECT value FROM json_each(?)) "
                          "ORDER BY pt.meeting_id, pt.rowid", (ids,)):
        entry = out[r["meeting_id"]]
        entry["participants"].append(r["name"])
        if r["role"] != "participant":
            entry[r["role"] + "s"].append(r["name"])
    for r in conn.execute("SELECT meeting_id, country FROM meeting_parties "
                          "WHERE meeting_id IN (SELECT value FROM json_each(?)) ORDER BY rowid", (ids,)):
        out[r["meeting_id"]]["parties"].append(r["country"])
    return list(out.values())


# ---------------------------------------------------------------- organisations, events, countries

ORG_COLUMNS = ["name", "country", "people", "documents"]
EVENT_COLUMNS = ["name", "meetings", "documents"]
COUNTRY_COLUMNS = ["code", "name", "people", "meetings", "documents"]


def organisations(conn: sqlite3.Connection) -> list[dict]:
    """Organisations with how many people serve them and how many documents mention them."""
    return [dict(r) for r in conn.execute(
        """SELECT o.name, coalesce(o.country, '') AS country,
                  (SELECT count(DISTINCT person_id) FROM person_roles r WHERE r.organisation_id = o.id) AS people,
                  (SELECT count(*) FROM (SELECT document_id FROM person_roles r WHERE r.organisation_id = o.id
                   UNION SELECT document_id FROM document_organisations d WHERE d.organisation_id = o.id)) AS documents
           FROM organisations o ORDER BY documents DESC, o.name_key""")]


def events(conn: sqlite3.Connection) -> list[dict]:
    """Events with how many meetings took place at them and how many documents mention them."""
    return [dict(r) for r in conn.execute(
        """SELECT e.name,
                  (SELECT count(*) FROM meetings m WHERE m.event_id = e.id) AS meetings,
                  (SELECT count(*) FROM document_events d WHERE d.event_id = e.id) AS documents
           FROM events e ORDER BY documents DESC, e.name_key""")]


def countries(conn: sqlite3.Connection) -> list[dict]:
    """Countries with how many people represent them, meetings involve them and documents mention them."""
    counts: dict[str, dict] = {}

    def add(sql: str, column: str) -> None:
        for code, n in conn.execute(sql):
            counts.setdefault(code, {"code": code, "name": country_name(code), "people": 0, "meetings": 0,
                                     "documents": 0})[column] = n

    add("SELECT country, count(*) FROM people WHERE country IS NOT NULL GROUP BY country", "people")
    add("""SELECT c, count(DISTINCT id) FROM (SELECT id, country AS c FROM meetings WHERE country IS NOT NULL
           UNION ALL SELECT meeting_id, country FROM meeting_parties) GROUP BY c""", "meetings")
    add("SELECT code, count(*) FROM document_countries GROUP BY code", "documents")
    return sorted(counts.values(), key=lambda c: (-c["documents"], -c["people"], c["code"]))


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
        raise StoreError(f"no stored person matches {text!r}")
    if len(found) > 1:
        listed = "; ".join(f"{r['name']} ({r['country'] or '?'})" for r in found[:10])
        raise StoreError(f"{text!r} matches {len(found)} people: {listed}; be more specific")
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
           WHERE r.person_id = ? ORDER BY d.published, r.id""", (person["id"],))]
    docs = [dict(r) for r in conn.execute(
        """SELECT d.doc_id AS document, coalesce(d.published, '') AS published, coalesce(d.path, '') AS path,
                  d.sha256, (SELECT min(start) FROM evidence v WHERE v.document_id = d.id AND v.kind = 'person'
                             AND v.ref_id = ?) AS first_mention
           FROM documents d WHERE d.id IN (SELECT document_id FROM person_aliases WHERE person_id = ?)
           ORDER BY d.published, d.id""", (person["id"], person["id"]))]
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
           FROM documents d ORDER BY d.published, d.id""")]

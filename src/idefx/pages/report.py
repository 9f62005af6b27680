"""One self-contained page over the whole store: counts, meetings per month, top countries, country pairs and
people, the meeting network, and every document with a link to it.

Built for stores of many thousands of documents: the chart is drawn here as SVG, the tables are cut to their
top rows, the network to the people with most meetings, and the document list stays folded until opened.
"""

from __future__ import annotations

import html
import re
import sqlite3
from collections import Counter
from itertools import combinations
from pathlib import Path
from typing import Callable, Optional

from idefx import queries
from idefx.graph import meeting_countries
from idefx.network import Network, country_label, top_people
from idefx.pages import page
from idefx.pages.network import network_section

TOP = 20


def _table(headers: list[str], rows: list[list], numeric: set[int] = frozenset(), css: str = "") -> str:
    head = "".join(f'<th{" class=n" if i in numeric else ""}>{html.escape(h)}</th>' for i, h in enumerate(headers))
    body = "".join("<tr>" + "".join(f'<td{" class=n" if i in numeric else ""}>{cell}</td>' for i, cell in enumerate(r))
                   + "</tr>" for r in rows)
    return f'<table class="{css}"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def _esc(value) -> str:
    return html.escape(str(value))


def month_chart(meetings: list[dict], width: int = 960, height: int = 180) -> str:
    """Meetings per month as an SVG bar chart (every month from the first to the last, empty ones included)."""
    counts = Counter(m["date"][:7] for m in meetings if len(m["date"]) >= 7)
    if not counts:
        return "<p class='muted'>No dated meetings.</p>"
    first, last = min(counts), max(counts)
    months, (y, mo) = [], map(int, first.split("-"))
    while f"{y:04d}-{mo:02d}" <= last:
        months.append(f"{y:04d}-{mo:02d}")
        y, mo = (y + 1, 1) if mo == 12 else (y, mo + 1)
    peak, step = max(counts.values()), (width - 40) / len(months)
    bars = []
    for i, month in enumerate(months):
        n = counts.get(month, 0)
        h = (height - 40) * n / peak
        bars.append(f'<rect class="bar" x="{30 + i * step:.1f}" y="{height - 20 - h:.1f}" width="{max(step - 1, 0.5):.1f}" '
                    f'height="{h:.1f}"><title>{month}: {n} meeting{"" if n == 1 else "s"}</title></rect>')
    ticks = [f'<text x="{30 + i * step:.1f}" y="{height - 4}">{month[:4]}</text>'
             for i, month in enumerate(months) if month.endswith("-01") or i == 0]
    if len(ticks) > 24:
        ticks = ticks[::len(ticks) // 24 + 1]
    return (f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" aria-label="meetings per month">'
            f'<text x="0" y="12">{peak}</text>{"".join(bars)}{"".join(ticks)}</svg>')


def _pairs(net: Network) -> Counter:
    return Counter(pair for m in net.meetings for pair in combinations(meeting_countries(m), 2))


def _documents(documents: list[dict], doc_href: Callable[[dict], str]) -> str:
    rows = [[f'<a href="{_esc(doc_href(d))}">{_esc(d["document"])}</a>' if doc_href(d) else _esc(d["document"]),
             _esc(d["published"]), _esc(d["title"]), d["people"], d["meetings"]] for d in documents]
    return (f'<details id="documents"><summary>{len(rows)} documents</summary>'
            + _table(["document", "published", "title", "people", "meetings"], rows, {3, 4}) + "</details>")


def report_page(conn: sqlite3.Connection, doc_href: Optional[Callable[[dict], str]] = None, network_size: int = 150,
                title: str = "idefx report") -> str:
    """The report on the store behind ``conn``; ``doc_href`` gives the link of a row of ``queries.documents``."""
    from idefx.network import load

    doc_href = doc_href or (lambda d: "")
    net = load(conn)
    countries = queries.countries(conn)
    counts = {name: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for name, table in
              (("documents", "documents"), ("people", "people"), ("meetings", "meetings"),
               ("organisations", "organisations"), ("events", "events"))}
    counts["countries"] = len(countries)
    tiles = "".join(f'<div class="tile"><b>{n:,}</b><span>{name}</span></div>' for name, n in counts.items())
    top_countries = sorted(countries, key=lambda c: (-c["meetings"], c["code"]))[:TOP]
    country_rows = [[_esc(c["name"]), c["meetings"], c["people"], c["documents"]] for c in top_countries]
    pair_rows = [[_esc(country_label(a)) + " – " + _esc(country_label(b)), n] for (a, b), n in
                 sorted(_pairs(net).items(), key=lambda kv: (-kv[1], kv[0]))[:TOP]]
    ranked = sorted(net.people.values(), key=lambda p: (-p["meetings"], p["name"]))[:TOP]
    people_rows = [[_esc(p["name"]), _esc(country_label(p["country"])), _esc("; ".join(p["titles"][:3])),
                    p["meetings"]] for p in ranked]
    documents = queries.documents(conn)
    paths = {d["document"]: d for d in documents}
    section = network_section(top_people(net, network_size),
                              doc_href=lambda doc: doc_href(paths[doc]) if doc in paths else "")
    body = (f"<main><h1>{html.escape(title)}</h1><div class='tiles'>{tiles}</div>"
            f"<h2>Meetings per month</h2>{month_chart(net.meetings)}"
            f"<div class='columns'><div><h2>Top countries by meetings</h2>"
            f"{_table(['country', 'meetings', 'people', 'documents'], country_rows, {1, 2, 3}, 'countries')}</div>"
            f"<div><h2>Top country pairs</h2>{_table(['countries', 'meetings'], pair_rows, {1}, 'pairs')}</div>"
            f"<div><h2>Top people by meetings</h2>"
            f"{_table(['person', 'country', 'titles', 'meetings'], people_rows, {3}, 'people')}</div></div>"
            f"<h2>The network</h2><p class='muted'>The {min(network_size, len(net.people))} people with most "
            f"meetings (of {len(net.people):,}). Colour: country; size: meetings; click a node for its "
            f"meetings.</p>{section}<h2>Documents</h2>{_documents(documents, doc_href)}</main>")
    return page(title, body, styles=("network.css", "report.css"), scripts=("network.js",))


def write_views(conn: sqlite3.Connection, folder: Path, max_bytes: int) -> tuple[dict[str, Path], list[str]]:
    """Write each stored document's annotated page into ``folder``, reading its text again from its path;
    return the pages by SHA-256 and the documents that could not be read as they were saved."""
    folder.mkdir(parents=True, exist_ok=True)
    written, missing = {}, []
    for n, (doc_id, path, sha256, record) in enumerate(
            conn.execute("SELECT doc_id, path, sha256, record FROM documents ORDER BY id"), 1):
        view = _view(path, sha256, record, max_bytes)
        if view is None:
            missing.append(doc_id)
            continue
        target = folder / f"{n:05d}-{re.sub(r'[^A-Za-z0-9._-]+', '_', doc_id)[:80]}.html"
        target.write_text(view, encoding="utf-8")
        written[sha256] = target
    return written, missing


def document_view(conn: sqlite3.Connection, ref: str, max_bytes: int) -> str:
    """The annotated page of the one stored document ``ref`` names (id, path or SHA-256 prefix), its text
    read again from its file. Raises :class:`idefx.store.QueryError` when no single document matches or its
    file no longer holds the text that was saved."""
    from idefx.store import QueryError, find_documents

    found = find_documents(conn, ref)
    if len(found) != 1:
        raise QueryError(f"no stored document matches {ref!r}" if not found else
                         f"{ref!r} matches {len(found)} documents; give a longer SHA-256 prefix")
    row = found[0]
    (record,) = conn.execute("SELECT record FROM documents WHERE id = ?", (row["id"],)).fetchone()
    view = _view(row["path"], row["sha256"], record, max_bytes)
    if view is None:
        raise QueryError(f"{row['doc_id']}: its file is gone or no longer holds the text that was saved "
                         f"({row['path'] or 'read from stdin'})")
    return view


def _view(path: Optional[str], sha256: str, record: str, max_bytes: int) -> Optional[str]:
    """A stored record's annotated page, or None when its file cannot be read as it was saved."""
    from idefx.errors import IdefxError
    from idefx.io import read_input
    from idefx.pages.document import documents_page
    from idefx.records import DocumentRecord

    try:
        source = read_input(path, max_bytes) if path else None
    except IdefxError:
        source = None
    if source is None or source.sha256 != sha256:
        return None
    return documents_page([(DocumentRecord.model_validate_json(record), source.text)])

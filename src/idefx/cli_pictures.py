"""The ``idefx`` commands that draw: ``graph`` (the meeting network as a graph file or page) and ``report``
(one page over the store). Registered on :data:`idefx.cli.app`; heavy imports happen inside the commands."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from idefx.cli import _DB, _store, app
from idefx.cli_help import PlainCommand, choices


GraphFormat = choices("GraphFormat", "graphml", "gexf", "dot", "html")
GraphNodes = choices("GraphNodes", "person", "country")


@app.command(cls=PlainCommand)
def graph(
    fmt: GraphFormat = typer.Option(GraphFormat.graphml, "--format", "-f", metavar="FORMAT",
                                    help="graphml or gexf (Gephi, Cytoscape), dot (Graphviz), or html (an interactive "
                                         "page that needs no network)."),
    by: GraphNodes = typer.Option(GraphNodes.person, "--by", metavar="NODES",
                                  help="person (meetings join people) or country (edges weighted by meetings)."),
    person: Optional[str] = typer.Option(None, "--person", metavar="WORDS", help="Words of a participant's name."),
    country: Optional[str] = typer.Option(None, "--country", metavar="COUNTRY", help="Where it took place or a party to it."),
    event: Optional[str] = typer.Option(None, "--event", metavar="WORDS", help="Words of the event's name."),
    since: Optional[str] = typer.Option(None, "--since", metavar="DATE", help="On or after this date (YYYY[-MM[-DD]])."),
    until: Optional[str] = typer.Option(None, "--until", metavar="DATE", help="On or before this date (YYYY[-MM[-DD]])."),
    top: int = typer.Option(300, "--top", min=0, metavar="N",
                            help="html: draw the N people with most meetings (0: everyone)."),
    out: Optional[Path] = typer.Option(None, "--out", "-o", metavar="FILE", help="Write to this file instead of stdout."),
    db: Optional[Path] = _DB,
) -> None:
    """The meeting network of the stored meetings (the same filters as `meetings`) as a graph file or a page."""
    from idefx import graph as graphs
    from idefx import network
    from idefx.output import open_output

    with _store(db) as conn:
        if fmt != GraphFormat.html:
            graphs.networkx()
        net = network.load(conn, person=person, country=country, event=event, since=since, until=until)
        with open_output(out, fmt.value) as fh:
            if fmt == GraphFormat.html:
                from idefx.pages.network import network_page
                fh.write(network_page(network.top_people(net, top), by=by.value))
            else:
                built = graphs.people_graph(net) if by == GraphNodes.person else graphs.country_graph(net)
                graphs.write_graph(built, fmt.value, fh)


@app.command(cls=PlainCommand)
def report(
    out: Optional[Path] = typer.Option(None, "--out", "-o", metavar="FILE", help="Write the page to this file instead of stdout."),
    views: Optional[Path] = typer.Option(None, "--views", metavar="DIR",
                                         help="Also write each document's annotated page into DIR (texts read again "
                                              "from their files) and link the report to them."),
    top: int = typer.Option(150, "--top", min=1, metavar="N", help="Draw the N people with most meetings."),
    db: Optional[Path] = _DB,
) -> None:
    """One self-contained HTML page over the store: counts, meetings per month, top countries, pairs and
    people, the network, and every document."""
    import os

    from idefx import graph as graphs
    from idefx.cli import _err
    from idefx.io import DEFAULT_MAX_BYTES
    from idefx.output import open_output
    from idefx.pages.report import report_page, write_views

    with _store(db) as conn:
        graphs.networkx()
        base = (out.parent if out else Path.cwd()).resolve()

        def source_link(doc: dict) -> str:  # relative, so the page and its sources can move together
            return Path(os.path.relpath(Path(doc["path"]).resolve(), base)).as_posix() if doc["path"] else ""

        doc_href = source_link
        if views is not None:
            written, missing = write_views(conn, views, DEFAULT_MAX_BYTES)
            if missing:
                _err(f"{len(missing)} document(s) could not be read again as saved (moved or changed): no view of "
                     f"them, e.g. {missing[0]}")

            def doc_href(doc: dict) -> str:
                page_path = written.get(doc["sha256"])
                return Path(os.path.relpath(page_path.resolve(), base)).as_posix() if page_path else ""

        with open_output(out, "html") as fh:
            fh.write(report_page(conn, doc_href=doc_href, network_size=top))

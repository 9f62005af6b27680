"""The evaluation as a Rich table for a terminal, and its mistakes with their evidence."""

from __future__ import annotations

from typing import IO

from idefx.evaluate import Evaluation
from idefx.rows import cell_text as _show

ROWS = [  # (report key, label)
    ("people", "people"), ("titles", "person titles"), ("person_country", "person country"),
    ("person_org", "person org"), ("meetings", "meetings"), ("pairs", "pairs, per doc"),
    ("pairs_micro", "pairs, micro"), ("dyads", "country dyads"), ("meeting_date", "meeting date"),
    ("meeting_country", "meeting country"), ("countries", "countries"), ("organizations", "organisations"),
    ("events", "events"), ("venues", "venues"), ("published", "publication date"),
]


def _figure(value) -> str:
    return "" if value is None else f"{value:.3f}"


def print_evaluation(evaluation: Evaluation, out: IO[str], with_mistakes: bool = False) -> None:
    """A Rich table of the figures per field, then (optionally) each mistake with its document and evidence.

    Document-derived strings are shown without terminal control sequences (idefx.safety).
    """
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    from idefx.safety import terminal_text

    report = evaluation.report
    console = Console(file=out)
    table = Table(title=f"idefx evaluation: {report['predicted']} of {report['documents']} documents predicted",
                  title_justify="left")
    for col in ("field", "P", "R", "F1", "TP", "FP", "FN", "acc.", "right"):
        table.add_column(col, justify="left" if col == "field" else "right")
    for key, label in ROWS:
        v = report[key]
        if "acc" in v:
            table.add_row(label, "", "", "", "", "", "", _figure(v["acc"]), f"{v['ok']}/{v['n']}")
        elif "p" in v:
            table.add_row(label, _figure(v["p"]), _figure(v["r"]), _figure(v["f1"]),
                          str(v["tp"]), str(v["fp"]), str(v["fn"]), "", "")
        else:
            table.add_row(label, "", "", _figure(v["f1"]), "", "", "", "", f"{v['documents']} docs")
    table.add_row("overall", "", "", _figure(report["overall"]), "", "", "", "", "",
                  style="bold")
    console.print(table)
    if with_mistakes:
        console.print(f"{len(evaluation.mistakes)} mistakes (expected -> predicted, evidence in the document)")
        document = None
        for m in evaluation.mistakes:
            if m.document != document:
                document = m.document
                console.print(f"[bold]{escape(terminal_text(document))}[/bold]")
            line = f"  {m.field} {m.kind}: {_show(m.expected) or '-'} -> {_show(m.predicted) or '-'}"
            if m.evidence:
                line += f"  at {m.evidence['start']}-{m.evidence['end']} {m.evidence.get('text')!r}"
            console.print(escape(terminal_text(line)), soft_wrap=True, highlight=False)


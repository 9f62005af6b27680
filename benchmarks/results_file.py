"""Each benchmark owns one section of ``RESULTS.md`` ("## Title" up to the next "## "): it replaces that
section where it stands, or adds it at the end, and leaves the other sections as they are."""

from __future__ import annotations

from pathlib import Path


def replace_section(path: Path, section: str) -> None:
    """Put ``section`` (text starting with its "## Title" line) in place of the section of that title."""
    heading = section.splitlines()[0].strip()
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmark results\n"
    lines = text.splitlines(keepends=True)
    start = next((i for i, line in enumerate(lines) if line.strip() == heading), None)
    section = section.rstrip("\n") + "\n"
    if start is None:
        text = text.rstrip() + "\n\n" + section
    else:
        end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("## ")), len(lines))
        text = "".join(lines[:start]) + section + ("\n" + "".join(lines[end:]) if end < len(lines) else "")
    path.write_text(text, encoding="utf-8")

"""Self-contained HTML pages: the meeting network, annotated documents, the store report.

Every page carries its styles and scripts inline (read from the files beside this module) and its data as
JSON in a script element, so it opens with no network access.
"""

from __future__ import annotations

import html
import json
from importlib import resources


def asset(name: str) -> str:
    """The text of a stylesheet or script shipped beside this module."""
    return resources.files(__name__).joinpath(name).read_text(encoding="utf-8")


def json_script(element_id: str, data) -> str:
    """``data`` as JSON in a non-executed script element; ``<`` is escaped so no text can close the element."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")
    return f'<script type="application/json" id="{element_id}">{text}</script>'


def page(title: str, body: str, styles: tuple[str, ...] = (), scripts: tuple[str, ...] = ()) -> str:
    """A whole HTML document with the named assets inlined."""
    css = "\n".join(asset(name) for name in ("page.css", *styles))
    js = "".join(f"<script>{asset(name)}</script>" for name in scripts)
    return (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{html.escape(title)}</title><style>{css}</style></head>\n"
            f"<body>{body}{js}</body></html>\n")

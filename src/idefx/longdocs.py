"""Documents longer than the pipeline takes at once (``nlp.max_length``): cut into parts, put back together.

A long document is cut into parts of at most PART_CHARS characters, at a paragraph break where there is one
(else a line break, a sentence end, a space, or, in a run of text without any, anywhere). Each part goes
through the pipeline as a document of its own; the parts' record fields are then joined, every offset moved
into document coordinates, so ``text[start:end]`` still equals each span's text. Across parts, people with
the same name are one person, and organisations, countries, events and venues with the same name are one.
"""

from __future__ import annotations

import re
from typing import Iterator

# Characters per part. Parts the size of a long article keep the pipeline's cost per character what it is
# for ordinary documents, and what a part allocates is freed before the next.
PART_CHARS = 100_000
_BREAKS = (re.compile(r"\n[ \t]*\n"), re.compile(r"\n"), re.compile(r"[.!?]\s"), re.compile(r"\s"))


def parts(text: str, limit: int = PART_CHARS) -> Iterator[tuple[int, str]]:
    """``(offset, part)`` pairs covering ``text`` in order, each part at most ``limit`` characters."""
    start = 0
    while len(text) - start > limit:
        end = start + limit
        cut = end
        for pattern in _BREAKS:
            found = [m.end() for m in pattern.finditer(text, start + limit // 2, end)]
            if found:
                cut = found[-1]
                break
        yield start, text[start:cut]
        start = cut
    yield start, text[start:]


def shifted(value, offset: int):
    """A record field with every span (a dict with ``start`` and ``end``) moved ``offset`` characters on."""
    if isinstance(value, list):
        return [shifted(v, offset) for v in value]
    if isinstance(value, dict):
        out = {k: shifted(v, offset) for k, v in value.items()}
        if isinstance(out.get("start"), int) and isinstance(out.get("end"), int):
            out["start"] += offset
            out["end"] += offset
        return out
    return value


def _merged(items: list[dict], key: str) -> list[dict]:
    """Items with the same ``key`` as one: the first's fields, every mention, the lists' items without repeats,
    fields the first lacks filled from the others."""
    out: dict[str, dict] = {}
    for item in items:
        kept = out.get(item[key])
        if kept is None:
            out[item[key]] = dict(item)
            continue
        for field, value in item.items():
            if field == "mentions":
                kept[field] = kept[field] + value
            elif isinstance(value, list):
                kept[field] = list(dict.fromkeys(kept[field] + value))
            elif kept.get(field) is None:
                kept[field] = value
    return list(out.values())


def joined(fields: list[dict]) -> dict:
    """One record's fields from its parts' fields, in order, already in document coordinates."""
    out = {
        "people": _merged([p for f in fields for p in f.get("people", [])], "name"),
        "organizations": _merged([o for f in fields for o in f.get("organizations", [])], "name"),
        "countries": _merged([c for f in fields for c in f.get("countries", [])], "code"),
        "events": _merged([e for f in fields for e in f.get("events", [])], "name"),
        "venues": _merged([v for f in fields for v in f.get("venues", [])], "name"),
        "dates": [d for f in fields for d in f.get("dates", [])],
        "meetings": [m for f in fields for m in f.get("meetings", [])],
    }
    for person in out["people"]:  # a name another part used as an alias is no alias of its own
        person["aliases"] = [a for a in person["aliases"] if a != person["name"]]
    published = next((f["published"] for f in fields if f.get("published")), None)
    if published:
        out["published"] = published
    return out

"""Access to the data files shipped with idefx (``data/`` in the source tree, ``idefx.data`` when installed)."""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from importlib import resources

DATA_PACKAGE = "idefx.data"


def data_path(name: str):
    """A Traversable for one file in the data package."""
    return resources.files(DATA_PACKAGE).joinpath(name)


def read_jsonl(name: str) -> list[dict]:
    """All JSON objects of one JSONL data file (blank lines skipped), parsed as one JSON array (quicker than a
    parse per line)."""
    lines = data_path(name).read_text(encoding="utf-8").split("\n")
    return json.loads("[" + ",".join(line for line in lines if line.strip()) + "]")


def optional_jsonl(name: str) -> list[dict]:
    """A shipped JSONL data file's objects, or [] when this build ships no such file."""
    return read_jsonl(name) if data_path(name).is_file() else []


@lru_cache(maxsize=1)
def data_fingerprint() -> str:
    """A hash of every shipped data file, to key caches built from them."""
    digest = hashlib.sha256()
    root = resources.files(DATA_PACKAGE)
    for entry in sorted(root.iterdir(), key=lambda e: e.name):
        if entry.is_file() and entry.name.endswith((".jsonl", ".json")):
            digest.update(entry.name.encode())
            digest.update(entry.read_bytes())
    return digest.hexdigest()[:16]

"""Records made elsewhere, read back for the store: JSON-lines files (``extract --no-save``) and the partitioned
directories ``extract --scheduler ... --out DIR`` writes.

Each line is validated against the record model on its own: a bad line is reported with its file and line
number and the others go on. A directory is read in its manifest's partition order (without a manifest, its
``*.jsonl`` files in name order).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator, NamedTuple, Optional, Union

from idefx.errors import InputError

MANIFEST = "manifest.json"
_SHA256 = re.compile(r"[0-9a-f]{64}")


@dataclass
class Line:
    """One line of records input: a valid record, or why it is refused (``where`` is ``FILE:LINE``)."""

    where: str
    record: Optional[object] = None  # a DocumentRecord
    error: Optional[str] = None


def partition_files(directory: Path) -> list[Path]:
    """The record files of an ``--out`` directory, in partition order."""
    manifest = directory / MANIFEST
    if not manifest.exists():
        return sorted(directory.glob("*.jsonl"))
    try:
        parts = json.loads(manifest.read_text(encoding="utf-8"))["partitions"]
        return [directory / part["file"] for part in parts]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise InputError(manifest, f"not a manifest idefx can read ({type(exc).__name__}: {exc})") from None


def record_files(inputs: list[Union[str, Path]]) -> Iterator[Path]:
    """Each input's record files: a file is itself, a directory its partitions."""
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            yield from partition_files(path)
        else:
            yield path


def _why(exc) -> str:
    """The first problem pydantic found, as a few words."""
    from pydantic import ValidationError

    if isinstance(exc, ValidationError):
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        return f"{where}: {first['msg']}" if where else first["msg"]
    return str(exc)


def read_line(text: str, where: str) -> Line:
    """One line as a record, or the reason it is none."""
    from pydantic import ValidationError

    from idefx.records import DocumentRecord

    try:
        record = DocumentRecord.model_validate_json(text)
    except ValidationError as exc:
        return Line(where, error=f"not a record ({_why(exc)})")
    if not _SHA256.fullmatch(record.sha256):
        return Line(where, error="not a record (sha256: not 64 lowercase hex digits)")
    return Line(where, record=record)


def read_records(inputs: list[Union[str, Path]]) -> Iterator[Line]:
    """Every non-blank line of the inputs, in order, validated; an unreadable file is one refused Line."""
    for path in record_files(inputs):
        try:
            with open(path, encoding="utf-8") as fh:
                for number, text in enumerate(fh, 1):
                    if text.strip():
                        yield read_line(text, f"{path}:{number}")
        except UnicodeDecodeError:
            yield Line(str(path), error="not UTF-8 text")
        except OSError as exc:
            yield Line(str(path), error=f"cannot read ({exc.strerror or exc})")


class Loaded(NamedTuple):
    saved: int
    stored: int  # valid records the store held already
    refused: int


def load_records(conn, inputs: list[Union[str, Path]], report: Callable[[str], None]) -> Loaded:
    """Save the inputs' records into the store at ``conn``, one transaction each, skipping those it holds
    already; each refused line is reported (``FILE:LINE: reason``)."""
    from idefx import store

    saved = stored = refused = 0
    for line in read_records(inputs):
        if line.error:
            refused += 1
            report(f"{line.where}: {line.error}")
        elif store.save_unless_stored(conn, line.record):
            saved += 1
        else:
            stored += 1
    return Loaded(saved, stored, refused)

"""On-disk cache of the built idefx pipeline, so a second run loads it instead of rebuilding rulers and matchers.

The cache lives in the user cache directory (``IDEFX_CACHE_DIR`` overrides it)
under a key made of everything the built pipeline depends on: the shipped data
files (:func:`idefx.resources.data_fingerprint`), the idefx source code, the
idefx, spaCy and Python versions, and the trained model combined in (name and
version). A cache that cannot be read or written is ignored: the pipeline is
then built as usual.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sys
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Callable, Optional

import spacy
from spacy.language import Language

import idefx
from idefx.resources import data_fingerprint

CACHE_ENV = "IDEFX_CACHE_DIR"
CONFIG_FILE = "config.cfg"
DEFAULT_TOKENIZER_MARK = "tokenizer.default"


def cache_root() -> Path:
    """The directory holding idefx's caches (per-user, following the platform's convention)."""
    override = os.environ.get(CACHE_ENV)
    if override:
        return Path(override)
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
        return base / "idefx" / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "idefx"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "idefx"


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A hash of idefx's own Python sources: a changed component or pipeline layout invalidates the cache."""
    digest = hashlib.sha256()
    package_dir = Path(idefx.__file__).resolve().parent
    for path in sorted(package_dir.rglob("*.py")):
        digest.update(str(path.relative_to(package_dir)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def cache_key(model: Optional[str] = None) -> str:
    """The cache entry name for the pipeline built with ``model`` (None: the blank English pipeline)."""
    model_id = _model_id(model) if model else "blank:en"
    parts = [idefx.__version__, spacy.__version__, "%d.%d" % sys.version_info[:2], model_id,
             data_fingerprint(), code_fingerprint()]
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:24]


def _model_id(model: str) -> str:
    """A trained pipeline's identity: package name and version, or a saved pipeline's path and modification time."""
    path = Path(model)
    if path.is_dir():
        stamps = [str((path / f).stat().st_mtime_ns) for f in ("meta.json", "config.cfg") if (path / f).is_file()]
        return f"{path.resolve()}@{'/'.join(stamps)}"
    return f"{model}=={spacy.util.get_package_version(model) or '?'}"


def cached_pipeline(build: Callable[[Optional[str]], Language], model: Optional[str] = None,
                    root: Optional[Path] = None) -> Language:
    """Load the pipeline ``build(model)`` would make from the cache, building and caching it on a miss."""
    entry = (root or cache_root()) / "pipelines" / cache_key(model)
    if (entry / CONFIG_FILE).is_file():
        try:
            # The language's default tokenizer is quicker to build from its rules than to deserialise.
            exclude = ["tokenizer"] if (entry / DEFAULT_TOKENIZER_MARK).is_file() else []
            return spacy.load(entry, exclude=exclude)
        except Exception:  # a damaged or incompatible entry: rebuild and replace it
            shutil.rmtree(entry, ignore_errors=True)
    nlp = build(model)
    _store(nlp, entry)
    return nlp


def _store(nlp: Language, entry: Path) -> None:
    """Write ``nlp`` to ``entry`` atomically (a temporary directory renamed into place); skip on any failure."""
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=entry.name + ".", dir=entry.parent))
    except OSError:
        return
    try:
        nlp.to_disk(tmp)
        if nlp.tokenizer.to_bytes(exclude=["vocab"]) == spacy.blank(nlp.lang).tokenizer.to_bytes(exclude=["vocab"]):
            (tmp / DEFAULT_TOKENIZER_MARK).touch()
        os.replace(tmp, entry)
    except Exception:  # unwritable, full disk, a component that cannot serialise, or a concurrent writer won
        shutil.rmtree(tmp, ignore_errors=True)

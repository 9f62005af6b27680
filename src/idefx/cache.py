"""On-disk cache of the built idefx pipeline, so a second run loads it instead of rebuilding rulers and matchers.

The cache lives in the user cache directory (``IDEFX_CACHE_DIR`` overrides it)
under a key made of everything the built pipeline depends on: the shipped data
files (:func:`idefx.resources.data_fingerprint`), the idefx source code, the
idefx, spaCy and Python versions, and the trained model combined in (name and
version). A cache that cannot be read or written is ignored: the pipeline is
then built as usual.

Entries are pickles of the whole pipeline: unpickling restores matchers from
their pattern Docs and runs no component factory, where ``spacy.load`` would
run each factory (which builds its patterns from the data files) and then
``from_disk`` (which builds them again). Pickles run code when loaded, so the
cache directory is created private to the user; do not point
``IDEFX_CACHE_DIR`` at a directory others can write to.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Callable, Optional

import spacy
from spacy.language import Language
from spacy.strings import StringStore

import idefx
from idefx.resources import data_fingerprint

CACHE_ENV = "IDEFX_CACHE_DIR"
SUFFIX = ".pickle"
KEEP_ENTRIES = 8


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
    folder = (root or cache_root()) / "pipelines"
    entry = folder / (cache_key(model) + SUFFIX)
    try:
        with open(entry, "rb") as fh:
            nlp = pickle.load(fh)
        nlp.vocab.vectors.strings = nlp.vocab.strings  # shared again, as in a pipeline built here
        return nlp
    except Exception:  # no entry yet, no usable cache directory, or a damaged entry (replaced below)
        pass
    nlp = build(model)
    _store(nlp, folder, entry)
    return nlp


def _store(nlp: Language, folder: Path, entry: Path) -> None:
    """Write ``nlp`` to ``entry`` atomically and drop the oldest entries; skip on any failure."""
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd, tmp = tempfile.mkstemp(prefix=entry.name + ".", suffix=".tmp", dir=folder)
    except OSError:
        return
    try:
        with os.fdopen(fd, "wb") as fh, _vector_strings_left_out(nlp):
            pickle.dump(nlp, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, entry)
        stale = sorted(folder.glob("*" + SUFFIX), key=lambda p: p.stat().st_mtime, reverse=True)[KEEP_ENTRIES:]
        for old in stale:
            old.unlink(missing_ok=True)
    except Exception:  # unwritable, full disk, a component that cannot be pickled, or a concurrent writer
        Path(tmp).unlink(missing_ok=True)


@contextmanager
def _vector_strings_left_out(nlp: Language):
    """While the pipeline is pickled, an empty vectors table holds no strings of its own. Its string store is
    the vocabulary's, but pickles as a copy, which loading then adds to the vocabulary string by string: a
    tenth of a second for the gazetteers' words, for a table that has no vectors to look up."""
    vectors = nlp.vocab.vectors
    if len(vectors):
        yield
        return
    vectors.strings = StringStore()
    try:
        yield
    finally:
        vectors.strings = nlp.vocab.strings

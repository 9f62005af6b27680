"""Run extraction over many inputs: enumerate them lazily, stream them through the pipeline in batches, in input order.

Inputs are files, directories (walked recursively, keeping files whose name
matches one of the globs) and lists of paths (one per line, e.g. from
``find``). Nothing is read ahead of the batch being processed, and what spaCy
allocates for a batch is freed after it, so memory stays flat however large
the archive: a pipeline reads its first words outside memory zones (what they
add to the vocabulary and the tokenizer cache stays, each of their distinct
chunks cached), then the rest inside zones of a bounded number of words each,
whose strings, lexemes and cache entries are freed when the zone closes. With
``jobs > 1`` a pool of worker processes, each holding its own copy of the
pipeline, processes whole batches (reading the files too); results come back in
input order and equal to a single process's.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections import deque
from contextlib import ExitStack, nullcontext
from dataclasses import dataclass
from fnmatch import fnmatch
from functools import cached_property
from typing import IO, Iterable, Iterator, Optional, Union

from idefx import io as idefx_io
from idefx.document import SourceDocument
from idefx.errors import InputError
from idefx.safety import unicode_safe

DEFAULT_GLOBS = ("*.txt", "*.md", "*.markdown", "*.html", "*.htm")
DEFAULT_BATCH_SIZE = 16
# Words a pipeline reads outside memory zones first: what they add to the vocabulary and the tokenizer cache
# stays (a fixed amount, whatever the archive's size). spaCy's tokenizer caches nothing beyond a memory zone,
# so without this seed every frequent word would be split into affixes again in every zone.
SEED_WORDS = 300_000
# Words read inside one memory zone before it closes. A zone spans many batches, so a new word's lexeme is made
# once per zone rather than once per batch; closing the zone frees them, so memory grows with this number,
# never with the archive.
ZONE_WORDS = 200_000
# Batches in flight per worker. Results are yielded in input order, so a worker that finishes while the oldest
# batch is still running needs further batches queued to stay busy; a bound keeps what is read ahead small.
BATCHES_IN_FLIGHT = 4
# Chunks (runs of characters between spaces) the tokenizer may cache: all the distinct chunks of a seed fit.
CACHED_CHUNKS = 50_000
STDIN = "-"

# A unit of work: a path to read, a document already read (stdin), or an input that already failed.
WorkItem = Union[str, SourceDocument, "Outcome"]


def iter_paths(args: Iterable[str], globs: Iterable[str] = DEFAULT_GLOBS,
               path_list: Optional[IO[str]] = None) -> Iterator[WorkItem]:
    """Yield inputs lazily: the arguments (directories expanded), then the lines of ``path_list``.

    A directory holding no matching file yields a failed :class:`Outcome` in its place.
    """
    globs = tuple(globs)
    for arg in args:
        if arg != STDIN and os.path.isdir(arg):
            found = False
            for path in walk(arg, globs):
                found = True
                yield path
            if not found:
                yield Outcome(source=arg, error=f"no file matching {' '.join(globs)} in this directory")
        else:
            yield arg
    if path_list is not None:
        for line in path_list:
            line = line.rstrip("\r\n")
            if line.strip():
                yield line


def walk(root: str, globs: tuple[str, ...]) -> Iterator[str]:
    """Files under ``root`` whose name matches a glob, depth first, in sorted order."""
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        for name in sorted(filenames):
            if any(fnmatch(name, g) for g in globs):
                yield os.path.join(dirpath, name)


def count_paths(args: Iterable[str], globs: Iterable[str] = DEFAULT_GLOBS,
                list_file: Optional[str] = None) -> int:
    """How many inputs :func:`iter_paths` yields for ``args`` and the list in ``list_file`` (a second, cheap pass,
    for progress ETAs)."""
    with open(list_file, encoding="utf-8") if list_file else nullcontext() as path_list:
        return sum(1 for _ in iter_paths(args, globs, path_list))


@dataclass
class Outcome:
    """What became of one input: a record (as JSON), or a one-line error; a record may come with a warning."""

    source: str
    words: int = 0
    record_json: Optional[str] = None
    error: Optional[str] = None
    warning: Optional[str] = None

    @cached_property
    def record(self):
        """The record, parsed from its JSON (once)."""
        from idefx.records import DocumentRecord
        return DocumentRecord.model_validate_json(self.record_json)


class MemoryZones:
    """The memory zone a pipeline's next batch runs in: none for the first SEED_WORDS words, then zones of
    ZONE_WORDS words each (one instance per pipeline and process; call :meth:`close` when done)."""

    def __init__(self, nlp, seed_words: int = SEED_WORDS, zone_words: int = ZONE_WORDS):
        self.nlp, self.seed_words, self.zone_words = nlp, seed_words, zone_words
        self.seen = 0  # words read outside zones
        self.zoned = 0  # words read in the open zone
        self.zone: Optional[ExitStack] = None
        self.chunks: set[str] = set()  # the chunks of the seed, each cached by the tokenizer
        tokenizer = getattr(nlp, "tokenizer", None)
        if tokenizer is not None:
            tokenizer.max_cache_size = max(tokenizer.max_cache_size, CACHED_CHUNKS)

    def enter(self, words: int, texts: Iterable[str] = ()) -> None:
        """Open a zone when the batch of ``words`` words (``texts``) about to run should read inside one."""
        if self.seen < self.seed_words:
            self.seen += words
            self.cache_chunks(texts)
        elif self.zone is None:
            self.chunks = set()
            self.zone = ExitStack()
            self.zone.enter_context(self.nlp.memory_zone())

    def cache_chunks(self, texts: Iterable[str]) -> None:
        """Have the tokenizer cache each chunk of ``texts`` not cached yet, by tokenizing it on its own.

        spaCy's tokenizer caches the chunks of a text only until it meets a special case in it (an
        abbreviation such as "Mr.", a contraction, a dash), which most documents hold near their start: the
        rest of a document would be split into affixes again wherever it recurs. A chunk cached alone is
        split as it is in a text, so the Docs are the same.
        """
        new = {chunk for text in texts for chunk in unicode_safe(text).split()} - self.chunks
        if len(self.chunks) + len(new) > CACHED_CHUNKS:
            return
        self.chunks |= new
        for chunk in new:
            self.nlp.tokenizer(chunk)

    def leave(self, words: int) -> None:
        """Count a finished batch; close the zone once it has read ``zone_words`` words."""
        if self.zone is not None:
            self.zoned += words
            if self.zoned >= self.zone_words:
                self.close()

    def close(self) -> None:
        if self.zone is not None:
            zone, self.zone, self.zoned = self.zone, None, 0
            zone.close()


def process_batch(nlp, items: list[WorkItem], max_bytes: int = idefx_io.DEFAULT_MAX_BYTES,
                  zones: Optional[MemoryZones] = None) -> list[Outcome]:
    """Read and extract one batch (inside ``zones``' current zone, if given); an input that cannot be read or
    processed becomes an error outcome."""
    from idefx.extract import extract_records
    from idefx.output import record_json

    outcomes: list[Outcome] = []
    docs: list[tuple[SourceDocument, Outcome]] = []
    for item in items:
        if isinstance(item, Outcome):
            outcomes.append(item)
            continue
        if isinstance(item, SourceDocument):
            outcome, doc = Outcome(source=item.path or item.id), item
        else:
            outcome = Outcome(source=item)
            try:
                doc = idefx_io.read_input(item, max_bytes=max_bytes)
            except InputError as exc:
                outcome.error, doc = exc.reason, None
        outcomes.append(outcome)
        if doc is not None:
            outcome.words = len(doc.text.split())
            outcome.warning = read_warning(doc)
            docs.append((doc, outcome))
    words = sum(outcome.words for _, outcome in docs)
    if zones is not None:
        zones.enter(words, [doc.text for doc, _ in docs])
    try:
        records = [record_json(r) for r in extract_records(nlp, [d for d, _ in docs], batch_size=max(1, len(docs)))]
    except Exception:  # one document broke the batch: process them one by one to isolate it
        records = None
    if records is not None:
        for (_, outcome), record in zip(docs, records):
            outcome.record_json = record
    else:
        for doc, outcome in docs:
            try:
                outcome.record_json = record_json(next(extract_records(nlp, [doc])))
            except Exception as exc:
                outcome.error = f"could not be processed ({type(exc).__name__}: {exc})".splitlines()[0]
    if zones is not None:
        zones.leave(words)
    return outcomes


def read_warning(doc: SourceDocument) -> Optional[str]:
    """What the user should know about how a document was read: invalid UTF-8 bytes replaced with U+FFFD."""
    replaced = doc.metadata.get("replaced_bytes")
    if not replaced:
        return None
    return f"{replaced} invalid UTF-8 byte{'s' if replaced > 1 else ''} replaced with U+FFFD"


def batches(items: Iterable[WorkItem], size: int) -> Iterator[list[WorkItem]]:
    """Group ``items`` into lists of ``size``, pulling only one batch ahead."""
    batch: list[WorkItem] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def run(items: Iterable[WorkItem], model: Optional[str] = None, jobs: int = 1,
        batch_size: int = DEFAULT_BATCH_SIZE, max_bytes: int = idefx_io.DEFAULT_MAX_BYTES) -> Iterator[Outcome]:
    """Stream outcomes in input order, using ``jobs`` processes; ``-`` stands for the document on stdin."""
    from idefx.pipeline import load_pipeline

    items = (_read_stdin(max_bytes) if item == STDIN else item for item in items)
    nlp = load_pipeline(model)
    if jobs <= 1:
        zones = MemoryZones(nlp)
        try:
            for batch in batches(items, batch_size):
                yield from process_batch(nlp, batch, max_bytes, zones)
        finally:
            zones.close()
        return
    yield from _run_pool(nlp, items, model, jobs, batch_size, max_bytes)


# Worker side of the pool: the pipeline is inherited (fork) or loaded once per worker (spawn).
_worker_nlp = None
_worker_zones: Optional[MemoryZones] = None


def _init_worker(model: Optional[str]) -> None:
    from idefx.pipeline import load_pipeline

    global _worker_nlp, _worker_zones
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle: it stops the pool
    if _worker_nlp is None:
        _worker_nlp = load_pipeline(model)
    _worker_zones = MemoryZones(_worker_nlp)


def _work(batch: list[WorkItem], max_bytes: int) -> list[Outcome]:
    return process_batch(_worker_nlp, batch, max_bytes, _worker_zones)


def _run_pool(nlp, items: Iterable[WorkItem], model: Optional[str], jobs: int, batch_size: int,
              max_bytes: int) -> Iterator[Outcome]:
    """Feed batches to ``jobs`` workers, keeping a bounded number in flight, and yield results in order."""
    global _worker_nlp
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    if method == "fork":
        _worker_nlp = nlp  # the workers inherit the loaded pipeline
    pending: deque = deque()
    with multiprocessing.get_context(method).Pool(jobs, initializer=_init_worker, initargs=(model,)) as pool:
        for batch in batches(items, batch_size):
            pending.append(pool.apply_async(_work, (batch, max_bytes)))
            if len(pending) >= BATCHES_IN_FLIGHT * jobs:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()


def _read_stdin(max_bytes: int) -> Union[SourceDocument, Outcome]:
    """The single document given on standard input as ``-`` (read in this process, before batching)."""
    try:
        return idefx_io.read_stdin(max_bytes)
    except InputError as exc:
        return Outcome(source=STDIN, error=exc.reason)

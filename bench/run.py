"""Benchmark looptool against the parse floor and peer tools, side by side.

    python bench/run.py [--questions 2000 20000] [--runs 5] [--out bench/results.md]

For each bank size it generates a synthetic bank (bench/make_bank.py), then
runs every command in the same invocation, interleaved round by round so
that machine noise hits all of them alike:

* floor: a bare interpreter loading every file with PyYAML's C loader;
* looptool lint (all rules) cold (--no-cache) and warm (its per-file cache
  filled by the warm-up run), looptool plan --level staff;
* check-jsonschema against the bank schema (schema validation only);
* yamllint with its default configuration.

It prints medians, ratios to the floor and to looptool lint, and each
command's peak memory (max RSS of that child process, from wait4). Absolute
times depend on the machine; the ratios are the result. looptool's bytecode
is written first (``compileall``), as installing it would.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
TODAY = "2026-11-24"

FLOOR = (
    "import glob, sys, yaml\n"
    "for f in sorted(glob.glob(sys.argv[1] + '/**/*.yaml', recursive=True)):\n"
    "    with open(f, 'rb') as h: yaml.load(h, Loader=yaml.CSafeLoader)\n"
)


PEERS = ("check-jsonschema", "yamllint")
PEER_LIMIT = 5000  # the peers take minutes per run beyond this; the growth check needs only floor and looptool


def commands(bank: Path, peers: bool = True) -> dict[str, list[str]]:
    question_files = sorted(str(p) for p in (bank / "questions").glob("*.yaml"))
    cmds = {
        "floor (CSafeLoader)": [sys.executable, "-c", FLOOR, str(bank)],
        "looptool lint": [str(BIN / "looptool"), "lint", str(bank), "--today", TODAY, "--no-cache"],
        "looptool lint (warm cache)": [str(BIN / "looptool"), "lint", str(bank), "--today", TODAY],
        "looptool plan --level staff": [str(BIN / "looptool"), "plan", "--level", "staff", "--bank", str(bank),
                                        "--today", TODAY],
        "check-jsonschema": [str(BIN / "check-jsonschema"), "--schemafile", str(REPO / "schemas" / "bank.schema.json"),
                             *question_files],
        "yamllint": [str(BIN / "yamllint"), "-f", "parsable", str(bank)],
    }
    return {name: cmd for name, cmd in cmds.items()
            if (peers or name not in PEERS) and (shutil.which(cmd[0]) or Path(cmd[0]).exists())}


def run_once(cmd: list[str], cache_dir: str) -> tuple[float, int, int]:
    """Wall seconds, peak RSS in KiB, exit code of one run."""
    env = {**os.environ, "LOOPTOOL_CACHE_DIR": cache_dir, "LOOPTOOL_NO_CACHE": "0"}
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=REPO, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    return elapsed, usage.ru_maxrss, os.waitstatus_to_exitcode(status)


def bench(bank: Path, runs: int, peers: bool = True) -> dict[str, dict]:
    cmds = commands(bank, peers)
    results = {name: {"times": [], "rss": 0, "codes": set()} for name in cmds}
    cache_dir = tempfile.mkdtemp(prefix="looptool-bench-cache-")
    for name, cmd in cmds.items():  # warm the page cache and imports once (and fill looptool's cache)
        run_once(cmd, cache_dir)
    for _ in range(runs):
        for name, cmd in cmds.items():
            elapsed, rss, code = run_once(cmd, cache_dir)
            results[name]["times"].append(elapsed)
            results[name]["rss"] = max(results[name]["rss"], rss)
            results[name]["codes"].add(code)
    for value in results.values():
        value["median"] = statistics.median(value["times"])
    shutil.rmtree(cache_dir, ignore_errors=True)
    return results


def report(size: int, nbytes: int, results: dict) -> str:
    floor = results["floor (CSafeLoader)"]
    lint = results.get("looptool lint")
    lines = [f"### {size} questions ({nbytes / 1e6:.1f} MB)", "",
             "| command | median s | x floor | x lint | peak RSS MiB | x floor RSS | exit |",
             "|---|---|---|---|---|---|---|"]
    for name, r in results.items():
        x_lint = f"{r['median'] / lint['median']:.2f}" if lint else "-"
        lines.append(
            f"| {name} | {r['median']:.3f} | {r['median'] / floor['median']:.2f} | {x_lint} | "
            f"{r['rss'] / 1024:.0f} | {r['rss'] / floor['rss']:.2f} | {','.join(map(str, sorted(r['codes'])))} |")
    return "\n".join(lines) + "\n"


def compile_bytecode() -> None:
    """Write looptool's bytecode before timing, as installing a wheel does: the peers and the floor's
    PyYAML were installed with theirs, while an editable checkout run with PYTHONDONTWRITEBYTECODE
    (as some sandboxes and CI images set) would otherwise compile every module in every run."""
    import compileall
    import importlib.util

    spec = importlib.util.find_spec("looptool")
    if spec is not None and spec.origin:
        compileall.compile_dir(str(Path(spec.origin).parent), quiet=1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=int, nargs="+", default=[2000, 20000])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    sys.path.insert(0, str(REPO / "bench"))
    from make_bank import generate

    compile_bytecode()

    out = [f"Machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}; medians of {args.runs} "
           f"interleaved runs.", ""]
    medians = {}
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.questions:
            bank = Path(tmp) / f"bank{size}"
            generate(bank, size, max(1, size // 50), seed=1)
            nbytes = sum(p.stat().st_size for p in bank.rglob("*.yaml"))
            results = bench(bank, args.runs, peers=size <= PEER_LIMIT)
            medians[size] = {name: r["median"] for name, r in results.items()}
            text = report(size, nbytes, results)
            print(text, flush=True)
            out.append(text)
    if len(medians) >= 2:
        small, large = sorted(medians)[:2]
        growth = medians[large]["looptool lint"] / medians[small]["looptool lint"]
        line = f"lint time growth {small} -> {large} questions: x{growth:.2f} (linear would be x{large / small:.0f})"
        print(line)
        out.append(line)
    if args.out:
        args.out.write_text("\n".join(out) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()

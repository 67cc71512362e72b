"""Opening long networks: chains of 2,000 and 10,000 layers, listed producer-first and
consumer-first.

Measured interleaved in one run (medians of ROUNDS rounds, the garbage collector run before
each timing):
- parse: ``json.loads`` of the file's text alone, the floor any loader pays (the baseline);
- load: ``cnnstudio.core.fileformat.loads`` of the same text (parse, check every field, build
  the graph and check it as a whole);
- summarize: ``summarize`` of the loaded network with its caches cleared (a network never seen);
- CLI: ``cnnstudio summary FILE`` end to end in a fresh interpreter (start-up, read, load,
  analyse, print the table), with the child's peak resident memory.

Run (Linux: the CLI's peak memory is read from /proc): .venv/bin/python bench/bench_open_large.py
"""

from __future__ import annotations

import gc
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from cnnstudio.core import analysis, summarize
from cnnstudio.core.fileformat import loads

ROUNDS = 7
SIZES = (2_000, 10_000)
ORDERS = ("producer-first", "consumer-first")
CHILD = (
    "import sys\n"
    "from cnnstudio.cli import main\n"
    "sys.stdout = open('/dev/null', 'w')\n"
    "code = main(['summary', sys.argv[1]])\n"
    "# VmHWM: this program's own peak (ru_maxrss would carry the parent's over the exec)\n"
    "peak = [line for line in open('/proc/self/status') if line.startswith('VmHWM:')][0]\n"
    "print(int(peak.split()[1]), file=sys.stderr)\n"
    "raise SystemExit(code)\n"
)


def chain_text(count: int, order: str) -> str:
    """A network file: an Input and count - 1 ReLUs, each reading the one before."""
    nodes = [
        {
            "id": "n0",
            "type": "input",
            "name": "input",
            "params": {"channels": 3, "height": 32, "width": 32},
            "inputs": [],
        }
    ]
    nodes += [
        {
            "id": f"n{i}",
            "type": "relu",
            "name": f"relu{i}",
            "params": {},
            "inputs": [f"n{i - 1}"],
            "pos": [0.0, 80.0 * i],
        }
        for i in range(1, count)
    ]
    if order == "consumer-first":
        nodes.reverse()
    return json.dumps(
        {"format": "cnnstudio-network", "version": 1, "name": "chain", "nodes": nodes}, indent=2
    )


def timed(fn) -> float:
    gc.collect()
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def cold_summary(network) -> None:
    analysis.clear_caches()
    summarize(network)


def cli_run(path: Path) -> tuple[float, int]:
    """Seconds and peak resident bytes of ``cnnstudio summary PATH`` in a fresh interpreter."""
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", CHILD, str(path)], capture_output=True, text=True, check=True
    )
    seconds = time.perf_counter() - start
    return seconds, int(result.stderr.strip().splitlines()[-1]) * 1024


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="bench-open-"))
    cases = {}
    for count in SIZES:
        for order in ORDERS:
            text = chain_text(count, order)
            path = folder / f"chain-{count}-{order}.cnnstudio.json"
            path.write_text(text, encoding="utf-8")
            cases[(count, order)] = (text, path, loads(text))
    times = {key: {"parse": [], "load": [], "summarize": [], "cli": [], "rss": []} for key in cases}
    for _ in range(ROUNDS):
        for key, (text, path, network) in cases.items():
            times[key]["parse"].append(timed(lambda text=text: json.loads(text)))
            times[key]["load"].append(timed(lambda text=text: loads(text)))
            times[key]["summarize"].append(timed(lambda network=network: cold_summary(network)))
            seconds, rss = cli_run(path)
            times[key]["cli"].append(seconds)
            times[key]["rss"].append(rss)
    print(f"Opening a chain of layers, medians of {ROUNDS} interleaved rounds:")
    print(
        f"  {'layers':>7} {'order':15} {'bytes':>10} {'parse':>9} {'load':>9} {'load/parse':>10} {'summarize':>10} {'CLI':>8} {'CLI peak':>9}"
    )
    for (count, order), series in times.items():
        med = {name: statistics.median(values) for name, values in series.items()}
        size = len(cases[(count, order)][0].encode())
        print(
            f"  {count:7,} {order:15} {size:10,} {med['parse'] * 1e3:7.1f}ms {med['load'] * 1e3:7.1f}ms "
            f"{med['load'] / med['parse']:9.1f}x {med['summarize'] * 1e3:8.1f}ms {med['cli']:7.2f}s "
            f"{max(series['rss']) / 2**20:6.0f}MiB"
        )


if __name__ == "__main__":
    main()

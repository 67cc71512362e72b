"""Translating a finished message into Korean (cnnstudio.i18n.translate), as the UI does for
every table row with an error and the command line for every message it prints.

Measured interleaved in one run (medians of many rounds, each round timing a batch of calls):
- baseline: a dict lookup of the same English text (what a plain per-message table would cost);
- typical: a layer's shape error (``"conv3: kernel 5x5 is larger than the 3x3 input; use padding
  or a smaller kernel"``: a where-prefix and one template with two shape fields);
- a ratio: ``"9.68x fewer multiply-accumulates"`` (a template with a number);
- unknown: a line no entry matches (every template tried and refused: the worst case of a miss);
- worst: a long nested file error, the deepest nesting the core makes (a file, a field, a
  setting's label, a number in words), 250 characters long;
- joined: thirteen refused training settings joined with ``"; "`` (the longest line training
  makes, translated part by part).
The catalog's one-off compile (first use in a process) is printed apart.

Run: .venv/bin/python bench/bench_i18n.py
"""

from __future__ import annotations

import gc
import statistics
import time

import cnnstudio.i18n as i18n
from cnnstudio.i18n import translate

ROUNDS = 60
CALLS = 200

TYPICAL = "conv3: kernel 5x5 is larger than the 3x3 input; use padding or a smaller kernel"
RATIO = "9.68x fewer multiply-accumulates"
UNKNOWN = "this line is not a message any layer of CNN Studio makes, so no template matches it"
WORST = (
    "cannot open '/home/student/networks/my very long network name with spaces.cnnstudio.json': "
    "'nodes[1234].params.filters': filters must be at most 65,536, got a number with 5,000 digits"
)
JOINED = (
    "optimizer must be one of sgd, adam, adamw, not 'x'; schedule must be one of none, step, cosine, "
    "not 'y'; device must be one of auto, cpu, cuda, mps, not 'z'; learning rate must be above 0, "
    "not -1; momentum must be at least 0 and below 1, not 2; weight decay must be at least 0, not -1; "
    "gamma must be above 0 and at most 1, not 0; batch size must be at least 1, not 0; epochs must be "
    "at least 1, not 0; step epochs must be at least 0, not -1; seed must be at least 0, not -1; crop "
    "padding must be at least 0, not -1; report every must be at least 1, not 0"
)


def per_call(fn) -> float:
    gc.collect()
    start = time.perf_counter()
    for _ in range(CALLS):
        fn()
    return (time.perf_counter() - start) / CALLS


def main() -> None:
    start = time.perf_counter()
    i18n.catalog("ko")
    compile_seconds = time.perf_counter() - start
    table = {text: translate(text, "ko") for text in (TYPICAL, RATIO, UNKNOWN, WORST, JOINED)}
    for text, korean in table.items():
        print(f"  {text[:60]}...\n  -> {korean[:60]}...")
    cases = {
        "baseline (dict lookup)": lambda: table.get(TYPICAL),
        "typical (shape error)": lambda: translate(TYPICAL, "ko"),
        "ratio in words": lambda: translate(RATIO, "ko"),
        "unknown line": lambda: translate(UNKNOWN, "ko"),
        "worst (nested file error)": lambda: translate(WORST, "ko"),
        "13 joined settings": lambda: translate(JOINED, "ko"),
    }
    times: dict[str, list[float]] = {name: [] for name in cases}
    for _ in range(ROUNDS):
        for name, fn in cases.items():
            times[name].append(per_call(fn))
    base = statistics.median(times["baseline (dict lookup)"])
    print(f"catalog compile (once per process): {compile_seconds * 1000:.1f} ms")
    print(f"{'case':28s} {'median':>12s} {'ratio to baseline':>18s}")
    for name, values in times.items():
        median = statistics.median(values)
        print(f"{name:28s} {median * 1e6:9.1f} µs {median / base:17.0f}x")


if __name__ == "__main__":
    main()

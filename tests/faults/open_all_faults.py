"""Run by test_faults_cli.py in a fresh interpreter: open every fault through the command line's
``summary`` and ``--screenshot`` and through ``cnnstudio.load``, and report what happened.

``python open_all_faults.py CASES.json REPORT.json PNG`` reads ``[{"name", "path"}]`` and writes,
for each case and route, the exit status, what went to stderr, whether an exception escaped
(with its traceback), the seconds taken and the peak of Python's traced memory; and, once, the
whole program's peak resident memory. A fresh process keeps these figures free of what the test
run itself holds, and a hang here is ended by the test's timeout instead of stopping the run.
"""

from __future__ import annotations

import contextlib
import io
import json
import resource
import sys
import time
import traceback
import tracemalloc


def run_route(call) -> dict:
    """Call *call* with stdout and stderr captured; what came out and what it cost."""
    out, err = io.StringIO(), io.StringIO()
    tracemalloc.reset_peak()
    start = time.perf_counter()
    result: dict = {}
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            result["returned"] = call()
    except BaseException as error:  # what escapes is exactly what this reports
        result["escaped"] = type(error).__name__
        result["message"] = str(error)[:2000]
        result["traceback"] = traceback.format_exc()[-4000:]
    result["seconds"] = time.perf_counter() - start
    result["peak_bytes"] = tracemalloc.get_traced_memory()[1]
    result["stderr"] = err.getvalue()
    result["stdout_chars"] = len(out.getvalue())
    return result


def main(cases_file: str, report_file: str, png: str) -> None:
    import cnnstudio
    from cnnstudio import cli

    with open(cases_file, encoding="utf-8") as handle:
        cases = json.load(handle)
    tracemalloc.start()
    report = {}
    for case in cases:
        path = case["path"]
        report[case["name"]] = {
            "summary": run_route(lambda path=path: cli.main(["summary", path])),
            "screenshot": run_route(lambda path=path: cli.main([path, "--screenshot", png])),
            "load": run_route(lambda path=path: cnnstudio.load(path) and None),
        }
    tracemalloc.stop()
    with open(report_file, "w", encoding="utf-8") as handle:
        json.dump({"cases": report, "max_rss_bytes": peak_resident_bytes()}, handle)


def peak_resident_bytes() -> int:
    """This program's peak resident memory. Linux's VmHWM starts afresh at exec; ru_maxrss
    (elsewhere) may still hold the peak of the process that started this one."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


if __name__ == "__main__":
    main(*sys.argv[1:4])

"""Every message the pure-Python layers make has Korean (cnnstudio.i18n).

Two nets catch a message without Korean. The first reads the source: every ``raise
SomeError("...")`` and ``raise SomeError(f"...")`` in the packages whose messages a user sees,
with each ``{...}`` of an f-string filled with a sample value (``7``; ``'7'`` where the value is
quoted: ``{x!r}``, ``printable(...)``), must translate to text holding Hangul. A new message
without Korean fails here, named by file and line. The second runs the code: settings a run
refuses, the failures a run reports, ratios in words, the classifier head's line, the tables'
words. :data:`ENGLISH_ONLY` lists the messages allowed to stay English, each with why.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from cnnstudio.i18n import translate

ROOT = Path(__file__).resolve().parents[1] / "cnnstudio"
PACKAGES = ("core", "model", "data", "training", "comparing", "interop", "teaching", "commands")
MODULES = ("cli.py", "__init__.py")
HANGUL = re.compile("[\uac00-\ud7a3]")
QUOTING_CALLS = ("printable(", "repr(")

ENGLISH_ONLY = {
    # messages for programmers, never shown to a student
    "module 'cnnstudio.training' has no attribute {}": "Python's own AttributeError for a missing name",
    "module 'cnnstudio.data' has no attribute {}": "Python's own AttributeError for a missing name",
    "table must be 'epochs' or 'steps', not {}": "a programming error in a caller",
    "image index out of range 0..{}": "an IndexError of the dataset's __getitem__",
    "unreachable": "an assertion",
    "two builders for '{}'": "a programming error in a block's registration",
    # the exported training script runs without CNN Studio, so it speaks English only
    "--device cuda: this PyTorch sees no CUDA GPU": "in the exported standalone script",
    "the digits fit networks with 1 or 3 input channels, not {}": "in the exported standalone script",
    "unknown data '{}': use {}": "in the exported standalone script",
    "shapes:{}: the number of images must be between 20 and 1,000,000": "in the exported standalone script",
    # a lesson's arithmetic says why a side is not a number; the caller only asks whether it is
    "expected a number": "caught inside teaching/arithmetic.py, never shown",
    "left over": "caught inside teaching/arithmetic.py, never shown",
    "cut short": "caught inside teaching/arithmetic.py, never shown",
    "unbalanced": "caught inside teaching/arithmetic.py, never shown",
}
"""Messages (with ``{}`` for every value) that may stay English, and why."""
AUTHORING = ("interop/script_loop.py",)
"""Files whose messages run inside an exported standalone script: English only."""


def _sample(node: ast.expr) -> tuple[str, str] | None:
    """The message of a raise with sample values, and its skeleton (values as ``{}``)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value, node.value
    if not isinstance(node, ast.JoinedStr):
        return None
    text, skeleton = "", ""
    for value in node.values:
        if isinstance(value, ast.Constant):
            text += value.value
            skeleton += value.value
            continue
        source = ast.unparse(value.value)
        quoted = value.conversion == ord("r") or source.startswith(QUOTING_CALLS)
        text += "'7'" if quoted else "7"
        skeleton += "{}"
    return text, skeleton


def _has_words(skeleton: str) -> bool:
    """Whether a message has words of its own outside quotes: ``"'{}': {}"`` and
    ``"'start.input': {}"`` only put a field's path before a message translated on its own."""
    return re.search("[A-Za-z]{2}", re.sub("'[^']*'", "", skeleton.replace("{}", ""))) is not None


def raised_messages() -> list[tuple[str, str, str]]:
    """``(where, sample, skeleton)`` for every literal message raised in the checked code."""
    files = [path for package in PACKAGES for path in sorted((ROOT / package).rglob("*.py"))]
    files += [ROOT / name for name in MODULES]
    found = []
    for path in files:
        where = path.relative_to(ROOT).as_posix()
        if where in AUTHORING:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call) and node.exc.args:
                sample = _sample(node.exc.args[0])
                if sample is not None and sample[1] not in ENGLISH_ONLY and _has_words(sample[1]):
                    found.append((f"{where}:{node.lineno}", *sample))
    return found


RAISED = raised_messages()


def test_the_source_scan_finds_the_messages():
    skeletons = {skeleton for _, _, skeleton in RAISED}
    assert len(RAISED) > 250
    assert "kernel {}x{} is larger than the {}x{} input; use padding or a smaller kernel" in skeletons
    assert (
        "the model uses the operator {} (node '{}'), which CNN Studio has no block for; it imports {}"
        in skeletons
    )


@pytest.mark.parametrize(("where", "sample", "skeleton"), RAISED, ids=[where for where, _, _ in RAISED])
def test_every_raised_message_has_korean(where, sample, skeleton):
    assert HANGUL.search(translate(sample, "ko")), f"{where}: no Korean for {skeleton!r}"


def test_english_only_messages_are_still_raised_somewhere():
    """The list shrinks with the code: a message no longer raised leaves it."""
    files = [path for package in PACKAGES for path in (ROOT / package).rglob("*.py")]
    source = "\n".join(path.read_text(encoding="utf-8") for path in files)
    for skeleton in ENGLISH_ONLY:
        first = max(skeleton.split("{}"), key=len)
        assert first in source, skeleton


def _korean(text: str) -> bool:
    return bool(HANGUL.search(translate(text, "ko")))


def test_refused_training_settings_have_korean():
    from cnnstudio.training.settings import TrainSettings

    bad = TrainSettings(
        optimizer="x",
        schedule="y",
        device="z",
        lr=-1.0,
        momentum=2.0,
        weight_decay=-1.0,
        gamma=0.0,
        batch_size=0,
        epochs=0,
        step_epochs=-1,
        seed=2**70,
        crop_padding=-1,
        report_every=0,
    )
    problems = bad.problems()
    assert len(problems) == 13
    for problem in problems:
        assert _korean(problem), problem
    joined = translate("; ".join(problems), "ko")
    assert "learning rate" not in joined and joined.count("; ") == 12


def test_run_failures_have_korean():
    import torch

    from cnnstudio.training.failures import diverged, failure_of
    from cnnstudio.training.settings import TrainSettings

    settings = TrainSettings()
    for loss in (float("nan"), float("inf"), 1e6):
        assert _korean(diverged(loss, 12, 1, settings).message)
    cpu = torch.device("cpu")
    for error in (torch.OutOfMemoryError("CUDA out of memory"), RuntimeError("boom")):
        for batch in (64, 1):
            failed = failure_of(error, 3, 1, cpu, batch)
            assert _korean(failed.message), failed.message


def test_ratios_in_words_have_korean():
    from cnnstudio.comparing.ratios import NOUNS, ratio

    for metric in NOUNS:
        for value, baseline in (
            (12_443_648, 120_422_400),
            (3, 1),
            (5, 5),
            (7, 0),
            (0, 7),
            (1001, 1000),
            (104, 100),
        ):
            found = ratio(metric, value, baseline)
            for text in (found.short, found.words, found.sentence("B", "A")):
                assert _korean(text), text
    assert translate("9.68x fewer multiply-accumulates", "ko") == "곱셈-누산(MAC) 9.68배 적음"


def test_classifier_head_line_has_korean():
    from cnnstudio.training.checks import HEAD_TEXT

    line = HEAD_TEXT.format(shape="8x8x32", channels=32, classes=10, params=330, macs=320)
    korean = translate(line, "ko")
    assert HANGUL.search(korean) and "330" in korean and "320 MACs" in korean and "8x8x32" in korean


def test_summary_words_have_korean():
    from cnnstudio.core import PRESETS, summarize
    from cnnstudio.core.counting import weight_layers
    from cnnstudio.core.presets import LESSONS
    from cnnstudio.core.report import HEADERS, weight_layers_text

    for header in (*HEADERS, "Total", "FLOPs", "% FLOPs", "valid", "INVALID:", *LESSONS):
        assert _korean(header) or header in ("MACs", "FLOPs"), header
    for entry in PRESETS.values():
        assert _korean(entry.description), entry.id
        network = entry.build()
        summary = summarize(network)
        assert _korean(weight_layers_text(weight_layers(network, summary)))
        for row in summary.all_rows():
            for note in (*row.errors, *row.notes):
                assert _korean(note), note


SYMBOLS = re.compile(r"\b(floor|ceil|max|pad|[A-Z][A-Za-z]+|[A-Za-z]+_[A-Za-z_0-9]*|[a-z]+[0-9][a-z0-9_]*)\b")
"""What a formula writes as the lecture does: functions, layer types, symbols, layer names."""


def test_formula_words_have_korean():
    from cnnstudio.core import PRESETS, summarize

    lines = set()
    for entry in PRESETS.values():
        for row in summarize(entry.build()).all_rows():
            for formula in row.formulas.values():
                lines.update(str(formula).split("\n"))
    worded = [line for line in lines if re.search("[a-z]{3}", SYMBOLS.sub("", line))]
    assert len(worded) > 500
    assert not [line for line in worded if not _korean(line)]


def test_dataset_kinds_have_korean():
    from cnnstudio.data.kinds import _KINDS

    for kind in _KINDS:
        assert _korean(kind.description), kind.description
        assert _korean(kind.title) or kind.title in ("MNIST", "Fashion-MNIST", "CIFAR-10"), kind.title


def test_comparison_notes_have_korean():
    from cnnstudio.comparing.readymade import READY_MADE

    for entry in READY_MADE.values():
        assert _korean(entry.note), entry.id

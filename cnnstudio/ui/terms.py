"""The core's words as the user interface shows them: block types, their settings, presets.

The core names its blocks, categories and settings in English (``"Kernel size"``, ``"Convolution
& pooling"``); the user interface shows them in its own language through Qt's translations,
context ``BlockTypes`` (and ``Presets`` for the case-study networks). Layer types keep the names
PyTorch gives them (Conv2d, MaxPool2d, ReLU): their translations are the names themselves.

pyside6-lupdate finds text only in calls such as ``QT_TRANSLATE_NOOP``, so the core's words are
listed in :mod:`cnnstudio.ui.core_texts`, a module written by :func:`core_texts_source`
(``make translations`` runs it; a test checks the module is current).
"""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from ..core import LESSONS, PRESETS, Preset
from ..core.atomic import atomic_write
from ..core.blocks import BLOCK_TYPES, BlockType
from ..core.params import PADDING_WORDS, ParamSpec
from .language import ui_language

BLOCKS = "BlockTypes"
PRESETS_CONTEXT = "Presets"
WORD_LISTS = {BLOCKS: "BLOCK_WORDS", PRESETS_CONTEXT: "PRESET_WORDS"}
"""The names of the lists in :mod:`cnnstudio.ui.core_texts`."""


LAYER_TYPE_NAMES = tuple(
    block.title for block in BLOCK_TYPES.values() if block.category not in ("Input", "Blocks")
)
"""The layer types as PyTorch names them (Conv2d, MaxPool2d, ReLU, ...): the same in every
language. The app's own blocks (Input, Residual block, Inception module) are translated."""

KEPT_IN_ENGLISH = frozenset(
    {
        *LAYER_TYPE_NAMES,
        # network names (LeNet-5, ResNet-50): the presets whose Korean title is their English one
        *(entry.title for entry in PRESETS.values() if entry.title == entry.title_ko),
        *("LeNet", "AlexNet", "VGG", "ResNet", "GoogLeNet", "CIFAR"),
        *("MACs", "FLOPs", "px", "KB", "MB", "GB", "GPU", "CPU", "CUDA"),
        *("PyTorch", "torch", "torchvision", "ONNX", "LaTeX", "CSV", "Markdown", "JSON", "PNG", "SVG"),
        *("same", "valid"),  # PyTorch's padding words
        *("H × W × C", "C × H × W"),  # the shape notations' letters
        *("Ctrl", "Shift", "Alt", "Esc", "Enter", "Space"),  # key names
        # the formulas' notation, as the lecture writes it: sizes, receptive field, functions,
        # the residual block's a[l+2] = g(z[l+2] + a[l]) and its projection W_s
        *("H_out", "W_out", "C_out", "H_in", "W_in", "C_in", "RF", "floor", "ceil", "max", "pad"),
        *("a[l+2]", "z[l+2]", "a[l]", "g", "W_s"),
        "vs",  # "LeNet-5 vs AlexNet": Korean writes comparisons with it too
        "CNN Studio",
        "English",  # each language is named in its own (View > Language)
    }
)
"""Terms the Korean interface shows as they are written in English: layer type names, network
names, units and counts (MACs, FLOPs, px), hardware, formats and libraries, PyTorch's padding
words, key names, the formulas' notation, the app's name. A text made only of these, numbers, shapes and punctuation
needs no translation (the tests' ``untranslated_texts`` walker allows it)."""


def _translate(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text) if text else text


def block_title(block: BlockType | str) -> str:
    """The name of a block type as shown (PyTorch's for layers: Conv2d; translated for the
    app's own blocks: Residual block)."""
    block = BLOCK_TYPES[block] if isinstance(block, str) else block
    return _translate(BLOCKS, block.title)


def block_description(block: BlockType | str) -> str:
    """What a block type does, in a sentence."""
    block = BLOCK_TYPES[block] if isinstance(block, str) else block
    return _translate(BLOCKS, block.description)


def category_title(category: str) -> str:
    """The palette's name for a category (``"Convolution & pooling"``)."""
    return _translate(BLOCKS, category)


def param_label(spec: ParamSpec) -> str:
    """The inspector's label of a setting (``"Kernel size"``)."""
    return _translate(BLOCKS, spec.label)


def param_help(spec: ParamSpec) -> str:
    """The tooltip of a setting."""
    return _translate(BLOCKS, spec.help)


def choice_title(value: str) -> str:
    """How a named value of a setting is shown (``"bottleneck"``); ``same`` and ``valid`` are
    PyTorch's words for padding and stay as they are."""
    return _translate(BLOCKS, value)


def preset_title(entry: Preset) -> str:
    """A case-study network's title in the app's language."""
    return entry.title_ko if ui_language() == "ko" and entry.title_ko else entry.title


def preset_menu_title(entry: Preset) -> str:
    """A case-study network's title in a menu: in English both titles when they differ (the
    course is Korean), in Korean the Korean one."""
    if ui_language() == "ko" or entry.title_ko == entry.title:
        return preset_title(entry)
    return f"{entry.title}  ·  {entry.title_ko}"


def preset_description(entry: Preset) -> str:
    """One line about a case-study network."""
    return _translate(PRESETS_CONTEXT, entry.description)


def lesson_group_title(lesson: str) -> str:
    """The name of a group of case studies (``"Classic networks"``)."""
    return _translate(PRESETS_CONTEXT, lesson)


# -- the list pyside6-lupdate reads -------------------------------------------------------------


def core_words() -> dict[str, list[str]]:
    """Every word of the core the interface translates, by context, each once, in the core's order."""
    blocks: list[str] = []
    for block in BLOCK_TYPES.values():
        blocks += [block.title, block.category, block.description]
        for spec in block.params:
            blocks += [spec.label, spec.help]
            blocks += [choice for choice in spec.choices if choice not in PADDING_WORDS]
    presets = list(LESSONS) + [entry.description for entry in PRESETS.values()]
    unique = {BLOCKS: blocks, PRESETS_CONTEXT: presets}
    return {context: list(dict.fromkeys(t for t in texts if t)) for context, texts in unique.items()}


def core_texts_source() -> str:
    """The source of :mod:`cnnstudio.ui.core_texts`."""
    lines = [
        '"""The core\'s words the user interface translates, for pyside6-lupdate to find.',
        "",
        "Written by ``make translations`` from the core's block types and presets",
        "(:func:`cnnstudio.ui.terms.core_texts_source`); do not edit. The interface translates",
        "them with :mod:`cnnstudio.ui.terms`.",
        '"""',
        "",
        "from PySide6.QtCore import QT_TRANSLATE_NOOP",
        "",
    ]
    for context, texts in core_words().items():
        lines.append(f"{WORD_LISTS[context]} = (")
        for text in texts:  # one call over three lines: ruff format keeps it so (trailing comma)
            lines += [
                "    QT_TRANSLATE_NOOP(",
                f"        {_literal(context)},",
                f"        {_literal(text)},",
                "    ),",
            ]
        lines.append(")")
    return "\n".join(lines) + "\n"


def core_texts_path() -> Path:
    """Where :mod:`cnnstudio.ui.core_texts` lives."""
    return Path(__file__).with_name("core_texts.py")


def write_core_texts() -> bool:
    """Rewrite :mod:`cnnstudio.ui.core_texts` from the core (``make translations`` calls this);
    True if it changed."""
    source = core_texts_source()
    path = core_texts_path()
    if path.read_text(encoding="utf-8") == source:
        return False
    atomic_write(path, source.encode("utf-8"))
    return True


def _literal(text: str) -> str:
    """*text* as a Python string literal in double quotes."""
    return json.dumps(text, ensure_ascii=False)


__all__ = [
    "KEPT_IN_ENGLISH",
    "LAYER_TYPE_NAMES",
    "block_description",
    "block_title",
    "category_title",
    "choice_title",
    "core_texts_path",
    "core_texts_source",
    "core_words",
    "lesson_group_title",
    "param_help",
    "param_label",
    "preset_description",
    "preset_menu_title",
    "preset_title",
    "write_core_texts",
]

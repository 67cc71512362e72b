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

from PySide6.QtCore import QCoreApplication

from ..core import LESSONS, PRESETS, Preset
from ..core.blocks import BLOCK_TYPES, BlockType
from ..core.params import PADDING_WORDS, ParamSpec
from .language import ui_language

BLOCKS = "BlockTypes"
PRESETS_CONTEXT = "Presets"
WORD_LISTS = {BLOCKS: "BLOCK_WORDS", PRESETS_CONTEXT: "PRESET_WORDS"}
"""The names of the lists in :mod:`cnnstudio.ui.core_texts`."""


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


def _literal(text: str) -> str:
    """*text* as a Python string literal in double quotes."""
    return json.dumps(text, ensure_ascii=False)


__all__ = [
    "block_description",
    "block_title",
    "category_title",
    "choice_title",
    "core_texts_source",
    "core_words",
    "lesson_group_title",
    "param_help",
    "param_label",
    "preset_description",
    "preset_menu_title",
    "preset_title",
]

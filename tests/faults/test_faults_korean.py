"""Every fault of the corpus is refused in Korean too: the message each open path shows,
translated by cnnstudio.i18n, holds Hangul after the file's name, keeps every quoted value of the
English (the field at fault, the bad value) and every number, and loses nothing."""

from __future__ import annotations

import re

from cnnstudio.core.fileformat import load
from cnnstudio.core.jsonfile import FileFormatError
from cnnstudio.i18n import translate

HANGUL = re.compile("[\uac00-\ud7a3]")


def test_every_fault_is_refused_in_korean(fault_files):
    untranslated = []
    for fault, path in fault_files:
        try:
            load(path)
        except FileFormatError as error:
            message = f"cannot open {path.name}: {error}"
        else:
            continue  # opened: the graph's own problems are checked by the coverage test
        korean = translate(message, "ko")
        kept = re.findall(r"'[^']*'|[0-9]+(?:,[0-9]{3})*", message)
        if not HANGUL.search(korean.split(": ", 1)[1]) or not all(part in korean for part in kept):
            untranslated.append((fault.name, message, korean))
        words = re.sub("'[^']*'", "", korean.split(": ", 1)[1])
        if re.search(r"\b(must|missing|holds|unknown|got|kernel size|filters)\b", words):
            untranslated.append((fault.name, message, korean))
    assert not untranslated, untranslated

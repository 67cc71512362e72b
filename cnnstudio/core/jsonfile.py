"""Reading JSON that may be broken or hostile: bounded, regular files only, one error type.

Network files, recovery files, pasted layers and the network inside a checkpoint are all read
here. Whatever the bytes are, the functions below return parsed JSON or raise
:class:`FileFormatError` with a one-line message that says what is wrong:

* :func:`read_bytes` refuses anything that is not a regular file (a folder, a pipe, a device)
  before reading a byte and without blocking on it, and reads at most ``limit + 1`` bytes
  whatever the file system says about the size;
* :func:`decode` accepts UTF-8 (with or without a byte order mark) and nothing else;
* :func:`parse_json` turns every failure of the JSON parser (bad syntax, nesting too deep,
  integers too long to convert, ``NaN``, a key given twice) into the one error.

:func:`printable` quotes text from a file for a message, so a hostile name cannot spread a
message over many lines, move the terminal's cursor or make it megabytes long.
"""

from __future__ import annotations

import codecs
import json
import os
import re
import stat
from typing import Any

MAX_FILE_BYTES = 20_000_000
"""The most bytes read from a file (a file of 20,000 layers takes a few MB)."""

_OPEN_FLAGS = os.O_RDONLY | sum(
    getattr(os, flag, 0) for flag in ("O_NONBLOCK", "O_NOCTTY", "O_CLOEXEC", "O_BINARY")
)
"""Read-only; never wait for a writer, never become a terminal's owner, binary (each where the
system has the flag; they are distinct bits)."""
_CHUNK = 1 << 20
_INT_DIGITS = 100
"""Longer integers are kept as :class:`HugeNumber` (no setting is anywhere near this long)."""
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")


class FileFormatError(ValueError):
    """A file (or text) that is not a usable network; the message names the field at fault."""


class HugeNumber:
    """An integer in a file with more digits than any setting can use, kept as its length only.

    Converting a very long run of digits to an ``int`` takes time quadratic in its length
    (Python refuses beyond 4,300 digits), so the parser stands this in for it and the field's
    check refuses it by name.
    """

    __slots__ = ("digits",)

    def __init__(self, digits: int) -> None:
        self.digits = digits

    def __repr__(self) -> str:
        return f"a number with {self.digits:,} digits"


def read_bytes(path: str | os.PathLike[str], limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of the regular file *path*, at most *limit* of them, or :class:`FileFormatError`.

    The messages do not repeat the path: the caller says which file it was opening.
    """
    try:
        mode = os.stat(path).st_mode
    except (OSError, ValueError) as error:
        raise FileFormatError(_reason(error)) from None
    kind = _not_a_file(mode)  # refused before opening: opening a pipe or a device can block or act
    if kind:
        raise FileFormatError(f"it is {kind}, not a file")
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except OSError as error:
        raise FileFormatError(_reason(error)) from None
    try:
        return _read_regular(fd, limit)
    finally:
        os.close(fd)


def _read_regular(fd: int, limit: int) -> bytes:
    kind = _not_a_file(os.fstat(fd).st_mode)  # it may have been swapped since the stat
    if kind:
        raise FileFormatError(f"it is {kind}, not a file")
    chunks, size = [], 0
    try:
        while size <= limit:
            chunk = os.read(fd, min(_CHUNK, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as error:
        raise FileFormatError(f"reading failed: {_reason(error)}") from None
    if size > limit:
        raise FileFormatError(f"it is larger than {limit:,} bytes, more than any network file")
    return b"".join(chunks)


def _not_a_file(mode: int) -> str | None:
    """What a file that is not a regular file is, in words; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def _reason(error: Exception) -> str:
    if isinstance(error, OSError) and error.strerror:
        return error.strerror[0].lower() + error.strerror[1:]
    return "the name holds a character no file name can hold"


def decode(data: bytes) -> str:
    """*data* as text: UTF-8, with a leading byte order mark skipped."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise FileFormatError("it is UTF-16 or UTF-32 text; CNN Studio reads UTF-8")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise FileFormatError(
            f"it is not a text file (not UTF-8: byte 0x{data[error.start]:02x} at position {error.start:,})"
        ) from None


def read_text(path: str | os.PathLike[str], limit: int = MAX_FILE_BYTES) -> str:
    """The UTF-8 text of the regular file *path* (see :func:`read_bytes` and :func:`decode`)."""
    return decode(read_bytes(path, limit))


def parse_json(text: str, limit: int = MAX_FILE_BYTES) -> Any:
    """Parse JSON text; :class:`FileFormatError` for anything the parser cannot turn into data."""
    if not isinstance(text, str):
        raise FileFormatError(f"a network must be given as text, not {type(text).__name__}")
    if len(text) > limit:
        raise FileFormatError(f"the text is {len(text):,} characters long, more than any network file")
    text = text.removeprefix("\ufeff")  # a byte order mark that survived decoding
    try:
        return json.loads(
            text, parse_int=_parse_int, parse_constant=_reject_constant, object_pairs_hook=_unique_keys
        )
    except json.JSONDecodeError as error:
        hint = " (the file looks cut short)" if error.pos >= len(text.rstrip()) else ""
        raise FileFormatError(
            f"not valid JSON at line {error.lineno:,}, column {error.colno:,}: {error.msg}{hint}"
        ) from None
    except RecursionError:
        raise FileFormatError(
            "the JSON is nested hundreds of levels deep, more than any CNN Studio file"
        ) from None


def _parse_int(digits: str) -> int | HugeNumber:
    if len(digits) > _INT_DIGITS:
        return HugeNumber(len(digits.lstrip("-")))
    return int(digits)


def _reject_constant(name: str) -> float:
    raise FileFormatError(f"'{name}' is not a number JSON allows (nor a value CNN Studio can use)")


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        twice = next(key for key, _ in pairs if key in seen or seen.add(key))
        raise FileFormatError(f"the key {printable(twice)} appears twice in one JSON object")
    return result


def printable(text: str, limit: int = 60, quote: bool = True) -> str:
    """*text* for a one-line message: control characters and lone surrogates escaped, cut to
    *limit* characters, and in quotes unless *quote* is false."""
    shown = _UNPRINTABLE.sub(_escaped, text[:limit]) + ("…" if len(text) > limit else "")
    return f"'{shown}'" if quote else shown


def _escaped(match: re.Match[str]) -> str:
    return match.group().encode("unicode_escape").decode("ascii")


def unprintable(text: str) -> str | None:
    """The first character of *text* that a name may not hold, described; None if there is none."""
    found = _UNPRINTABLE.search(text)
    if found is None:
        return None
    char = found.group()
    if "\ud800" <= char <= "\udfff":
        return f"a lone surrogate (U+{ord(char):04X}), which no file can store"
    return f"a control character or line break (U+{ord(char):04X})"


__all__ = (
    "MAX_FILE_BYTES",
    "FileFormatError",
    "HugeNumber",
    "decode",
    "parse_json",
    "printable",
    "read_bytes",
    "read_text",
    "unprintable",
)

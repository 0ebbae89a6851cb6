"""Bytes to text, for every file read from ``content/``: transcripts (readers) and YAML (yamlio).

It imports nothing of ours but the model's :class:`~generator.model.ReadError`, so both can
use it without importing each other.
"""

from __future__ import annotations

import codecs

from .model import ReadError


def decode(data: bytes) -> str:
    """Text from bytes: UTF-8 (with or without BOM) or UTF-16 with a BOM; anything else is an error."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise ReadError(1, f"not valid UTF-16 text: {exc.reason}") from None
    if b"\0" in data[:4096]:
        raise ReadError(1, "expected a text file, found binary data (NUL bytes)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise ReadError(line, f"expected UTF-8 text, found byte 0x{data[exc.start]:02x} (save the file as UTF-8)") from None
    return text.replace("\r\n", "\n").replace("\r", "\n")

"""TextPack files (``.textpack``: a TextBundle zipped, what Bear, Ulysses and iA Writer export) as their Markdown.

A TextBundle is a folder (``notes.textbundle/``) holding its text in ``text.md``
(or ``text.markdown``, ``text.txt``), its pictures in ``assets/`` and an
``info.json`` about it; :mod:`qadeck.sources` reads a bundle folder's text as any
Markdown file and leaves its ``info.json`` out. A ``.textpack`` is that folder in a
zip, at the zip's top or inside its ``*.textbundle/`` folder: its text is read as
Markdown is, and so is a ``.textbundle`` that is a file, a bundle zipped under its own name. Its pictures stay in the zip: a card's picture from a TextPack is not
found (unzip it into its bundle to keep them).
"""

from __future__ import annotations

import posixpath

from . import markdown
from .archive import Archive

_TEXTS = ("text.md", "text.markdown", "text.txt")


def to_markdown(data: bytes, name: str = "<textpack>") -> str:
    archive = Archive(data, name, "TextPack (a zipped TextBundle)")
    for member in archive.names():
        folder, file = posixpath.split(member)
        if file.lower() in _TEXTS and (not folder or folder.lower().endswith(".textbundle") and "/" not in folder):
            return markdown.to_markdown(archive.text(member))
    raise archive.damaged(f"no {' or '.join(_TEXTS)} in it")

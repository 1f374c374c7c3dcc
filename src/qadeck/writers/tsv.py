"""Two-column text: ``question<TAB>answer``, one card per line, no header.

Contract: :func:`write` puts every card on exactly one line with exactly one
tab, which is all Quizlet's paste import, Mnemosyne's "Tab-separated text"
importer and Brainscape read: they split each line at the tab and know no
quoting. So nothing is quoted (a ``"`` is just a character) and the text is
made to fit: tabs become spaces, and line breaks become :data:`LINE_BREAK`.

By default the text is plain (Quizlet shows no HTML): a card's lines, list
items included, are joined with `` / ``, so ``Three reasons: / - speed /
- cost`` keeps a list readable on one line. With ``--html`` (``Output.html``)
the fields are the deck's HTML for apps that render it (Mnemosyne): line
breaks in code blocks become ``<br>``, the others were only whitespace.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

from ..sources import normalize_newlines
from . import Output, sides

#: What a line break inside a card becomes in plain text.
LINE_BREAK = " / "
_PRE = re.compile(r"(<pre\b.*?</pre>)", re.DOTALL)


class Dialect(csv.Dialect):
    """Split at the tab, nothing quoted: the rules of the apps that read this file."""

    delimiter = "\t"
    quoting = csv.QUOTE_NONE
    quotechar = None
    escapechar = None  # a tab or line break left in a field is an error, never a broken row
    doublequote = False
    skipinitialspace = False
    lineterminator = "\n"
    strict = True


def one_line_text(text: str) -> str:
    """Plain text on one line: its non-blank lines, stripped, joined with ``LINE_BREAK``."""
    lines = (line.strip() for line in text.replace("\t", " ").splitlines())
    return LINE_BREAK.join(line for line in lines if line)


def one_line_html(html: str) -> str:
    """HTML on one line that renders as before: ``<br>`` where a line break shows (in ``<pre>``)."""
    parts = _PRE.split(normalize_newlines(html.replace("\t", "    ")))
    return "".join(
        part.replace("\n", "<br>") if part.startswith("<pre") else part.replace("\n", " ")
        for part in parts
    ).strip()


def write(output: Output, path: Path) -> None:
    """The ``tsv`` format."""
    render = output.renderer
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, Dialect)
        for card in output.cards:
            front, back = sides(card)
            if output.html:
                row = (one_line_html(render.inline_html(front)), one_line_html(render.html(back)))
            else:
                row = (one_line_text(render.plain(front)), one_line_text(render.plain(back)))
            writer.writerow(row)

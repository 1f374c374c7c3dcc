"""A Jupyter notebook (``.ipynb``) as Markdown: its Markdown cells as written, its code cells fenced.

Notebooks kept as study notes hold their questions in Markdown cells (``### Q1. …``)
and their answers in the cells after them. Outputs are left out: they are what
running the code printed, not what the author wrote. A file that is not a
notebook's JSON is read as the text it is. Line numbers are the Markdown's.
"""

from __future__ import annotations

import json


def to_markdown(text: str) -> str:
    try:
        notebook = json.loads(text)
    except ValueError:
        return text
    cells = notebook.get("cells") if isinstance(notebook, dict) else None
    if not isinstance(cells, list):
        return text
    language = _language(notebook)
    parts = []
    for cell in cells:
        if not isinstance(cell, dict):
            continue
        source = cell.get("source", "")
        body = "".join(source) if isinstance(source, list) else str(source)
        if not body.strip():
            continue
        if cell.get("cell_type") == "code":
            parts.append(f"```{language}\n{body.rstrip()}\n```")
        elif cell.get("cell_type") == "markdown":
            parts.append(body.strip("\n"))
    return "\n\n".join(parts) + "\n"


def _language(notebook: dict[str, object]) -> str:
    metadata = notebook.get("metadata")
    info = metadata.get("language_info") if isinstance(metadata, dict) else None
    name = info.get("name") if isinstance(info, dict) else None
    return name if isinstance(name, str) and name.isidentifier() else ""

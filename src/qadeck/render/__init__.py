"""Render: a card's Markdown to safe HTML for Anki, and to plain text for CSV (see :mod:`.markdown`);
fenced code is highlighted by :mod:`.highlight`."""

from .markdown import FENCED_CODE, MATH, MATH_HTML, Renderer, RenderStats, engine, needs_markdown, plain_text, strip_controls

__all__ = [
    "FENCED_CODE", "MATH", "MATH_HTML", "RenderStats", "Renderer", "engine", "needs_markdown", "plain_text", "strip_controls",
]

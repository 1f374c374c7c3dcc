"""Render: a card's Markdown to safe HTML for Anki, and to plain text for CSV (see :mod:`.markdown`)."""

from .markdown import FENCED_CODE, MATH, Renderer, RenderStats, fast_html, needs_markdown, plain_text, strip_controls

__all__ = [
    "FENCED_CODE", "MATH", "RenderStats", "Renderer", "fast_html", "needs_markdown", "plain_text", "strip_controls",
]

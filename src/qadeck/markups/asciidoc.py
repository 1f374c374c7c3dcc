"""AsciiDoc as Markdown, line for line.

Section titles (``== Title``) become ATX headings; listing and literal blocks
(``----``, ``....``) fenced code, their ``[source,lang]`` line giving the
language; attribute entries (``:name: value``), block anchors, block titles
and other delimiters (``====``, ``****``, ``____``) are bookkeeping.
Admonition paragraphs (``NOTE: …``) keep their label in bold. Definition-list
terms (``Question?::``) are left as they are: the ``asciidoc`` layout reads them.
Comments (``// …`` lines, ``////`` blocks), preprocessor directives (``include::part.adoc[]``, never followed:
nothing outside the source is read because it names it; ``ifdef::…[]``) and ``toc::[]`` are no text; a block
image (``image::diagram.png[Alt]``) becomes Markdown's.

AsciiDoc's older extension, ``.asc`` (Pro Git's chapters, AsciiDoc FAQs), is also the one of an OpenPGP
signature or key saved as ASCII armor: :func:`asc_to_markdown` reads no text from those.
"""

from __future__ import annotations

import re

_TITLE = re.compile(r"^(={1,6})\s+(\S.*?)\s*=*\s*$")
_ATTRIBUTE = re.compile(r"^:!?[\w-]+!?:(?:\s.*)?$")
_BLOCK_ATTRIBUTES = re.compile(r"^\[(?:source|listing|literal)?(?:,\s*([\w+-]+))?[^\]]*\]\s*$")
_ANCHOR = re.compile(r"^\[\[[^\]]*\]\]\s*$|^\[#[^\]]*\]\s*$")
_BLOCK_TITLE = re.compile(r"^\.[A-Za-z][^.].*$")
_CODE_DELIMITER = re.compile(r"^(-{4,}|\.{4,})\s*$")
_OTHER_DELIMITER = re.compile(r"^(={4,}|\*{4,}|_{4,}|\+{4,}|--)\s*$")
_COMMENT_BLOCK = "////"
_DIRECTIVE = re.compile(r"^(?:include|ifdef|ifndef|ifeval|endif|toc)::[^\[\s]*\[.*\]\s*$")
_BLOCK_IMAGE = re.compile(r"^image::([^\[\s]+)\[([^\],]*)[^\]]*\]\s*$")
#: What an OpenPGP file in ASCII armor opens with (a signature, a public key, an encrypted message).
ARMOR = "-----BEGIN PGP "
_ADMONITION = re.compile(r"^(NOTE|TIP|IMPORTANT|WARNING|CAUTION):\s+")
_URL_LINK = re.compile(r"(?:link:)?((?:https?|ftp)://[^\s\[]+)\[([^\]]*)\]")
_XREF = re.compile(r"<<([^,>]+)(?:,\s*([^>]+))?>>")
_STRONG = re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])")


def to_markdown(text: str) -> str:
    lines = text.split("\n")
    out = list(lines)
    code = ""  # the delimiter of the open listing or comment block
    language = ""
    for index, line in enumerate(lines):
        stripped = line.strip()
        if code:
            if stripped == code:
                out[index], code = ("" if code == _COMMENT_BLOCK else "```"), ""
            elif code == _COMMENT_BLOCK:
                out[index] = ""
            continue
        if line.startswith("//"):
            if stripped == _COMMENT_BLOCK:
                code = _COMMENT_BLOCK
            out[index] = ""
            continue
        delimiter = _CODE_DELIMITER.match(stripped)
        if delimiter:
            code = delimiter.group(1)
            out[index], language = f"```{language}", ""
            continue
        attributes = _BLOCK_ATTRIBUTES.match(stripped)
        if attributes and stripped.startswith("[") and not _ANCHOR.match(stripped):
            language = attributes.group(1) or ""
            out[index] = ""
            continue
        if line[:1] in "iet" and "::" in line:
            if _DIRECTIVE.match(line):
                out[index] = ""
                continue
            image = _BLOCK_IMAGE.match(line)
            if image:
                out[index] = f"![{image.group(2).strip()}]({image.group(1)})"
                continue
        title = _TITLE.match(line)
        if title:
            out[index] = "#" * len(title.group(1)) + " " + _inline(title.group(2))
        elif _ATTRIBUTE.match(line) or _OTHER_DELIMITER.match(stripped) or _BLOCK_TITLE.match(line) or (
                stripped[:1] == "[" and _ANCHOR.match(stripped)):
            out[index] = ""
        elif stripped:
            admonition = _ADMONITION.match(line)
            if admonition:
                line = f"**{admonition.group(1).capitalize()}:** " + line[admonition.end() :]
            out[index] = _inline(line)
    return "\n".join(out)


def _inline(text: str) -> str:
    if "[" in text:
        text = _URL_LINK.sub(lambda m: f"[{m.group(2) or m.group(1)}]({m.group(1)})", text)
    if "<<" in text:
        text = _XREF.sub(lambda m: m.group(2) or m.group(1), text)
    if "*" in text:
        text = _STRONG.sub(r"**\1**", text)
    return text


def asc_to_markdown(text: str) -> str:
    """An ``.asc`` file: AsciiDoc, unless it is an OpenPGP signature or key (no text then)."""
    return "" if text.lstrip()[: len(ARMOR)] == ARMOR else to_markdown(text)

"""How the Word 97-2003 (``.doc``) fixtures were made: our own text, saved as ``.doc`` by LibreOffice.

Each document below is written as flat OpenDocument (``.fodt``) and converted
with ``soffice --headless --convert-to "doc:MS Word 97"`` (LibreOffice 7.4), so
the fixtures are binary Word files as a real word processor writes them:
heading styles, bold runs, automatic list numbers, tables, a hyperlink field.
The ``.doc`` files are committed; run this again (LibreOffice installed) only to
change them, then check the ``.expected.json`` beside each by hand.

    python tests/make_doc_fixtures.py [bold/word97-pictures.doc …]
"""

from __future__ import annotations

import base64
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent.parent))  # run as a script: the tests' own one-pixel pictures
from tests.test_media import png  # noqa: E402

FIXTURES = Path(__file__).parent / "fixtures"
_NAMESPACES = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
    'xmlns:xlink="http://www.w3.org/1999/xlink" '
    'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
    'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" office:version="1.3"'
)
_STYLES = (
    '<style:style style:name="T1" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>'
    '<style:style style:name="T2" style:family="text"><style:text-properties text:display="none"/></style:style>'
    '<style:style style:name="T3" style:family="text"><style:text-properties style:font-weight-complex="bold"/>'
    "</style:style>"
    '<style:style style:name="T4" style:family="text"><style:text-properties fo:background-color="#ffff00"/>'
    "</style:style>"
    '<style:style style:name="T5" style:family="text"><style:text-properties style:font-name="Symbol"/></style:style>'
    '<style:style style:name="P1" style:family="paragraph"><style:paragraph-properties style:writing-mode="rl-tb"/>'
    "</style:style>"
    '<text:list-style style:name="L1"><text:list-level-style-number text:level="1" style:num-suffix="." '
    'style:num-format="1"/><text:list-level-style-number text:level="2" style:num-suffix=")" '
    'style:num-format="a"/></text:list-style>'
    '<text:list-style style:name="L2"><text:list-level-style-bullet text:level="1" text:bullet-char="•"/>'
    "</text:list-style>"
    '<text:list-style style:name="L3"><text:list-level-style-number text:level="1" style:num-suffix="." '
    'style:num-format="1"/><text:list-level-style-number text:level="2" style:num-suffix="." style:num-format="1"/>'
    "</text:list-style>"
)



def _picture(data: bytes, description: str) -> str:
    """An inline picture frame holding ``data``, as a flat file stores it (Word keeps it in the Data stream)."""
    return ('<draw:frame draw:name="Picture" text:anchor-type="as-char" svg:width="1cm" svg:height="1cm">'
            f'<draw:image draw:mime-type="image/png"><office:binary-data>{base64.b64encode(data).decode()}'
            f"</office:binary-data></draw:image><svg:desc>{description}</svg:desc></draw:frame>")


#: fixture path (under tests/fixtures) -> the document's body.
DOCUMENTS = {
    "bold/word97-pictures.doc": (
        '<text:p><text:span text:style-name="T1">What does the pipeline look like?</text:span></text:p>'
        f"<text:p>Three stages: {_picture(png(255, 0, 0), 'the pipeline')}</text:p>"
        '<text:p><text:span text:style-name="T1">What colour is the logo?</text:span></text:p>'
        f"<text:p>Blue, as here:</text:p><text:p>{_picture(png(0, 0, 255), 'the logo')}</text:p>"
        '<text:p><text:span text:style-name="T1">Is it free?</text:span></text:p>'
        "<text:p>Yes.</text:p>"
    ),
    "bold/word97-faq.doc": (
        '<text:h text:style-name="Heading_20_1" text:outline-level="1">Installing</text:h>'
        '<text:p><text:span text:style-name="T1">How do I install frob?</text:span></text:p>'
        "<text:p>Run the installer, then restart:</text:p>"
        '<text:list text:style-name="L2"><text:list-item><text:p>on Linux, log out and in;</text:p></text:list-item>'
        "<text:list-item><text:p>on Windows, reboot.</text:p></text:list-item></text:list>"
        '<text:p><text:span text:style-name="T1">Does frob need the network &amp; a proxy?</text:span></text:p>'
        '<text:p>Only to check for updates at <text:a xlink:type="simple" xlink:href="https://example.org/frob">'
        "the frob site</text:a>.</text:p>"
        '<text:h text:style-name="Heading_20_1" text:outline-level="1">Limits</text:h>'
        '<text:p><text:span text:style-name="T1">How big can a folder be?</text:span></text:p>'
        '<table:table table:name="Table1"><table:table-column table:number-columns-repeated="2"/>'
        "<table:table-row><table:table-cell><text:p>Plan</text:p></table:table-cell>"
        "<table:table-cell><text:p>Files</text:p></table:table-cell></table:table-row>"
        "<table:table-row><table:table-cell><text:p>Free</text:p></table:table-cell>"
        "<table:table-cell><text:p>10,000</text:p></table:table-cell></table:table-row></table:table>"
        '<text:p><text:span text:style-name="T1">Can I sync it?</text:span></text:p>'
        '<text:p>Yes<text:span text:style-name="T2"> (a hidden note)</text:span>, with <text:span '
        'text:style-name="T1">frob sync</text:span>: Grüße — 東京 ✓</text:p>'
    ),
    # Arabic, bold as right-to-left text is: Word keeps its bold apart from left-to-right text's.
    "bold/word97-arabic.doc": (
        '<text:p text:style-name="P1"><text:span text:style-name="T3">ما هو فروب؟</text:span></text:p>'
        '<text:p text:style-name="P1">أداة تعالج الملفات.</text:p>'
        '<text:p text:style-name="P1"><text:span text:style-name="T3">هل هو مجاني؟</text:span></text:p>'
        '<text:p text:style-name="P1">نعم، دائمًا.</text:p>'
    ),
    "headings/word97-headings.doc": (
        '<text:p text:style-name="Title">Frob help desk</text:p>'
        '<text:h text:style-name="Heading_20_1" text:outline-level="1">Basics</text:h>'
        '<text:h text:style-name="Heading_20_2" text:outline-level="2">What is frob?</text:h>'
        "<text:p>A tool that frobs files.</text:p>"
        # A heading in a numbered list (Word's numbered headings): a heading still, its number left out.
        '<text:list text:style-name="L1"><text:list-item><text:h text:style-name="Heading_20_2" '
        'text:outline-level="2">Is it free?</text:h></text:list-item></text:list>'
        "<text:p>Yes, under the MIT licence.<text:line-break/>Forever.</text:p>"
        '<text:h text:style-name="Heading_20_1" text:outline-level="1">Trouble</text:h>'
        '<text:h text:style-name="Heading_20_2" text:outline-level="2">Where are the logs?</text:h>'
        "<text:p>In ~/.frob/logs.</text:p>"
    ),
    "prefixed/word97-qa.doc": (
        "<text:p>Interview notes</text:p>"
        "<text:p>Q: What is a closure?</text:p>"
        "<text:p>A: A function that keeps the variables of the scope it was made in.</text:p>"
        "<text:p>Q: What does <text:span text:style-name=\"T1\">git rebase</text:span> do?</text:p>"
        "<text:p>A: It replays commits onto another base.</text:p>"
        "<text:p>Q: Why use a &lt;b&gt; tag?</text:p>"
        "<text:p>A: To make text bold &amp; <text:s text:c=\"2\"/>loud.</text:p>"
    ),
    "table/word97-table.doc": (
        "<text:p>Capitals</text:p>"
        '<table:table table:name="Table1"><table:table-column table:number-columns-repeated="2"/>'
        "<table:table-row><table:table-cell><text:p>Question</text:p></table:table-cell>"
        "<table:table-cell><text:p>Answer</text:p></table:table-cell></table:table-row>"
        "<table:table-row><table:table-cell><text:p>Capital of France?</text:p></table:table-cell>"
        "<table:table-cell><text:p>Paris</text:p></table:table-cell></table:table-row>"
        "<table:table-row><table:table-cell><text:p>Capital of Japan?</text:p></table:table-cell>"
        "<table:table-cell><text:p>Tokyo</text:p><text:p>(東京)</text:p></table:table-cell></table:table-row>"
        "<table:table-row><table:table-cell><text:p>Capital of Peru?</text:p></table:table-cell>"
        "<table:table-cell><text:p>Lima | on the coast</text:p></table:table-cell></table:table-row>"
        "</table:table>"
    ),
    "numbered/word97-numbered.doc": (
        "<text:p>Sample paper</text:p>"
        '<text:list xml:id="q" text:style-name="L1"><text:list-item><text:p>Which of these is a prime?</text:p>'
        "<text:list><text:list-item><text:p>4</text:p></text:list-item><text:list-item><text:p>7</text:p>"
        "</text:list-item></text:list></text:list-item></text:list>"
        "<text:p>It is b: seven.</text:p>"
        '<text:list text:continue-list="q" text:style-name="L1"><text:list-item><text:p>What is 2 + 2?</text:p>'
        "</text:list-item></text:list>"
        "<text:p>Four.</text:p>"
        '<text:list text:continue-list="q" text:style-name="L1"><text:list-item><text:p>Is zero even?</text:p>'
        "</text:list-item></text:list>"
        "<text:p>Yes.</text:p>"
        # An item of the second level with none of the first before it (as question papers pasted together have).
        '<text:list text:style-name="L3"><text:list-item><text:list><text:list-item><text:p>What is 3 + 3?</text:p>'
        "</text:list-item></text:list></text:list-item></text:list>"
        "<text:p>Six.</text:p>"
    ),
    # Greek letters and signs typed with Insert Symbol: the Symbol font's codes, not the characters.
    "prefixed/word97-symbols.doc": (
        "<text:p>Physics quiz</text:p>"
        "<text:p>Q: Which letter names the angle of incidence?</text:p>"
        '<text:p>A: <text:span text:style-name="T5">&#xF071;</text:span>, measured in degrees '
        '(<text:span text:style-name="T5">&#xF0B0;</text:span>).</text:p>'
        "<text:p>Q: Which sign says at most?</text:p>"
        '<text:p>A: <text:span text:style-name="T5">&#xF0A3;</text:span></text:p>'
    ),
    # A teacher's answer key: numbered questions, their options lettered by the list's second level, the right
    # one highlighted.
    "numbered/word97-answer-key.doc": (
        "<text:p>Biology quiz, answer key</text:p>"
        '<text:list text:style-name="L1"><text:list-item><text:p>Which organ pumps blood?</text:p>'
        "<text:list><text:list-item><text:p>The lungs</text:p></text:list-item>"
        '<text:list-item><text:p><text:span text:style-name="T4">The heart</text:span></text:p></text:list-item>'
        "<text:list-item><text:p>The liver</text:p></text:list-item></text:list></text:list-item>"
        "<text:list-item><text:p>Which gas do plants take in?</text:p>"
        '<text:list><text:list-item><text:p><text:span text:style-name="T4">Carbon dioxide</text:span></text:p>'
        "</text:list-item><text:list-item><text:p>Oxygen</text:p></text:list-item>"
        "<text:list-item><text:p>Helium</text:p></text:list-item></text:list></text:list-item></text:list>"
    ),
}


def fodt(body: str) -> str:
    return (f'<?xml version="1.0" encoding="UTF-8"?><office:document {_NAMESPACES} '
            'office:mimetype="application/vnd.oasis.opendocument.text">'
            '<office:font-face-decls><style:font-face style:name="Symbol" svg:font-family="Symbol" '
            'style:font-charset="x-symbol"/></office:font-face-decls>'
            f"<office:automatic-styles>{_STYLES}</office:automatic-styles>"
            f"<office:body><office:text>{body}</office:text></office:body></office:document>")


def main(targets: list[str]) -> int:
    """Make the fixtures named in ``targets`` (all when none is)."""
    soffice = shutil.which("soffice")
    if soffice is None:
        print("LibreOffice (soffice) is needed to make the .doc fixtures", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as work:
        for target, body in DOCUMENTS.items():
            if targets and target not in targets:
                continue
            source = Path(work) / (Path(target).stem + ".fodt")
            source.write_text(fodt(body), encoding="utf-8")
            subprocess.run([soffice, "--headless", "--convert-to", "doc:MS Word 97", "--outdir", work, str(source)],
                           check=True, capture_output=True)
            shutil.copyfile(source.with_suffix(".doc"), FIXTURES / target)
            print(FIXTURES / target)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

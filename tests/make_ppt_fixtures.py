"""How the PowerPoint 97-2003 (``.ppt``) fixtures were made: our own deck, saved as ``.pptx`` by python-pptx (its
default template: real title and content placeholders, notes pages), then as ``.ppt`` by LibreOffice.

LibreOffice keeps a preview picture of half a megabyte in the file's summary stream; the fixture keeps only the
two streams a deck is read from (``PowerPoint Document``, byte for byte as LibreOffice wrote it, and ``Current
User``), written into a compound file of their own by :func:`tests.ole.compound_file`. Both files are committed;
run this again (python-pptx and LibreOffice installed) only to change them, then check the test's cards by hand.

    python tests/make_ppt_fixtures.py
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import olefile
from pptx import Presentation  # type: ignore[import-not-found]  # only this script needs it
from pptx.util import Cm  # type: ignore[import-not-found]

sys.path.insert(0, str(Path(__file__).parent.parent))  # run as a script
from tests.ole import compound_file  # noqa: E402

FIXTURES = Path(__file__).parent / "fixtures" / "slides"
NAME = "libreoffice-botany-review"


def botany_review(path: Path) -> None:
    deck = Presentation()
    slide = deck.slides.add_slide(deck.slide_layouts[0])
    slide.shapes.title.text = "Botany review"
    slide.placeholders[1].text = "Unit 2"
    slide = deck.slides.add_slide(deck.slide_layouts[1])
    slide.shapes.title.text = "What do leaves make in sunlight?"
    body = slide.placeholders[1].text_frame
    body.text = "Sugar, from water and air"
    body.add_paragraph().text = "Oxygen, as a by-product"
    slide.notes_slide.notes_text_frame.text = "Photosynthesis happens in the chloroplasts."
    slide = deck.slides.add_slide(deck.slide_layouts[5])
    slide.shapes.title.text = "Why are most plants green?"
    slide.shapes.add_textbox(Cm(2), Cm(6), Cm(20), Cm(3)).text_frame.text = "Chlorophyll reflects green light."
    slide = deck.slides.add_slide(deck.slide_layouts[1])
    slide.shapes.title.text = "Question 3"
    slide.placeholders[1].text = "Which tissue carries water up the stem?"
    slide = deck.slides.add_slide(deck.slide_layouts[1])
    slide.shapes.title.text = "Answer"
    slide.placeholders[1].text = "The xylem — ça va, naïve café ✓"
    deck.save(str(path))


def main() -> int:
    FIXTURES.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        pptx = Path(work) / f"{NAME}.pptx"
        botany_review(pptx)
        soffice = shutil.which("soffice") or "libreoffice"
        subprocess.run([soffice, "--headless", "--convert-to", "ppt:MS PowerPoint 97", "--outdir", work, str(pptx)],
                       check=True, capture_output=True)
        with olefile.OleFileIO(str(Path(work) / f"{NAME}.ppt")) as ole:
            streams = {name: ole.openstream(name).read() for name in ("PowerPoint Document", "Current User")}
        (FIXTURES / f"{NAME}.ppt").write_bytes(compound_file(streams))
        shutil.copyfile(pptx, FIXTURES / f"{NAME}.pptx")
    return 0


if __name__ == "__main__":
    sys.exit(main())

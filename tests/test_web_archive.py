"""Web archives (``.mht``, ``.mhtml``, Safari's ``.webarchive``): a page saved as one file by a browser or Word, read as
its HTML page."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from qadeck import sources
from qadeck.cli import cli
from qadeck.errors import SourceError

#: What Chrome's "Save page as… single file" writes: a MIME message, the page quoted-printable in UTF-8,
#: a picture beside it.
_SAVED_PAGE = (
    b"From: <Saved by Blink>\r\nSnapshot-Content-Location: https://example.org/help/faq\r\n"
    b"Subject: Help\r\nMIME-Version: 1.0\r\n"
    b'Content-Type: multipart/related;\r\n\ttype="text/html";\r\n\tboundary="----MultipartBoundary--x1--"\r\n\r\n'
    b"------MultipartBoundary--x1--\r\nContent-Type: text/html\r\nContent-ID: <frame-1@mhtml.blink>\r\n"
    b"Content-Transfer-Encoding: quoted-printable\r\nContent-Location: https://example.org/help/faq\r\n\r\n"
    b'<html><head><meta charset=3D"utf-8"><title>Help</title><script>alert(1)</script></head><body>'
    b"<nav><a href=3D\"/\">Home</a></nav><h1>Frequently asked questions</h1>"
    b"<h3>Can I pause my subscription?</h3><p>Yes, for up to three months, from the account page.</p>"
    b"<h3>Do you ship abroad?</h3><p>To every country in the EU =E2=80=94 delivery takes a w=\r\neek.</p>"
    b"</body></html>\r\n"
    b"------MultipartBoundary--x1--\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n"
    b"Content-Location: https://example.org/logo.png\r\n\r\niVBORw0KGgo=\r\n"
    b"------MultipartBoundary--x1----\r\n"
)


def _cards(path: Path) -> list[tuple[str, str]]:
    result = CliRunner().invoke(cli, ["list", "--json", str(path)])
    assert result.exit_code == 0, result.output
    return [(card["question"], card["answer"]) for card in json.loads(result.stdout)]


@pytest.mark.parametrize("suffix", [".mhtml", ".mht"])
def test_a_saved_page_is_read_as_its_html_page(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"faq{suffix}"
    path.write_bytes(_SAVED_PAGE)
    assert _cards(path) == [
        ("Can I pause my subscription?", "Yes, for up to three months, from the account page."),
        ("Do you ship abroad?", "To every country in the EU \u2014 delivery takes a week."),
    ]
    assert "alert" not in sources.read(path).text  # the page's script is no text


def test_a_folder_reads_a_web_archive_named_for_questions_only(tmp_path: Path) -> None:
    (tmp_path / "faq.mhtml").write_bytes(_SAVED_PAGE)
    (tmp_path / "receipt.mhtml").write_bytes(_SAVED_PAGE)
    result = CliRunner().invoke(cli, ["list", "--json", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert {card["source"] for card in json.loads(result.stdout)} == {"faq.mhtml"}


def test_a_web_archive_without_a_page_is_one_line_naming_it(tmp_path: Path) -> None:
    path = tmp_path / "faq.mht"
    path.write_bytes(b"MIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\njust text\r\n")
    with pytest.raises(SourceError) as raised:
        sources.read(path)
    assert raised.value.message == "a web archive (MHTML) holding no HTML page"
    assert "faq.mht" in str(raised.value)


def _safari_archive(page: bytes, **resource: object) -> bytes:
    """What Safari's "Save As… Web Archive" writes: a binary property list whose main resource holds the page."""
    import plistlib

    main = {"WebResourceData": page, "WebResourceMIMEType": "text/html", "WebResourceURL": "https://example.org/faq",
            **resource}
    return plistlib.dumps({"WebMainResource": main, "WebSubresources": []}, fmt=plistlib.FMT_BINARY)


_PAGE = ("<html><head><title>Help</title><script>alert(1)</script></head><body><h1>FAQ</h1>"
         "<h3>Can I pause my subscription?</h3><p>Yes, for up to three months.</p>"
         "<h3>Do you ship abroad?</h3><p>To every country in the EU \u2014 delivery takes a week.</p></body></html>")


def test_a_safari_web_archive_is_read_as_its_page_in_the_encoding_it_names(tmp_path: Path) -> None:
    path = tmp_path / "faq.webarchive"
    path.write_bytes(_safari_archive(_PAGE.encode("utf-16"), WebResourceTextEncodingName="UTF-16"))
    assert _cards(path) == [("Can I pause my subscription?", "Yes, for up to three months."),
                            ("Do you ship abroad?", "To every country in the EU \u2014 delivery takes a week.")]
    assert "alert" not in sources.read(path).text
    (tmp_path / "receipt.webarchive").write_bytes(path.read_bytes())  # a folder reads the one named for questions
    result = CliRunner().invoke(cli, ["list", "--json", str(tmp_path)])
    assert {card["source"] for card in json.loads(result.stdout)} == {"faq.webarchive"}


@pytest.mark.parametrize(("data", "message"), [
    (b"bplist00\x00\x01garbage", "a damaged Safari web archive (its property list cannot be read)"),
    (_safari_archive(b"\x89PNG", WebResourceMIMEType="image/png"), "a Safari web archive holding no HTML page"),
    (_safari_archive(_PAGE.encode(), WebResourceTextEncodingName="x-no-such"),
     "a web archive whose page cannot be decoded (unknown charset x-no-such)"),
])
def test_a_bad_safari_web_archive_is_one_line_naming_it(tmp_path: Path, data: bytes, message: str) -> None:
    path = tmp_path / "faq.webarchive"
    path.write_bytes(data)
    with pytest.raises(SourceError) as raised:
        sources.read(path)
    assert raised.value.message == message
    assert "faq.webarchive" in str(raised.value)

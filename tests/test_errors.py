"""Bad input and safety, through the CLI as a user meets them.

Each case asserts the exit status, the one-line message, and that earlier
outputs are left exactly as they were.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from qadeck import parsers, sources
from qadeck.cli import cli
from qadeck.model import Source
from qadeck.parsers.entries import is_unanswered
from qadeck.writers import registry

from .conftest import import_apkg, notes_by_guid
from .test_render import assert_no_active_markup

DECK = "mlops-interview-questions"


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


def one_error_line(result) -> str:
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    errors = [ln for ln in result.stderr.splitlines() if ln.startswith("Error: ")]
    assert len(errors) == 1, result.stderr
    return errors[0]


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


# --- sources ---------------------------------------------------------------------------

def test_missing_path(tmp_path):
    assert one_error_line(run("build", str(tmp_path / "nope"))) == \
        f"Error: {tmp_path / 'nope'}: no such file or folder"


def test_empty_folder(tmp_path):
    (tmp_path / "empty").mkdir()
    line = one_error_line(run("build", str(tmp_path / "empty")))
    assert line.startswith(f"Error: {tmp_path / 'empty'}: no Q&A source files")


def test_folder_with_no_readable_qa(tmp_path):
    folder = tmp_path / "junk"
    folder.mkdir()
    (folder / "notes.md").write_text("Just a sentence with no question in it.\n")
    (folder / "slides.bin").write_bytes(b"%PDF-1.4 binary")
    result = run("build", str(folder))
    line = one_error_line(result)
    assert line.startswith(f"Error: {folder}: no questions with answers found in any source (notes.md: ")
    assert "no known Q&A layout fits this file" in line and "--layout" in line
    assert f"warning: {folder / 'slides.bin'}: skipped, unknown extension '.bin'" in result.stderr


def test_an_empty_file_is_reported_as_empty(tmp_path):
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "pairs.txt").write_text("Q: What is A?\nA: Alpha.\n\nQ: What is B?\nA: Beta.\n")
    (folder / "empty.md").write_bytes(b"")
    (folder / "blank.txt").write_bytes(b"\xef\xbb\xbf\r\n  \r\n")  # a BOM and blank lines: nothing to read
    result = run("check", str(folder))
    assert result.exit_code == 0, result.output
    reports = [ln for ln in result.stdout.splitlines() if "skipped" in ln]
    assert reports == ["blank.txt:1: skipped: the file is empty: no text to read cards from",
                       "empty.md:1: skipped: the file is empty: no text to read cards from"]


def test_binary_and_unknown_files_are_skipped_and_the_rest_builds(cards_copy, tmp_path):
    (cards_copy / "diagram.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")  # media, not a source: no warning
    (cards_copy / "slides.bin").write_bytes(b"%PDF-1.4 binary")
    (cards_copy / "dump.txt").write_bytes(b"\x00\x01\x02\x03" * 50)
    result = run("build", str(cards_copy), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    assert "diagram.png" not in result.stderr
    assert f"warning: {cards_copy / 'slides.bin'}: skipped, unknown extension '.bin'" in result.stderr
    assert f"warning: {cards_copy / 'dump.txt'}: binary file, not text; skipped" in result.stderr
    assert "207 cards from 5 sources" in result.stdout


@pytest.mark.parametrize("encoding, bom", [
    ("cp1252", b""), ("utf-8", b"\xef\xbb\xbf"), ("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff"),
])
def test_encodings_and_crlf_read_correctly(tmp_path, encoding, bom):
    text = "Q: What does café mean?\r\nA: A small restaurant – naïve “quotes” included.\r\n"
    (tmp_path / "notes.txt").write_bytes(bom + text.encode(encoding))
    result = run("list", str(tmp_path / "notes.txt"), "--json")
    assert result.exit_code == 0, result.output
    assert '"question": "What does café mean?"' in result.stdout
    assert '"answer": "A small restaurant – naïve “quotes” included."' in result.stdout


# --- config ----------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    # libyaml's words (PyYAML's own parser says "… not allowed here")
    ("deck: X\nfoo: bar: baz\n", "qadeck.yaml:2: YAML syntax error: mapping values are not allowed in this context"),
    ("deck: X\ncolour: blue\n", "qadeck.yaml:2: unknown key; expected one of: deck, deck_id, "
                                 "default_topic, topics, overrides, layout, separator (key 'colour')"),
    ("deck: [1, 2]\n", "qadeck.yaml:1: 'deck' must be the deck's name as text (key 'deck')"),
    ("deck: X\ntopics:\n  ops: {keywords: [ops]}\noverrides:\n  'What is MLOps?': {topics: [devops]}\n",
     "qadeck.yaml:5: unknown topic 'devops'; known: ops (key 'overrides.What is MLOps?.topics')"),
    # mistakes that went through to the build as internal errors or broken tags
    ("deck: X\ndeck_id: 99999999999999999999999\n",
     "qadeck.yaml:2: 'deck_id' must be a positive integer below 2^63 (key 'deck_id')"),
    ("deck: X\noverrides:\n  'What is MLOps?': {topics: [5]}\n",
     "qadeck.yaml:3: a topic must be a slug as text, not 5 (key 'overrides.What is MLOps?.topics')"),
    ("deck: X\noverrides:\n  'What is MLOps?': {topics: [Data Drift]}\n",
     "qadeck.yaml:3: topic 'Data Drift' is not a slug: write it as 'data-drift' "
     "(key 'overrides.What is MLOps?.topics')"),
    ("deck: X\ntopics:\n  '': {keywords: {ops: 1}}\n",
     "qadeck.yaml:3: topic '' is not a slug: use lowercase letters, digits and hyphens (key 'topics.')"),
    ("deck: X\ntopics:\n  ops: {keywords: {ops: .nan}}\n",
     "qadeck.yaml:3: a keyword's weight must be a number (key 'topics.ops.keywords.ops')"),
    ("deck: X\ntopics:\n  ops: {keywords: {'': 1}}\n",
     "qadeck.yaml:3: a keyword must be a word or phrase, not empty (key 'topics.ops.keywords')"),
    ("deck_id: 1790423511\n", "qadeck.yaml:1: 'deck' is missing: name the deck ('deck: <name>')"),
])
def test_bad_config_names_file_line_and_key(cards_copy, tmp_path, text, expected):
    (cards_copy / "qadeck.yaml").write_text(text)
    line = one_error_line(run("build", str(cards_copy), "-o", str(tmp_path / "out")))
    assert line == f"Error: {cards_copy}/{expected}"
    assert not (tmp_path / "out").exists()


# --- output ----------------------------------------------------------------------------

def test_output_path_is_a_file(cards_copy, tmp_path):
    target = tmp_path / "taken"
    target.write_text("not a folder")
    line = one_error_line(run("build", str(cards_copy), "-o", str(target)))
    assert line == f"Error: {target}: output folder is a file, not a folder"
    assert target.read_text() == "not a folder"


def test_output_not_writable(cards_copy, tmp_path, monkeypatch):
    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    out = tmp_path / "out"
    line = one_error_line(run("build", str(cards_copy), "-o", str(out)))
    assert line == f"Error: {out}: cannot write here: Permission denied"


@pytest.mark.parametrize("failure", [OSError(28, "No space left on device"), KeyboardInterrupt()])
def test_failed_build_keeps_previous_outputs_and_lock(cards_copy, tmp_path, monkeypatch, failure):
    out = tmp_path / "out"
    assert run("build", str(cards_copy), "-o", str(out)).exit_code == 0
    before, lock = snapshot(out), (cards_copy / "qadeck.lock").read_bytes()
    (cards_copy / "mlops-general-concepts.txt").write_text("1. What changed?\n\nEverything.\n")

    def broken(output, path):
        path.write_bytes(b"half a deck")
        raise failure

    fmt = registry.FORMATS["apkg"]
    monkeypatch.setitem(registry.FORMATS, "apkg", type(fmt)(fmt.name, fmt.extension, fmt.description, broken))
    result = run("build", str(cards_copy), "-o", str(out))
    assert result.exit_code != 0
    assert "Traceback" not in result.output
    assert snapshot(out) == before  # no half-written deck, no temporary file left behind
    assert (cards_copy / "qadeck.lock").read_bytes() == lock
    assert not list(cards_copy.glob(".qadeck.lock.*"))  # nor a staged lock file


def test_a_failed_build_keeps_the_lock_it_staged_out_of_place(cards_copy, tmp_path, monkeypatch):
    out = tmp_path / "out"
    assert run("build", str(cards_copy), "-o", str(out)).exit_code == 0
    lock = (cards_copy / "qadeck.lock").read_bytes()
    (cards_copy / "mlops-general-concepts.txt").write_text("1. What changed?\n\nEverything.\n")

    def broken(output, path):
        raise OSError(28, "No space left on device")

    fmt = registry.FORMATS["csv"]
    monkeypatch.setitem(registry.FORMATS, "csv", type(fmt)(fmt.name, fmt.extension, fmt.description, broken))
    assert run("build", str(cards_copy), "-o", str(out)).exit_code != 0
    assert (cards_copy / "qadeck.lock").read_bytes() == lock
    assert not list(cards_copy.glob(".qadeck.lock.*"))
    monkeypatch.undo()
    assert run("build", str(cards_copy), "-o", str(out)).exit_code == 0
    assert (cards_copy / "qadeck.lock").read_bytes() != lock and not list(cards_copy.glob(".qadeck.lock.*"))


def test_a_source_folder_that_takes_no_lock_fails_before_any_output_changes(cards_copy, tmp_path, monkeypatch):
    out = tmp_path / "out"
    assert run("build", str(cards_copy), "-o", str(out)).exit_code == 0
    before, lock = snapshot(out), (cards_copy / "qadeck.lock").read_bytes()
    (cards_copy / "mlops-general-concepts.txt").write_text("1. What changed?\n\nEverything.\n")

    def read_only(method):  # the source folder on a read-only file system: even removing nothing fails
        def refuse(self, *args, **kwargs):
            if self.name.startswith(".qadeck.lock."):
                raise OSError(30, "Read-only file system")
            return method(self, *args, **kwargs)
        return refuse

    monkeypatch.setattr(Path, "open", read_only(Path.open))
    monkeypatch.setattr(Path, "unlink", read_only(Path.unlink))
    line = one_error_line(run("build", str(cards_copy), "-o", str(out)))
    assert line == f"Error: {cards_copy / 'qadeck.lock'}: cannot write: Read-only file system"
    assert snapshot(out) == before
    assert (cards_copy / "qadeck.lock").read_bytes() == lock


# --- untrusted text --------------------------------------------------------------------

HOSTILE = """\
Q: Is List<String> & Map<K, V> shown as text?
A: Yes: <script>alert('x')</script> and <img src=x onerror="alert(1)"> stay text, \
[a link](javascript:alert(1)) is defused, a < b && c > d.
Q: Does a control\x07 character\x1f survive?
A: No\x00, it is removed\x1f.
Q: Is this card blank?
A: \x00\x1f \x0b
"""


def test_untrusted_text_never_reaches_anki_as_markup(tmp_path, collection):
    folder = tmp_path / "src"
    folder.mkdir()
    (folder / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    result = run("build", str(folder), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    import_apkg(collection, next((tmp_path / "out").glob("*.apkg")))
    notes = sorted(notes_by_guid(collection).values(), key=lambda n: n["Question"])
    assert len(notes) == 2  # the blank card is reported, not written
    text = "".join(n["Question"] + n["Answer"] for n in notes)
    assert_no_active_markup(text)
    assert "List&lt;String&gt; &amp; Map&lt;K, V&gt;" in text
    assert "&lt;script&gt;" in text and "a &lt; b &amp;&amp; c &gt; d" in text
    assert not any(ch in text for ch in "\x00\x07\x1f\x0b")
    check = run("check", str(folder))
    assert "hostile.txt:" in check.stdout and ("unanswered" in check.stdout or "skipped" in check.stdout)


# --- command-line values ---------------------------------------------------------------

def test_unknown_difficulty_lists_known_ones(cards_copy):
    line = one_error_line(run("build", str(cards_copy), "--difficulty", "hrad"))
    assert line == "Error: unknown difficulty 'hrad'; did you mean 'hard'? Known difficulties: hard, easy, medium"


def test_internal_errors_are_one_line_unless_debug(cards_copy, monkeypatch):
    def explode(*args, **kwargs):
        raise ValueError("boom")

    monkeypatch.setattr(parsers, "parse", explode)
    line = one_error_line(run("list", str(cards_copy)))
    assert line == "Error: internal error: ValueError: boom (run with --debug for details)"
    debug = run("--debug", "list", str(cards_copy))
    assert isinstance(debug.exception, ValueError)


# --- huge inputs (correctness; speed is measured by benchmarks/) -----------------------

@pytest.mark.slow
def test_single_megabyte_line_and_many_pairs(tmp_path):
    big = tmp_path / "big.txt"
    pairs = "".join(f"Q: Question number {i}?\nA: Answer {i}.\n" for i in range(20_000))
    big.write_text("Q: What is in a long line?\nA: " + "word " * 200_000 + "\n" + pairs)
    result = run("list", str(big), "--json")
    assert result.exit_code == 0
    assert result.stdout.count('"question": ') == 20_001


# --- properties --------------------------------------------------------------------------

@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400), st.sampled_from([None, *parsers.names()]))
def test_parsing_any_text_never_raises(text, layout):
    result = parsers.parse(Source(path=Path("any.md"), text=sources.normalize_newlines(text)), layout)
    for card in result.cards:
        assert card.question.strip() and card.answer.strip()


_LINE = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1, max_size=40
).map(str.strip).filter(
    lambda s: any(ch.isalnum() for ch in s) and ":" not in s and s[0] not in "#*-+>|<`=~0123456789[!"
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(_LINE, st.one_of(st.just(""), _LINE)), min_size=2, max_size=12))
def test_every_qa_pair_becomes_one_card_or_one_report(pairs):
    text = "".join(f"Q: {q}?\nA: {a}\n" for q, a in pairs)
    result = parsers.parse(Source(path=Path("pairs.txt"), text=text))
    assert result.layout == "prefixed"
    assert len(result.cards) + len(result.unanswered) == len(pairs)
    # A placeholder answer ("TODO", "no idea", "...") is reported as unanswered, as an empty one is.
    assert len(result.cards) == sum(1 for _, a in pairs if not is_unanswered(a))


def test_an_office_format_qadeck_cannot_read_says_what_to_save_it_as(tmp_path: Path) -> None:
    old = tmp_path / "faq.xlsb"
    old.write_bytes(b"PK\x03\x04" + bytes(504))
    result = CliRunner().invoke(cli, ["build", str(old), "-o", str(tmp_path / "out")])
    assert result.exit_code != 0
    assert "a binary Excel workbook: save it as .xlsx to read it" in result.output
    assert ".doc, .docm, .docx" in result.output and "when named" in result.output  # those read by name too
    assert ".apkg, .colpkg when named" in result.output
    assert "Traceback" not in result.output

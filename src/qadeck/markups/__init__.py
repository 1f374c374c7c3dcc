"""Other markups, read as the Markdown the layouts know: one module per markup, chosen by extension.

Contract: :func:`to_markdown` takes a file's suffix and decoded text and gives
Markdown whose line *n* comes from the source's line *n* wherever the markup
allows it (reStructuredText, POD, Org, Neorg, Textile, BBCode, MediaWiki, AsciiDoc, MDX, Markdoc, txt2tags, Texinfo, LaTeX,
TiddlyWiki, and the
markups that write headings with equals signs: DokuWiki, Zim, RDoc, Typst, Creole), so a card
still points at its source lines; HTML pages, Jupyter notebooks and FAQ data
files (YAML, JSON, JSON Lines, DocBook or Forrest XML), outlines (OPML, mind maps, Obsidian canvases), Evernote exports and Anki packages are the exceptions (each is read as a whole). The layouts then find questions in that Markdown as in any
Markdown file: a heading that asks, a bold paragraph, a numbered item. Nothing
here renders anything: HTML is text to convert, and later stages escape
whatever is left.

``MARKUPS`` is the one table of extensions; Markdown and plain text pass
through :mod:`.markdown`, which only rewrites lines Markdown readers disagree on.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import PurePath

from . import (
    abiword, apkg, asciidoc, bbcode, blackboard, canvas, cardxml, cherrytree, data, database, doc, docx, enex, epub, equalsigns, excalidraw, fb2, gift, h5p, html, ithoughts,
    iwork, jsdata, kanban, kityminder, latex, markdown, markdoc, mdx, mediawiki, mindmanager, mindmap, mochi, norg, notebook, odp, odt, opml, org, packed,
    pdf, pod, ppt, pptx, qti, relaxedjson, rexams, rst, rtf, sheets, simplemind, sqldata, svx, templates, text2qti, texinfo, textbundle, textile, tiddlywiki, trainers,
    txt2tags, usenet, xmlfaq,
)

from ..parsers.structure import MARKDOWN_EXTENSIONS

Translate = Callable[[str], str]

#: Tar archives, plain or compressed (``notes.tar.gz`` ends in ``.gz``): a notes folder packed up is read when
#: named, or in a folder when its name says it holds Q&A; a folder's tar is a backup or a download of anything far
#: more often. (A Joplin export, ``.jex``, is notes whatever its name.)
TARS = frozenset({".tar", ".tgz", ".gz", ".tbz", ".tbz2", ".bz2", ".txz", ".xz"})
#: Extensions of files that are sources when named, or in a folder when their name says they hold Q&A:
#: data files, and documents that mostly hold something else (XML, word processors' documents, PDFs, EPUB books,
#: LaTeX, Sweave and Typst (papers and reports far more often than notes), spreadsheets: a budget as often as a vocabulary list, and a budget's rows would make cards; a PDF in a
#: notes folder is a paper or a manual far more often than a FAQ, and its headings and numbered paragraphs would
#: make cards; a slide deck in a course folder is a lecture far more often than a review). JSON Lines too: a
#: folder's ``.jsonl`` is a log, an event stream or a dataset of anything (tweets, embeddings) far more often than
#: Q&A, and a log runs to gigabytes; ``qa.jsonl`` is read, and ``train.jsonl`` when the folder holds data alone.
#: AsciiDoc saved as ``.asc`` too: the extension is as often an OpenPGP signature's, a schematic's or a grid's.
#: Zip archives too: a course site's quiz package (``quiz-export.zip``, a course's ``.imscc``) is read, but a
#: folder's zip is a backup or a download of anything far more often.
#: JavaScript and TypeScript modules: quiz and flashcard apps keep their cards in them (``questions.js``,
#: ``quizData.ts``), read for their literal records (:mod:`.jsdata`) only when their name says they hold Q&A; a
#: folder's other modules are its code, never held back to read when it has nothing else. SQL scripts too: apps
#: keep their cards in a database and commit the script that fills it (``flashcards.sql``, ``quiz.sql``), read for
#: the rows it inserts (:mod:`.sqldata`); a folder's other scripts are its schema and migrations.
#: SQLite databases too: a small app commits the one it keeps its cards in (``flashcards.db``), read for its tables'
#: rows (:mod:`.database`); a folder's other databases are caches and an app's state.
SCRIPTS = frozenset({".js", ".mjs", ".cjs", ".ts"})
DATABASES = frozenset({".db", ".sqlite", ".sqlite3", ".db3"})
MODULES = SCRIPTS | {".sql"} | DATABASES
#: Web page templates (:mod:`.templates`): a site keeps its FAQ page as one (``faq.php``, ``faq.ejs``, ``faq.njk``),
#: read when named or named for Q&A; a folder's other templates are an app's views and partials, never held back to
#: read when it has nothing else.
TEMPLATES = frozenset({".php", ".jsp", ".asp", ".aspx", ".ejs", ".erb", ".njk", ".jinja", ".jinja2", ".liquid", ".hbs",
                       ".handlebars", ".mustache", ".twig"})
#: LaTeX's extensions: ``.tex``, and ``.ltx`` and ``.latex``, which some editors save.
LATEX = frozenset({".tex", ".ltx", ".latex"})
#: AbiWord's documents: plain, a template, gzipped, bzip2'd. A word processor's file, read as ``.odt`` is: when named or
#: named for Q&A (a folder's ``.abw`` is a letter or a report as often).
ABIWORD = frozenset({".abw", ".awt", ".zabw", ".bzabw"})
#: BBCode (:mod:`.bbcode`): a mod's Steam Workshop or Nexus page kept in its repository, almost always beside a
#: ``README.md`` that says the same in Markdown; read in a folder, every card would come twice. Read when named, when
#: named for Q&A (``faq.bbcode``), or in a folder holding nothing else.
BBCODE = frozenset({".bbcode"})
NAMED_ONLY = frozenset({
    *BBCODE,
    *MODULES, ".asc", ".yml", ".yaml", ".toml", ".json", ".json5", ".jsonc", ".jsonl", ".ndjson", ".jsonlines", ".xml", *LATEX, ".rnw", ".typ", ".pdf", ".epub", ".fb2", ".fbz", ".mht", ".mhtml", ".webarchive",
    ".ctd", ".ctb",
    ".doc", ".docx", ".docm", ".dotx", ".dotm", ".odt", ".ott", ".fodt", ".sxw", ".rtf", ".pages", *ABIWORD,
    ".xlsx", ".xlsm", ".xltx", ".xltm", ".xls", ".ods", ".ots", ".fods", ".sxc", ".numbers",
    ".pptx", ".pptm", ".ppsx", ".ppsm", ".potx", ".potm", ".ppt", ".pps", ".pot", ".odp", ".otp", ".fodp", ".key", ".zip", ".imscc",
    *TARS, *TEMPLATES,
})
#: Extensions of files read only when named: a folder's Anki package is as often a build's own output
#: (``build/deck.apkg``) as a deck to read, and reading that back would give every card twice; a folder's bare
#: collection is as often the stub an unzipped package keeps beside the real one (``collection.anki2`` holding
#: only a note asking to update Anki, beside ``collection.anki21b``) or a profile's, beside its backups.
ANKI_COLLECTIONS = frozenset({".anki2", ".anki21", ".anki21b"})
GIVEN_ONLY = frozenset({".apkg", ".colpkg", *ANKI_COLLECTIONS})
#: Endings of names read wherever they are, whatever their last extension says elsewhere: Pauker saves its lessons
#: gzipped as ``.pau.gz``, where a folder's other ``.gz`` files are archives of anything.
READ_ENDINGS = (".pau.gz",)
#: Data files: JSON (JSON5 and JSON with comments too, see :mod:`.relaxedjson`), JSON Lines, YAML and TOML, read by
#: :mod:`.data` (a file of cards is often named for its deck or vocabulary).
DATA = frozenset({".json", ".json5", ".jsonc", ".jsonl", ".ndjson", ".jsonlines", ".yml", ".yaml", ".toml"})
#: Files whose readers write each entry they find as a block of its own: a data file (a module's data too), and the XML and QTI
#: quizzes and FAQs (a QTI 2 item is one question a file). One such block is a deck of one, not a page's lone
#: "Click to expand".
ENTRY_FILES = DATA | MODULES | {".xml", ".qti"}
#: Extensions of files read only when named or named for Q&A -> marks at the start of a file that holds cards
#: whatever its name: an app's export saved under the app's own name (Mnemosyne writes ``export.xml``), where a
#: folder's other XML files are a build's or an editor's (``pom.xml``, ``AndroidManifest.xml``); an R/exams exercise
#: in Sweave opens its ``question`` environment within a few lines of R, where a Sweave report or vignette has none.
EXPORT_MARKS = {".xml": cardxml.EXPORT_MARKS, ".rnw": (rexams.RNW_MARK,)}
#: Extensions other files share -> what the start of a file of the format qadeck reads holds: a FreeMind map
#: opens with ``<map`` where an Objective-C++ source, also ``.mm``, opens with code; a KityMinder map names its
#: ``"root"`` node where other programs' ``.km`` files hold anything else.
SHARED = {".mm": "<map", ".km": kityminder.MARK}
#: Mind maps' extensions: their readers write the map as nested list items (:mod:`.outliner`), read by the
#: layout for maps (:mod:`qadeck.parsers.maps`) as well as the others.
MAPS = frozenset({".mm", ".km", ".xmind", ".mmap", ".smmx", ".itmz"})
#: Formats people keep cards in that qadeck cannot read -> what to save them as, for the warning that skips them.
SAVE_AS = {
    ".xlsb": "a binary Excel workbook: save it as .xlsx to read it",
    ".ctz": "a password-protected CherryTree file: save it unprotected (.ctd or .ctb) to read it",
    ".ctx": "a password-protected CherryTree file: save it unprotected (.ctd or .ctb) to read it",
}
#: Extension (lower case, with its dot) -> the translation of that markup into Markdown.
MARKUPS: dict[str, Translate] = {
    ".rst": rst.to_markdown,
    ".rest": rst.to_markdown,
    ".pod": pod.to_markdown,
    ".org": org.to_markdown,
    ".norg": norg.to_markdown,
    ".opml": opml.to_markdown,
    ".mm": mindmap.freemind_to_markdown,
    ".km": kityminder.to_markdown,
    ".canvas": canvas.to_markdown,
    ".enex": enex.to_markdown,
    ".tid": tiddlywiki.to_markdown,
    ".textile": textile.to_markdown,
    **dict.fromkeys(BBCODE, bbcode.to_markdown),
    **dict.fromkeys(LATEX, latex.to_markdown),
    ".rnw": rexams.rnw_to_markdown,
    ".texi": texinfo.to_markdown,
    ".texinfo": texinfo.to_markdown,
    ".txi": texinfo.to_markdown,
    ".wiki": mediawiki.to_markdown,
    ".mediawiki": mediawiki.to_markdown,
    ".html": html.to_markdown,
    ".htm": html.to_markdown,
    ".xhtml": html.to_markdown,
    # A page of server-side includes (``faq.shtml``): HTML whose ``<!--#include -->`` directives are comments to
    # the reader, never followed (the file they name is the web server's business, and may lie outside the sources).
    **dict.fromkeys((".shtml", ".shtm"), html.to_markdown),
    **dict.fromkeys(TEMPLATES, templates.to_markdown),
    ".ipynb": notebook.to_markdown,
    ".yml": data.yaml_to_markdown,
    ".yaml": data.yaml_to_markdown,
    ".json": data.json_to_markdown,
    ".toml": data.toml_to_markdown,
    **dict.fromkeys((".json5", ".jsonc"), relaxedjson.to_markdown),
    **dict.fromkeys((".jsonl", ".ndjson", ".jsonlines"), data.jsonl_to_markdown),
    **dict.fromkeys(SCRIPTS, jsdata.to_markdown),
    ".sql": sqldata.to_markdown,
    ".xml": xmlfaq.to_markdown,
    ".qti": qti.to_markdown,
    ".mdx": mdx.to_markdown,
    ".svx": svx.to_markdown,
    ".adoc": asciidoc.to_markdown,
    ".asciidoc": asciidoc.to_markdown,
    ".asc": asciidoc.asc_to_markdown,
    ".mdoc": markdoc.to_markdown,
    ".markdoc": markdoc.to_markdown,
    ".t2t": txt2tags.to_markdown,
    ".gift": gift.to_markdown,
    ".dokuwiki": equalsigns.dokuwiki_to_markdown,
    ".rdoc": equalsigns.rdoc_to_markdown,
    ".typ": equalsigns.typst_to_markdown,
    ".creole": equalsigns.creole_to_markdown,
}
#: Formats people also save as plain text, each (does this text hold the format?, its translation), tried in
#: order: Blackboard's tab-delimited question uploads, Moodle's GIFT questions in a ``quiz.txt``, text2qti quizzes
#: written for Canvas, DokuWiki and Zim pages,
#: WordPress readmes and pasted MediaWiki, FAQs posted to Usenet or a mailing list.
_PLAIN_TEXT_FORMATS: tuple[tuple[Callable[[str], bool], Translate], ...] = (
    (blackboard.is_upload, blackboard.to_markdown),
    (gift.is_gift, gift.to_markdown),
    (text2qti.is_quiz, text2qti.to_markdown),
    (equalsigns.is_wiki_text, equalsigns.text_to_markdown),
    (usenet.is_posting, usenet.to_markdown),
)
#: Tables kept as text: read by the csv layout, whatever their rows say.
_TABLES = frozenset({".csv", ".tsv"})
#: Formats of a text kept under no extension or one qadeck does not know (``FAQ``, ``bash.faq``): a FAQ posted to
#: Usenet or a mailing list lives in software's sources so.
_UNNAMED_TEXT_FORMATS: tuple[tuple[Callable[[str], bool], Translate], ...] = (
    (usenet.is_posting, usenet.to_markdown),
)
#: Extension -> the formats a file of that extension is read as when its text is one of them (a drawing saved as
#: a note).
SNIFFED: dict[str, tuple[tuple[Callable[[str], bool], Translate], ...]] = {
    ".txt": _PLAIN_TEXT_FORMATS,
    ".text": _PLAIN_TEXT_FORMATS,
    # Obsidian's Excalidraw drawings and Kanban boards are notes whose front matter names the plugin.
    ".md": ((excalidraw.is_drawing, excalidraw.to_markdown), (kanban.is_board, kanban.to_markdown)),
    # An R/exams exercise: one question, its options and its solution under headings R/exams names.
    ".rmd": ((rexams.is_rmd_exercise, rexams.rmd_to_markdown),),
}


#: Extension -> the reading of that binary document format as text the layouts read (bytes, and the file's
#: name for errors): Markdown, or a spreadsheet's rows for the ``csv`` layout. A template or a macro-enabled
#: file is the same package as its document (its macros are never run or read), and a flat OpenDocument file
#: (``.fodt``, ``.fods``, ``.fodp``) the same XML in one file.
DOCUMENTS: dict[str, Callable[[bytes, str], str]] = {
    **dict.fromkeys((".docx", ".docm", ".dotx", ".dotm"), docx.to_markdown),
    ".doc": doc.to_markdown,
    **dict.fromkeys((".odt", ".ott", ".fodt", ".sxw"), odt.to_markdown),
    ".rtf": rtf.to_markdown,
    **dict.fromkeys(ABIWORD, abiword.to_markdown),
    **dict.fromkeys((".xlsx", ".xlsm", ".xltx", ".xltm"), sheets.xlsx_to_text),
    ".xls": sheets.xls_to_text,
    **dict.fromkeys((".ods", ".ots", ".fods", ".sxc"), sheets.ods_to_text),
    ".pdf": pdf.to_markdown,
    ".epub": epub.to_markdown,
    **dict.fromkeys((".fb2", ".fbz"), fb2.to_markdown),
    **dict.fromkeys((".pptx", ".pptm", ".ppsx", ".ppsm", ".potx", ".potm"), pptx.to_markdown),
    **dict.fromkeys((".ppt", ".pps", ".pot"), ppt.to_markdown),
    **dict.fromkeys((".odp", ".otp", ".fodp"), odp.to_markdown),
    ".xmind": mindmap.xmind_to_markdown,
    ".mmap": mindmanager.to_markdown,
    ".smmx": simplemind.to_markdown,
    ".itmz": ithoughts.to_markdown,
    ".textpack": textbundle.to_markdown,
    ".textbundle": textbundle.to_markdown,  # a bundle zipped under its folder's name (copied off a Mac, say)
    ".ctd": cherrytree.ctd_to_markdown,
    ".ctb": cherrytree.ctb_to_markdown,
    ".mht": html.web_archive_to_markdown,
    ".mhtml": html.web_archive_to_markdown,
    ".webarchive": html.safari_archive_to_markdown,
    ".apkg": apkg.to_markdown,
    ".colpkg": apkg.to_markdown,
    **dict.fromkeys(ANKI_COLLECTIONS, apkg.collection_to_markdown),
    ".cards": cardxml.cards_to_markdown,
    ".mochi": mochi.to_markdown,
    **dict.fromkeys(DATABASES, database.to_markdown),
    **dict.fromkeys((".pages", ".numbers", ".key"), iwork.to_markdown),
    ".zip": packed.zip_to_markdown,
    ".imscc": qti.package_to_markdown,
    ".h5p": h5p.to_markdown,
    **trainers.READERS,  # vocabulary trainers' files: .kvtml (Parley, KWordQuiz), Pauker, jMemorize, Teach2000, …
    **dict.fromkeys((".jex", *TARS), packed.tar_to_markdown),
}


#: The extension a text copy of a markup file keeps before its ``.txt`` (Sphinx publishes each page's source as
#: ``_sources/faq.rst.txt``, MyST's as ``faq.md.txt``; a mail client saves ``notes.org.txt``).
_COPIED_AS_TEXT = ".txt"


def text_suffix(name: str) -> str:
    """The extension that says how the text of a file called ``name`` is read: its own, or for a text copy of a
    markup (``faq.rst.txt``) the markup's, a data file's or a document's excepted (``cards.json.txt`` is text)."""
    path = PurePath(name)
    suffix = path.suffix.lower()
    if suffix != _COPIED_AS_TEXT:
        return suffix
    inner = PurePath(path.stem).suffix.lower()
    return inner if (inner in MARKUPS and inner not in NAMED_ONLY) or inner in MARKDOWN_EXTENSIONS else suffix


def to_markdown(suffix: str, text: str) -> str:
    """``text`` (from a file ending in ``suffix``) as Markdown the layouts read."""
    suffix = suffix.lower()
    formats = SNIFFED.get(suffix) or (
        () if suffix in MARKUPS or suffix in MARKDOWN_EXTENSIONS or suffix in _TABLES else _UNNAMED_TEXT_FORMATS)
    for holds, translate in formats:
        if holds(text):
            return translate(text)
    return MARKUPS.get(suffix, markdown.to_markdown)(text)

"""Other flashcard apps' exports read as sources: SuperMemo and Mnemosyne XML, Mnemosyne's .cards packages, Mochi.

The files are written here in each app's shape (the SuperMemo collection's element tree, Mnemosyne 1's items,
Mnemosyne 2's log of added tags, facts and cards), with text of our own.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from qadeck import markups, sources
from qadeck.errors import SourceError
from qadeck.cli import cli

from .archives import zipped
from .listing import listed_file, refused

SUPERMEMO = """<?xml version="1.0" encoding="UTF-8"?>
<SuperMemoCollection>
  <Count>6</Count>
  <SuperMemoElement>
    <ID>1</ID>
    <Title>Chemistry</Title>
    <Type>Concept</Type>
    <SuperMemoElement>
      <ID>2</ID>
      <Title>Reading: the atom</Title>
      <Type>Topic</Type>
      <Content><Question>An atom has a nucleus and electrons.</Question></Content>
    </SuperMemoElement>
    <SuperMemoElement>
      <ID>3</ID>
      <Title>Acids</Title>
      <Type>Topic</Type>
      <SuperMemoElement>
        <ID>4</ID>
        <Type>Item</Type>
        <Content>
          <Question>What is the pH of &lt;b&gt;pure water&lt;/b&gt;?</Question>
          <Answer>7 at 25 &#176;C&lt;br&gt;neutral</Answer>
          <Image><URL>C:\\pictures\\ph.jpg</URL><Name>ph.jpg</Name><Question>T</Question><Answer>F</Answer></Image>
        </Content>
        <LearningData><Interval>3</Interval><Repetitions>2</Repetitions></LearningData>
      </SuperMemoElement>
    </SuperMemoElement>
    <SuperMemoElement>
      <ID>5</ID>
      <Type>Item</Type>
      <Content><Question>Symbol of sodium?</Question><Answer>Na</Answer></Content>
    </SuperMemoElement>
    <SuperMemoElement>
      <ID>6</ID>
      <Type>Item</Type>
      <Content><Question>&lt;script&gt;alert(1)&lt;/script&gt;Symbol of iron?</Question><Answer>Fe</Answer></Content>
    </SuperMemoElement>
  </SuperMemoElement>
</SuperMemoCollection>
"""

MNEMOSYNE_1 = """<?xml version="1.0" encoding="UTF-8"?>
<mnemosyne core_version="1" time_of_start="946728000">
<category active="1"><name>Rivers</name></category>
<item id="a1" gr="2" e="2.5"><cat>Rivers</cat><Q>Longest river in &lt;i&gt;Africa&lt;/i&gt;?</Q><A>The Nile</A></item>
<item id="a2"><cat>Mountains</cat><Q>Highest mountain in Europe?</Q><A>Elbrus
(5,642 m)</A></item>
<item id="a3"><cat>Mountains</cat><Q>Unanswered so far</Q><A></A></item>
</mnemosyne>
"""

MNEMOSYNE_2 = """<openSM2sync number_of_entries="9">
<log type="10" o_id="t1"><name>Geography</name></log>
<log type="10" o_id="t2"><name>__UNTAGGED__</name></log>
<log type="16" o_id="f1"><f>Capital of &lt;i&gt;Peru&lt;/i&gt;?</f><b>Lima</b></log>
<log type="6" o_id="c1" card_t="1" fact="f1" fact_v="1.1" tags="t1"></log>
<log type="16" o_id="f2"><f>der Hund</f><b>the dog</b><n>a noun: der</n></log>
<log type="6" o_id="c2" card_t="2" fact="f2" fact_v="2.1" tags="t2"></log>
<log type="6" o_id="c3" card_t="2" fact="f2" fact_v="2.2" tags="t2"></log>
<log type="16" o_id="f3"><text>The [Amazon] flows into the [Atlantic:an ocean].</text></log>
<log type="16" o_id="f4"><f>neko</f><p_1>ne-ko</p_1><m_1>cat</m_1></log>
</openSM2sync>
"""


def _notes(found: list[dict]) -> list[tuple[object, ...]]:
    own = ("topic::", "difficulty::", "source::")
    return [(card["question"], card["answer"], card["section"], card["kind"],
             [tag for tag in card["tags"] if not tag.startswith(own)]) for card in found if not card["reverse"]]


def test_a_supermemo_collection_reads_as_its_items_under_their_topics(tmp_path: Path) -> None:
    # Topics are reading, not cards; the concept every item sits in names the collection, no section.
    found = listed_file(tmp_path, "chemistry-cards.xml", SUPERMEMO.encode())
    assert _notes(found) == [
        ("Symbol of sodium?", "Na", "", "basic", []),
        ("Symbol of iron?", "Fe", "", "basic", []),  # the text is HTML: a script in it is dropped, never run
        ("What is the pH of **pure water**?", "7 at 25 °C  \nneutral", "Acids", "basic", []),
    ]
    assert not any("<script" in card["answer_html"] or "alert" in card["question"] for card in found)


def test_a_mnemosyne_1_export_reads_as_its_items_under_their_categories(tmp_path: Path) -> None:
    found = listed_file(tmp_path, "mnemosyne-cards.xml", MNEMOSYNE_1.encode())
    assert _notes(found) == [
        ("Highest mountain in Europe?", "Elbrus  \n(5,642 m)", "Mountains", "basic", []),
        ("Longest river in *Africa*?", "The Nile", "Rivers", "basic", []),
    ]
    check = CliRunner().invoke(cli, ["check", str(tmp_path / "mnemosyne-cards.xml")])
    assert "unanswered: Unanswered so far" in check.output




def _cards_package(xml: str) -> bytes:
    return zipped({"cards.xml": xml, "METADATA": "card_set_name:Geography\n"})


@pytest.mark.parametrize(("name", "data"), [
    ("geography-cards.xml", MNEMOSYNE_2.encode()),
    ("geography.cards", _cards_package(MNEMOSYNE_2)),
])
def test_a_mnemosyne_2_export_reads_as_its_facts(tmp_path: Path, name: str, data: bytes) -> None:
    found = listed_file(tmp_path, name, data)
    assert _notes(found) == [
        ("Capital of *Peru*?", "Lima", "", "basic", ["Geography"]),
        ("der Hund", "the dog\n\na noun: der", "", "reversed", []),
        ("The {{c1::Amazon}} flows into the {{c2::Atlantic::an ocean}}.", "", "", "cloze", []),
        ("neko", "ne-ko\n\ncat", "", "basic", []),
    ]
    assert [card["question"] for card in found if card["reverse"]] == ["the dog\n\na noun: der"]


def test_a_folder_reads_a_cards_package_and_the_apps_xml_exports_whatever_their_name(tmp_path: Path) -> None:
    (tmp_path / "french.cards").write_bytes(_cards_package(MNEMOSYNE_2))
    # Saved under the apps' own names: Mnemosyne's export.xml, a SuperMemo collection; their root says what they are.
    (tmp_path / "export.xml").write_text(MNEMOSYNE_1, encoding="utf-8")
    (tmp_path / "collection.xml").write_text(SUPERMEMO, encoding="utf-8")
    # A project's XML and data files beside them are no cards, whatever project or app they belong to.
    (tmp_path / "pom.xml").write_text("<project><artifactId>mnemosyne</artifactId><name>Question</name></project>")
    (tmp_path / "mnemosyne.xml").write_text('<mxfile><diagram name="mnemosyne-config"/></mxfile>')
    (tmp_path / "AndroidManifest.xml").write_text('<manifest package="org.mnemosyne"><application/></manifest>')
    (tmp_path / "package.json").write_text('{"name": "mnemosyne", "description": "<mnemosyne core_version"}')
    assert [path.name for path in sources.collect([tmp_path]).files] == ["collection.xml", "export.xml", "french.cards"]


MNEMOSYNE_1_BOTH_WAYS = """<?xml version="1.0" encoding="UTF-8"?>
<mnemosyne core_version="1" time_of_start="946728000">
<item id="7"><cat>Flags</cat><Q>&lt;b&gt;Colours of Peru?&lt;/b&gt;&lt;card style="answerbox: overlay"/&gt;</Q><A>red, white</A></item>
<item id="7.inv"><cat>Flags</cat><Q>red, white</Q><A>&lt;b&gt;Colours of Peru?&lt;/b&gt;</A></item>
<item id="9"><cat>Words</cat><Q>gato</Q><A>GA-to
cat</A></item>
<item id="9.tr.1"><cat>Words</cat><Q>cat</Q><A>gato
GA-to</A></item>
<item id="12.inv"><cat>Words</cat><Q>its fact was not exported</Q><A>asked all the same</A></item>
</mnemosyne>
"""


def test_a_mnemosyne_1_fact_asked_both_ways_is_one_reversed_card(tmp_path: Path) -> None:
    # Mnemosyne 1 writes a fact's other card as an item of its own (id + ".inv", or ".tr.1" for a word's
    # translation): one note asked both ways, not two notes; its layout tags are no text.
    found = listed_file(tmp_path, "mnemosyne-cards.xml", MNEMOSYNE_1_BOTH_WAYS.encode())
    assert _notes(found) == [
        ("Colours of Peru?", "red, white", "Flags", "reversed", []),
        ("gato", "GA-to  \ncat", "Words", "reversed", []),
        ("its fact was not exported", "asked all the same", "Words", "basic", []),
    ]


@pytest.mark.parametrize(("data", "message"), [
    (b"PK\x03\x04 cut short", "not a readable Mnemosyne cards package"),
    (_cards_package("<cards/>"), "not a readable Mnemosyne cards package (cards.xml is not a Mnemosyne export)"),
    (_cards_package('<openSM2sync number_of_entries="0"></openSM2sync>'), "a Mnemosyne cards package with no cards"),
])
def test_a_damaged_cards_package_is_a_one_line_error_naming_it(tmp_path: Path, data: bytes, message: str) -> None:
    path = tmp_path / "french.cards"
    path.write_bytes(data)
    refused(path, message)


_PIECES = st.sampled_from([
    "<SuperMemoElement>", "</SuperMemoElement>", "<Type>Item</Type>", "<Type>Topic</Type>", "<Title>T</Title>",
    "<Content>", "</Content>", "<Question>", "</Question>", "<Answer>", "</Answer>", "<Image>", "</Image>",
    '<log type="16" o_id="a">', '<log type="6" fact="a" fact_v="2.2" tags="t">', '<log type="10" o_id="t">', "</log>",
    "<f>", "</f>", "<b>", "</b>", "<text>", "</text>", "<m_1>", "<name>", "</name>", "<item>", "</item>", "<Q>", "</Q>",
    "<A>", "<cat>", "&lt;b&gt;", "&amp;", "<![CDATA[", "]]>", "[", "]", ":", "x", "What?", "\n",
])


@settings(max_examples=150, deadline=None)
@given(root=st.sampled_from(["<SuperMemoCollection>", "<mnemosyne>", "<openSM2sync>"]),
       body=st.lists(_PIECES, max_size=30).map("".join))
def test_no_export_makes_the_reader_fail(root: str, body: str) -> None:
    # Exports are untrusted: however their elements nest, are left open or hold markup, reading gives text.
    assert isinstance(markups.to_markdown(".xml", root + body), str)


#: A Mochi export's data.json as Mochi writes it (verbose Transit: keywords, tagged lists and sets)...
MOCHI = {"~:version": 2, "~:decks": [
    {"~:id": "~:d1", "~:name": "Spanish", "~:cards": {"~#list": [
        {"~:content": "el **perro**\n---\nthe dog", "~:tags": {"~#set": ["nouns"]}},
        {"~:content": "The capital of Spain is {{Madrid}}.", "~:tags": {"~#set": []}},
        {"~:content": "borrado\n---\ndeleted", "~:trashed?": True}]}},
    {"~:id": "~:d2", "~:name": "Verbs", "~:parent-id": "~:d1", "~:cards": {"~#list": [
        {"~:content": "", "~:fields": {"~:name": {"~:id": "~:name", "~:value": "hablar"},
                                      "~:x1": {"~:id": "~:x1", "~:value": "to speak"}}}]}}]}
#: ... and the same in the compact form: maps as lists opening with "^ ", keys and keywords cached after their first use.
MOCHI_COMPACT = ["^ ", "~:version", 2, "~:decks", [
    ["^ ", "~:id", "~:d1", "~:name", "Spanish", "~:cards", ["~#list", [
        ["^ ", "~:content", "el **perro**\n---\nthe dog", "~:tags", ["~#set", ["nouns"]]],
        ["^ ", "^7", "The capital of Spain is {{Madrid}}.", "^8", ["^9", []]],
        ["^ ", "^7", "borrado\n---\ndeleted", "~:trashed?", True]]]],
    ["^ ", "^2", "~:d2", "^4", "Verbs", "~:parent-id", "^3", "^5", ["^6", [
        ["^ ", "^7", "hablar\n---\nto speak"]]]]]]


@pytest.mark.parametrize("data", [MOCHI, MOCHI_COMPACT], ids=["verbose", "compact"])
def test_a_mochi_export_reads_as_its_cards_under_their_decks(tmp_path: Path, data: object) -> None:
    found = listed_file(tmp_path, "spanish.mochi", zipped({"data.json": json.dumps(data)}))
    assert _notes(found) == [
        ("el **perro**", "the dog", "", "basic", ["nouns"]),
        ("The capital of Spain is {{c1::Madrid}}.", "", "", "cloze", []),
        ("hablar", "to speak", "Verbs", "basic", []),
    ]


def test_a_mochi_cards_pictures_and_sounds_are_their_alt_text(tmp_path: Path) -> None:
    # The export's files are not read: a picture or sound it holds would be a reference to no file.
    card = {"~:content": "What barks?\n---\nA dog ![a dog](@media/perro.png) ![](ladrido.mp3) ![map](https://x.org/m.png)",
            "~:attachments": {"ladrido.mp3": {"~:size": 10}}}
    data = {"~:decks": [{"~:id": "~:d", "~:name": "D", "~:cards": {"~#list": [card]}}]}
    found = listed_file(tmp_path, "dogs.mochi", zipped({"data.json": json.dumps(data)}))
    assert [card["answer"] for card in found] == ["A dog a dog  ![map](https://x.org/m.png)"]


@pytest.mark.parametrize(("data", "message"), [
    (zipped({"data.edn": "{:decks []}"}), "not a readable Mochi export (its data.edn is not read: export the deck as JSON)"),
    (zipped({"data.json": "{not json"}), "not a readable Mochi export (data.json: "),
    (zipped({"data.json": json.dumps({"~:decks": []})}), "a Mochi export with no cards in it"),
    (b"PK\x03\x04 cut short", "not a readable Mochi export"),
])
def test_a_mochi_export_that_cannot_be_read_is_a_one_line_error_naming_it(tmp_path: Path, data: bytes,
                                                                          message: str) -> None:
    path = tmp_path / "spanish.mochi"
    path.write_bytes(data)
    refused(path, message)


_TRANSIT = st.recursive(
    st.none() | st.booleans() | st.integers(-2, 50) | st.sampled_from(
        ["^ ", "^0", "^1", "^:", "~:decks", "~:cards", "~:content", "~:name", "~:id", "~:parent-id", "~#list", "~#set",
         "~:fields", "~:value", "~:trashed?", "a\n---\nb", "{{x}}", "~~", "^"]),
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.sampled_from(
        ["~:decks", "~:cards", "~#list", "~:content", "~:id", "^0", "~:fields", "x"]), inner, max_size=4),
    max_leaves=25,
)


@settings(max_examples=150, deadline=None)
@given(data=_TRANSIT)
def test_no_mochi_data_makes_the_reader_fail_but_with_an_error_naming_it(data: object) -> None:
    # Exports are untrusted: whatever Transit they hold, reading gives text or a SourceError naming the file.
    try:
        assert isinstance(markups.DOCUMENTS[".mochi"](zipped({"data.json": json.dumps(data)}), "x.mochi"), str)
    except SourceError as exc:
        assert "x.mochi" in str(exc)

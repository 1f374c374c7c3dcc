"""Vocabulary trainers' files read as sources: KVTML (Parley, KWordQuiz, KVocTrain, KHangMan), Pauker, jMemorize,
Teach2000, WRTS, CueCard, Granule, Teachmaster.

Each file is written here in its app's shape (elements, attributes, packing), with words of our own.
"""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from qadeck import markups, sources
from qadeck.errors import SourceError
from qadeck.render import Renderer

from .archives import zipped
from .listing import listed, listed_file, refused

#: Three languages, lessons nested, an entry in no lesson, an empty entry (KWordQuiz keeps blank rows), and text that
#: looks like markup.
KVTML_2 = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE kvtml PUBLIC "kvtml2.dtd" "http://edu.kde.org/kvtml/kvtml2.dtd">
<kvtml version="2.0">
  <information><generator>Parley 1.0</generator><title>Kitchen words</title></information>
  <identifiers>
    <identifier id="0"><name>Italian</name><locale>it</locale></identifier>
    <identifier id="1"><name>English</name><locale>en</locale></identifier>
    <identifier id="2"><name>Portuguese</name><locale>pt</locale></identifier>
  </identifiers>
  <entries>
    <entry id="0">
      <translation id="0"><text>il cucchiaio</text></translation>
      <translation id="1"><text>the spoon</text><pronunciation>spu:n</pronunciation></translation>
      <translation id="2"><text>a colher</text></translation>
    </entry>
    <entry id="1">
      <translation id="0"><text>la pentola</text>
        <conjugation><tense>x</tense><text>not the word</text></conjugation></translation>
      <translation id="1"><text>the pot</text><comment>for soup</comment></translation>
    </entry>
    <entry id="2">
      <translation id="0"><text>2*3 &lt;b&gt;sei&lt;/b&gt;</text></translation>
      <translation id="1"><text>- six
[not a link](x)</text></translation>
    </entry>
    <entry id="3"><translation id="0"/><translation id="1"/></entry>
    <entry id="6">
      <translation id="0"><text>$$\\frac{1}{4}$$ of a_cake</text></translation>
      <translation id="1"><text>un quarto</text></translation>
    </entry>
    <entry id="4">
      <translation id="0"><text>il forno</text></translation>
      <translation id="1"><text>the oven</text></translation>
    </entry>
    <entry id="5"><translation id="0"><text>il piatto</text></translation></entry>
  </entries>
  <lessons>
    <container><name>Tools</name>
      <entry id="4"/>
      <container><name>Cutlery</name><entry id="0"/></container>
    </container>
    <container><name>Pots</name><entry id="1"/><entry id="0"/></container>
  </lessons>
  <wordtypes><container><name>Noun</name><entry id="1"><translation id="0"/></entry></container></wordtypes>
</kvtml>
"""


def _cards(found: list[dict]) -> list[tuple[str, str, str]]:
    return [(card["question"], card["answer"], card["section"]) for card in found if not card["reverse"]]


def test_a_kvtml_vocabulary_asks_its_first_language_under_its_lessons(tmp_path: Path) -> None:
    found = listed_file(tmp_path, "kitchen.kvtml", KVTML_2.encode())
    # Lesson by lesson; an entry in two lessons is in its first; a third language is named in the answer.
    assert _cards(found) == [
        ("il forno", "the oven", "Tools"),
        ("il cucchiaio", "the spoon  \n/spu:n/\n\nPortuguese: a colher", "Tools::Cutlery"),
        ("la pentola", "the pot  \nfor soup", "Pots"),
        ("2\\*3 &lt;b>sei&lt;/b>", "\\- six  \n\\[not a link](x)", ""),
        ("$$\\frac{1}{4}$$ of a\\_cake", "un quarto", ""),  # Parley typesets a formula: it stays one
    ]
    # The text is shown as written: no tag of it is HTML, no star emphasis.
    odd = found[-2]
    assert Renderer().inline_html(odd["question"]) == "2*3 &lt;b&gt;sei&lt;/b&gt;"
    assert "<a " not in odd["answer_html"] and "[not a link](x)" in odd["answer_html"]
    assert Renderer().inline_html(found[-1]["question"]) == "\\[\\frac{1}{4}\\] of a_cake"


KHANGMAN = """<?xml version="1.0" encoding="UTF-8"?>
<kvtml version="2.0">
  <identifiers><identifier id="0"><locale>en</locale></identifier></identifiers>
  <entries>
    <entry id="0"><translation id="0"><text>walrus</text><comment>Tusked mammal of Arctic seas</comment></translation></entry>
    <entry id="1"><translation id="0"><text>heron</text></translation></entry>
    <entry id="1"><translation id="0"><text>otter</text><comment>Swims in rivers, eats fish</comment></translation></entry>
  </entries>
</kvtml>
"""

KVTML_1 = """<?xml version="1.0"?>
<!DOCTYPE kvtml SYSTEM "kvoctrain.dtd">
<kvtml encoding="UTF-8" generator="kvoctrain v0.8.3" cols="2" lines="3">
 <lesson width="100"><desc no="1">Weather</desc><desc no="2">Trees</desc></lesson>
 <e m="1"><o l="de">der Regen</o><t l="en">the rain</t></e>
 <e m="2"><o l="de">die Eiche</o><t l="en">the oak</t></e>
 <e><o l="de">leer</o><t l="en"></t></e>
</kvtml>
"""


def test_a_word_list_of_one_language_asks_its_hints(tmp_path: Path) -> None:
    # KHangMan's lists: the hint is what the game shows, the word what it asks; a word with no hint is no card,
    # and two entries the file gives one id are both read.
    found = listed_file(tmp_path, "animals.kvtml", KHANGMAN.encode())
    assert _cards(found) == [("Tusked mammal of Arctic seas", "walrus", ""),
                             ("Swims in rivers, eats fish", "otter", "")]


def test_a_kvtml_1_file_asks_its_originals_under_their_lessons(tmp_path: Path) -> None:
    found = listed_file(tmp_path, "german.kvtml", KVTML_1.encode())
    assert _cards(found) == [("der Regen", "the rain", "Weather"), ("die Eiche", "the oak", "Trees")]


PAUKER = """<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<!--This is a lesson file for Pauker (http://pauker.sourceforge.net)-->
<Lesson LessonFormat="1.7">
  <Description>Capitals I keep forgetting</Description>
  <Batch>
    <Card>
      <FrontSide Orientation="LTR" RepeatByTyping="false"><Text>Capital of Bhutan?</Text>
        <Font Bold="false" Family="Dialog" Size="12"/></FrontSide>
      <ReverseSide Orientation="LTR" RepeatByTyping="false"><Text>Thimphu
(not Paro)</Text></ReverseSide>
    </Card>
  </Batch>
  <Batch/>
  <Batch>
    <Card>
      <FrontSide><Text>Capital of Malawi?</Text></FrontSide>
      <ReverseSide><Text>Lilongwe</Text></ReverseSide>
    </Card>
    <Card><FrontSide><Text>Capital of nowhere?</Text></FrontSide><ReverseSide><Text/></ReverseSide></Card>
  </Batch>
</Lesson>
"""
PAUKER_CARDS = [("Capital of Bhutan?", "Thimphu  \n(not Paro)", ""), ("Capital of Malawi?", "Lilongwe", "")]


@pytest.mark.parametrize("name", ["capitals.pau.gz", "capitals.pau", "capitals-xml.pau"])
def test_a_pauker_lesson_reads_as_its_cards_gzipped_or_not(tmp_path: Path, name: str) -> None:
    data = PAUKER.encode() if name.endswith("xml.pau") else gzip.compress(PAUKER.encode())
    assert _cards(listed_file(tmp_path, name, data)) == PAUKER_CARDS


#: jMemorize's nested categories (the root one every card shares), decks of cards, sides in its markup.
JMEMORIZE = """<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<Lesson>
<Category name="All">
<Deck><Card Frontside="Symbol of &lt;b&gt;tin&lt;/b&gt;?" Backside="Sn" DateCreated="01-Mar-2011 10:00:00"/></Deck>
<Deck/>
<Category name="Metals">
<Deck><Card Frontside="Symbol of gold?" Backside="Au&lt;br&gt;(aurum)"><Side/><Side/></Card></Deck>
<Category name="Heavy">
<Deck/><Deck><Card Frontside="Symbol of lead?" Backside="Pb"/></Deck>
</Category>
</Category>
</Category>
<statistics><session passed="1" failed="0"/></statistics>
</Lesson>
"""
JMEMORIZE_CARDS = [("Symbol of **tin**?", "Sn", ""), ("Symbol of gold?", "Au  \n(aurum)", "Metals"),
                   ("Symbol of lead?", "Pb", "Metals::Heavy")]


@pytest.mark.parametrize("packing", ["zip", "gzip", "plain"])
def test_a_jmemorize_lesson_reads_as_its_cards_under_their_categories(tmp_path: Path, packing: str) -> None:
    xml = JMEMORIZE.encode()
    data = {"zip": zipped({"lesson.xml": xml}), "gzip": gzip.compress(xml), "plain": xml}[packing]
    assert _cards(listed_file(tmp_path, "elements.jml", data)) == JMEMORIZE_CARDS


TEACH2000 = """<?xml version="1.0" encoding="UTF-8"?>
<!--This is a Teach2000 document-->
<teach2000><version>852</version><description>Normal</description><message_data mm_files_embedded="N">
<items>
<item id="0"><questions><question id="0">huis</question></questions>
<answers type="0"><answer id="0">house</answer><answer id="1">home</answer></answers><errors>0</errors></item>
<item id="1"><questions><question id="0">boom</question></questions><answers type="0"><answer id="0">tree</answer>
</answers></item>
<item id="2"><question>fiets</question><answer>bicycle</answer></item>
<item id="4"><question>fiets</question><answer>bicycle</answer></item>
<item id="3"><questions><question id="0">leeg</question></questions><answers type="0"/></item>
</items><testresults/></message_data></teach2000>
"""


def test_a_teach2000_list_reads_as_its_items(tmp_path: Path) -> None:
    # Several answers are each right; WRTS writes an item's question and answer without their lists; an item
    # entered twice is one card.
    assert _cards(listed_file(tmp_path, "dutch.t2k", TEACH2000.encode())) == [
        ("huis", "house  \nhome", ""), ("boom", "tree", ""), ("fiets", "bicycle", "")]


WRTS = """<?xml version="1.0" encoding="UTF-8"?>
<!-- Wrts -->
<wrts>
  <lijst id="1"><titel>Colours</titel><taal><a>Dutch</a><b>English</b></taal>
    <woord><a>geel</a><b>yellow</b></woord><woord><a>paars</a><b></b></woord></lijst>
  <lijst id="2"><titel>Shapes</titel><woord><a>vierkant</a><b>square</b></woord></lijst>
</wrts>
"""
CUECARD = """<?xml version="1.0" encoding="utf-8"?>
<CueCards Version="1">
    <Card Question="Largest moon of Saturn?" Answer="Titan" History="NYY" />
    <Card Question="Moon of Neptune that orbits backwards?" Answer="Triton" QuestionPicture="x.png" />
    <Card Question="Unanswered" Answer="" />
</CueCards>
"""
GRANULE = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE deck SYSTEM "http://granule.sourceforge.net/granule.dtd">
<deck><author>someone</author>
  <card id="_1"><front>ricordare</front><back>to remember</back><back_example>Ricordo tutto.</back_example></card>
  <card id="_2"><front>dimenticare</front><back>to forget</back><back_example></back_example></card>
</deck>
"""
TEACHMASTER = """<?xml version="1.0" encoding="ISO-8859-1"?>
<teachmaster><header><titel>Food</titel><spreins>English</spreins><sprzwei>Deutsch</sprzwei></header>
  <vokabelsatz><lektion>Fruit</lektion><spreins>apple</spreins><sprzwei>der Apfel</sprzwei>
    <synonym></synonym><bemerkung>plural: Äpfel</bemerkung></vokabelsatz>
  <vokabelsatz><lektion>Drinks</lektion><spreins>juice</spreins><sprzwei>der Saft</sprzwei>
    <synonym>der Fruchtsaft</synonym><bemerkung></bemerkung></vokabelsatz>
</teachmaster>
"""


@pytest.mark.parametrize(("name", "data", "cards"), [
    ("dutch.wrts", WRTS.encode(), [("geel", "yellow", "Colours"), ("vierkant", "square", "Shapes")]),
    ("moons.wcu", CUECARD.encode(), [("Largest moon of Saturn?", "Titan", ""),
                                     ("Moon of Neptune that orbits backwards?", "Triton", "")]),
    ("verbs.dkf", GRANULE.encode(), [("ricordare", "to remember\n\nRicordo tutto.", ""),
                                     ("dimenticare", "to forget", "")]),
    # Teachmaster writes ISO-8859-1; a synonym is also right, a remark goes under the answer.
    ("food.vok2", TEACHMASTER.encode("latin-1"), [("apple", "der Apfel\n\nplural: Äpfel", "Fruit"),
                                                  ("juice", "der Saft  \nder Fruchtsaft", "Drinks")]),
])
def test_other_trainers_lists_read_as_their_words(tmp_path: Path, name: str, data: bytes,
                                                  cards: list[tuple[str, str, str]]) -> None:
    assert _cards(listed_file(tmp_path, name, data)) == cards


def test_a_folder_reads_the_trainers_files_whatever_their_names(tmp_path: Path) -> None:
    for name, data in [("kitchen.kvtml", KVTML_2.encode()), ("capitals.pau.gz", gzip.compress(PAUKER.encode())),
                       ("elements.jml", gzip.compress(JMEMORIZE.encode())), ("dutch.t2k", TEACH2000.encode())]:
        (tmp_path / name).write_bytes(data)
    # A folder's other gzip files are archives of anything: still read only when named for what they hold.
    (tmp_path / "logs.gz").write_bytes(gzip.compress(b"a log line\n"))
    assert sorted(path.name for path in sources.collect([tmp_path]).files) == [
        "capitals.pau.gz", "dutch.t2k", "elements.jml", "kitchen.kvtml"]
    assert len(listed(tmp_path)) == 5 + 2 + 3 + 3


def _cut(data: bytes) -> bytes:
    return data[: len(data) * 2 // 3]


@pytest.mark.parametrize(("name", "data", "message"), [
    ("kitchen.kvtml", _cut(KVTML_2.encode()), "not a readable KVTML vocabulary file (unclosed token: line "),
    ("capitals.pau.gz", _cut(gzip.compress(PAUKER.encode())), "not a readable Pauker lesson (Compressed file ended"),
    ("capitals.pau", _cut(PAUKER.encode()), "not a readable Pauker lesson (unclosed token: line 14"),
    ("elements.jml", _cut(zipped({"lesson.xml": JMEMORIZE})), "not a readable jMemorize lesson"),
    ("elements.jml", _cut(gzip.compress(JMEMORIZE.encode())), "not a readable jMemorize lesson"),
    ("dutch.t2k", _cut(TEACH2000.encode()), "not a readable Teach2000 file"),
    ("dutch.wrts", _cut(WRTS.encode()), "not a readable WRTS list"),
    ("moons.wcu", _cut(CUECARD.encode()), "not a readable CueCard deck"),
    ("verbs.dkf", _cut(GRANULE.encode()), "not a readable Granule deck"),
    ("food.vok2", _cut(TEACHMASTER.encode("latin-1")), "not a readable Teachmaster vocabulary"),
    ("elements.jml", zipped({"other.xml": "<Lesson/>"}), "not a readable jMemorize lesson (no lesson.xml in it)"),
    ("dutch.t2k", b"<teach2000><items/></teach2000>", "a Teach2000 file with no cards in it"),
    ("kitchen.kvtml", b"<html><body>no</body></html>", "not a readable KVTML vocabulary file (its root is <html>"),
    ("kitchen.kvtml", b'<!DOCTYPE kvtml [<!ENTITY w "word">]><kvtml><e><o>&w;</o><t>x</t></e></kvtml>',
     "a KVTML vocabulary file that declares XML entities: not read"),
])
def test_a_damaged_trainer_file_is_a_one_line_error_naming_it(tmp_path: Path, name: str, data: bytes,
                                                               message: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    refused(path, message)


@settings(max_examples=100, deadline=None)
@given(cut=st.integers(0, 2000),
       which=st.sampled_from([".kvtml", ".pau", ".jml", ".t2k", ".wrts", ".wcu", ".dkf", ".vok2"]))
def test_no_cut_file_makes_a_reader_fail_but_with_an_error_naming_it(cut: int, which: str) -> None:
    # Files are untrusted: wherever one is cut short, reading gives text or a SourceError naming the file.
    whole = {".kvtml": KVTML_2, ".pau": PAUKER, ".jml": JMEMORIZE, ".t2k": TEACH2000, ".wrts": WRTS, ".wcu": CUECARD,
             ".dkf": GRANULE, ".vok2": TEACHMASTER}[which].encode()
    for data in (whole[:cut], gzip.compress(whole)[:cut]):
        try:
            assert isinstance(markups.DOCUMENTS[which](data, "x" + which), str)
        except SourceError as exc:
            assert "x" + which in str(exc)

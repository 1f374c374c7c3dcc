"""Questions under headings of their own ("### Q1. …", "## Question 1") answered by an answer key whose
answers are headings too ("### Q1 — (B)", "### Q1" over "**Answer: B**"); and the questions such a key
must leave alone: those answered in their own section."""

from __future__ import annotations

from pathlib import Path

from .listing import listed, pairs

KEYED = """\
# Networking drill

### Q1 (ports, easy)

Which port does plain HTTP use by default?

A. 21
B. 80
C. 443

---

### Q2 (dns, medium)

Which record maps a name to an IPv6 address?

A. AAAA
B. MX
C. CNAME

---

## Answers and Rationales

### Q1
**Answer: B**

**Rationale:** the well-known port for web traffic.

### Q2
**Answer: A**

**Rationale:** four times the A record's width.
"""

#: Each question answers itself in a fold; the table at the end only repeats the letters.
FOLDED_WITH_TABLE = """\
# Storage quiz

### Question 1 — Easy

**Which unit is larger?**

- A) Megabyte
- B) Gigabyte

<details>
<summary>Reveal</summary>

**Correct Answer: B**

**Explanation**: a thousand megabytes make one.

</details>

### Question 2 — Easy

**Which memory keeps data without power?**

- A) RAM
- B) Flash

<details>
<summary>Reveal</summary>

**Correct Answer: B**

**Explanation**: flash cells hold their charge.

</details>

## Answer Key

| Q# | Answer |
|----|--------|
| 1 | B |
| 2 | B |
"""


def test_headed_questions_take_their_key_answers(tmp_path: Path) -> None:
    (tmp_path / "drill.md").write_text(KEYED, encoding="utf-8")
    assert pairs(listed(tmp_path / "drill.md")) == [
        ("(ports, easy)\n\nWhich port does plain HTTP use by default?\n\nA. 21\nB. 80\nC. 443",
         "B. 80\n\n**Rationale:** the well-known port for web traffic."),
        ("(dns, medium)\n\nWhich record maps a name to an IPv6 address?\n\nA. AAAA\nB. MX\nC. CNAME",
         "A. AAAA\n\n**Rationale:** four times the A record's width."),
    ]


def test_questions_answered_in_their_own_section_keep_their_explanations(tmp_path: Path) -> None:
    (tmp_path / "storage.md").write_text(FOLDED_WITH_TABLE, encoding="utf-8")
    cards = listed(tmp_path / "storage.md")
    assert len(cards) == 2
    assert all("Explanation" in str(card["answer"]) for card in cards)
    assert "Gigabyte" in str(cards[0]["answer"]) and "Flash" in str(cards[1]["answer"])

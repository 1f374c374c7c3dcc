"""Questions whose answer is a mark the author left to fill in later: "TBA", "TBC", "To be updated", a "TODO:" note
of what to write; in Chinese notes "待补充" (to be added), "待完善" (to be improved) or "待续" (to be continued), in
French ones "à compléter". They are unanswered questions, reported as such, never cards whose back is the mark."""

from __future__ import annotations

from pathlib import Path

from qadeck import parsers, sources
from qadeck.model import ParseResult

CHINESE_NOTES = """\
# 操作系统复习

## 进程和线程有什么区别？

进程是资源分配的单位，线程是调度的单位；同一进程的线程共享地址空间。

## 什么是死锁？

待补充。

## 死锁的四个必要条件是什么？

互斥、占有并等待、不可抢占、循环等待。

## 页面置换算法有哪些？

待完善。。。

## 什么是虚拟内存？

把磁盘的一部分当作内存的延伸，按页换入换出。

## 如何避免饥饿？

待续...
"""

FRENCH_FAQ = """\
# Notes sur le déploiement

## FAQ

### Pourquoi utiliser des conteneurs ?

Pour livrer la même image en test et en production.

### Comment gérer les secrets ?

à compléter

### Quelle base de données choisir ?

PostgreSQL, déjà utilisée par les autres services.

### Et la supervision ?

À venir.
"""


PROJECT_FAQ = """\
# FAQ

### Why is the cache kept on disk?

So that a restart does not lose the results computed so far.

### How are old entries removed?

TODO: Explain the eviction policy and the size limit.

### Can two processes share one cache?

Yes, writes take a file lock first.

### Is there a Windows build?

TBA

### How do I report a bug?

To be updated.
"""


def _parsed(tmp_path: Path, text: str, name: str) -> ParseResult:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return parsers.parse(sources.read(path))


def test_chinese_notes_marks_to_be_added_are_unanswered(tmp_path: Path) -> None:
    result = _parsed(tmp_path, CHINESE_NOTES, "os.md")
    assert [(card.question, card.answer) for card in result.cards] == [
        ("进程和线程有什么区别？", "进程是资源分配的单位，线程是调度的单位；同一进程的线程共享地址空间。"),
        ("死锁的四个必要条件是什么？", "互斥、占有并等待、不可抢占、循环等待。"),
        ("什么是虚拟内存？", "把磁盘的一部分当作内存的延伸，按页换入换出。"),
    ]
    unanswered = [finding.line for finding in result.findings if finding.kind == "unanswered"]
    assert unanswered == [7, 15, 23]


def test_a_french_faqs_entries_left_to_write_are_unanswered(tmp_path: Path) -> None:
    result = _parsed(tmp_path, FRENCH_FAQ, "deploiement.md")
    assert [card.question for card in result.cards] == [
        "Pourquoi utiliser des conteneurs ?", "Quelle base de données choisir ?"]
    assert result.cards[1].answer == "PostgreSQL, déjà utilisée par les autres services."
    assert sum(finding.kind == "unanswered" for finding in result.findings) == 2


def test_an_answer_that_opens_with_the_mark_and_goes_on_is_an_answer(tmp_path: Path) -> None:
    """"待补充：…" followed by text is an answer begun, kept as it is written."""
    text = CHINESE_NOTES.replace("待补充。", "待补充：系统中的进程互相等待对方释放资源而都无法推进。")
    questions = [card.question for card in _parsed(tmp_path, text, "os.md").cards]
    assert "什么是死锁？" in questions


def test_a_faqs_entries_marked_tba_or_left_a_todo_note_are_unanswered(tmp_path: Path) -> None:
    result = _parsed(tmp_path, PROJECT_FAQ, "FAQ.md")
    assert [(card.question, card.answer) for card in result.cards] == [
        ("Why is the cache kept on disk?", "So that a restart does not lose the results computed so far."),
        ("Can two processes share one cache?", "Yes, writes take a file lock first."),
    ]
    assert sum(finding.kind == "unanswered" for finding in result.findings) == 3

"""Multiple-choice questions whose right option a line names in another language ("**Respuesta:** B",
"**Cevap:** A") or after a check mark ("✅ **Answer: C**"), and questions whose options stand between them
and their answer label, a paragraph each or under a heading that only numbers the question; options that open
with their own letters ("a. …"), which the front shows once; numbered questions typed a level too deep."""

from __future__ import annotations

import json

from click.testing import CliRunner

from qadeck.cli import cli

NUMBERED_SPANISH = """\
# Repaso de redes

**1.** ¿Qué protocolo envía el correo electrónico?

A) FTP

B) SMTP

C) SSH

D) DNS

**Respuesta:** B

---

**2.** ¿Cuántos bits tiene un byte?

A) 4

B) 16

C) 8

**Respuesta:** C
"""

HEADED_TURKISH = """\
# Alıştırmalar

### Soru 1
HTML neyin kısaltmasıdır?

A) Hyper Trainer Marking Language
B) HyperText Markup Language
C) High Text Machine Language
D) Home Tool Markup Language

**Cevap:** B
Açıklama: web sayfaları için bir işaretleme dili.

### Soru 2
Hangi kod hiç durmadan döner?

A)

```js
while (true) {}
```

B)

```js
while (false) {}
```

**Cevap:** A

### Soru 3
Satır sonu ekleyen etiket hangisidir?

A) <br>
B) <p>
C) <hr>

**Cevap:** A
"""

CHECKED_ENGLISH = """\
1. Which planet is largest?

A) Mars

B) Jupiter

C) Venus

✅ **Answer: B**

2. Which metal is liquid at room temperature?

A) Iron

B) Copper

C) Mercury

✅ **Answer: C**
"""


def _cards(tmp_path, name: str, text: str) -> list[tuple[str, str]]:
    (tmp_path / name).write_text(text, encoding="utf-8")
    result = CliRunner().invoke(cli, ["list", "--json", str(tmp_path / name)], catch_exceptions=False)
    return [(card["question"], card["answer"]) for card in json.loads(result.stdout)]


def test_a_key_line_in_spanish_names_the_right_option(tmp_path):
    assert _cards(tmp_path, "repaso.md", NUMBERED_SPANISH) == [
        ("¿Qué protocolo envía el correo electrónico?\n\n- A: FTP\n- B: SMTP\n- C: SSH\n- D: DNS", "**B**: SMTP"),
        ("¿Cuántos bits tiene un byte?\n\n- A: 4\n- B: 16\n- C: 8", "**C**: 8"),
    ]


def test_options_between_a_question_and_its_label_are_not_its_question(tmp_path):
    cards = _cards(tmp_path, "sorular.md", HEADED_TURKISH)
    assert [question.split("\n")[0] for question, _ in cards] == [
        "HTML neyin kısaltmasıdır?", "Hangi kod hiç durmadan döner?", "Satır sonu ekleyen etiket hangisidir?",
    ]
    first, second, third = cards
    assert first == (
        "HTML neyin kısaltmasıdır?\n\n- A: Hyper Trainer Marking Language\n- B: HyperText Markup Language"
        "\n- C: High Text Machine Language\n- D: Home Tool Markup Language",
        "**B**: HyperText Markup Language\n\nAçıklama: web sayfaları için bir işaretleme dili.",
    )
    # Options that are code under a bare letter stay whole, the line naming the right one after them.
    assert "while (false) {}" in second[1] and second[1].rstrip().endswith("**Cevap:** A")
    assert third == ("Satır sonu ekleyen etiket hangisidir?\n\n- A: <br>\n- B: <p>\n- C: <hr>", "**A**: <br>")


def test_a_check_mark_before_the_key_line(tmp_path):
    assert _cards(tmp_path, "planets.md", CHECKED_ENGLISH) == [
        ("Which planet is largest?\n\n- A: Mars\n- B: Jupiter\n- C: Venus", "**B**: Jupiter"),
        ("Which metal is liquid at room temperature?\n\n- A: Iron\n- B: Copper\n- C: Mercury", "**C**: Mercury"),
    ]


DEEPER_NUMBERED = """\
# Pytania

## Ogólne

### 1. Co to jest proces?
Program, który właśnie działa.

### 2. Co to jest wątek?
Część procesu wykonywana współbieżnie.

#### 3. Co to jest semafor?
Licznik, który pilnuje dostępu do zasobu.

#### 4. Co to jest zakleszczenie?
Stan, w którym procesy czekają na siebie nawzajem.

### 5. Co to jest SOLID?
Pięć zasad projektowania obiektowego.

#### 1. Jedna odpowiedzialność
Klasa ma jeden powód do zmiany.

#### 2. Otwarte i zamknięte
Rozszerzaj, nie zmieniaj.

### 6. Jak działa DNS?
Zamienia nazwy na adresy.

#### Serwer główny
Zna serwery domen najwyższego poziomu.

#### Serwer domeny
Zna adresy swoich nazw.

#### Pamięć podręczna
Skraca kolejne zapytania.

#### Rekord A
Adres IPv4 nazwy.

#### Rekord MX
Serwer poczty domeny.
"""


def test_a_numbered_question_typed_a_level_too_deep_continues_the_list(tmp_path):
    cards = _cards(tmp_path, "pytania.md", DEEPER_NUMBERED)
    assert [question for question, _ in cards] == [
        "Co to jest proces?", "Co to jest wątek?", "Co to jest semafor?", "Co to jest zakleszczenie?",
        "Co to jest SOLID?", "Jak działa DNS?",
    ]
    assert cards[1][1] == "Część procesu wykonywana współbieżnie."
    assert cards[2][1] == "Licznik, który pilnuje dostępu do zasobu."
    # Points numbered afresh under an answer stay in it.
    assert "Jedna odpowiedzialność" in cards[4][1] and "Rozszerzaj, nie zmieniaj." in cards[4][1]
    assert "Rekord A" in cards[5][1]


TICKED_WITH_LETTERS = """\
## 1. Apa fungsi perintah `git clone`?
- [ ] a. Menghapus repositori
- [x] b. Menyalin repositori jarak jauh
- [ ] c. Menggabungkan dua cabang

## 2. Perintah mana yang menampilkan status berkas?
- [ ] a. git log
- [ ] b. git push
- [x] c. git status
"""


def test_options_that_carry_their_own_letters_are_not_lettered_twice(tmp_path):
    assert _cards(tmp_path, "git.md", TICKED_WITH_LETTERS) == [
        ("Apa fungsi perintah `git clone`?\n\n- A: Menghapus repositori\n- B: Menyalin repositori jarak jauh"
         "\n- C: Menggabungkan dua cabang", "**B**: Menyalin repositori jarak jauh"),
        ("Perintah mana yang menampilkan status berkas?\n\n- A: git log\n- B: git push\n- C: git status",
         "**C**: git status"),
    ]

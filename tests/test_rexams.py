"""R/exams exercises (.Rmd, .Rnw): one card each, the options lettered, the right ones from exsolution, R code left out."""

from __future__ import annotations

from pathlib import Path

from qadeck import markups, sources

from .listing import listed, listed_file, pairs

_SINGLE = """Question
========
Which planet is closest to the sun?

Answerlist
----------
* Venus
* Mercury
* Mars

Solution
========
Mercury orbits at about 0.39 AU.

Answerlist
----------
* False
* True
* False

Meta-information
================
exname: Inner planet
extype: schoice
exsolution: 010
exshuffle: TRUE
"""


def test_a_single_choice_exercise_is_a_card_with_its_options_and_the_right_one(tmp_path: Path) -> None:
    found = listed_file(tmp_path, "planet.Rmd", _SINGLE.encode())
    assert pairs(found) == [(
        "Which planet is closest to the sun?\n\n- A: Venus\n- B: Mercury\n- C: Mars",
        "**B**: Mercury\n\nMercury orbits at about 0.39 AU.",  # the True/False list says no more than the key
    )]
    assert found[0]["lines"][0] == 3  # the question's line


def test_a_true_or_false_question_says_its_verdict_once(tmp_path: Path) -> None:
    text = ("Question\n========\nSound travels faster in water than in air.\n\nAnswerlist\n----------\n* True\n* False\n\n"
            "Solution\n========\nTrue.\n\nMeta-information\n================\nextype: schoice\nexsolution: 10\n")
    assert pairs(listed_file(tmp_path, "sound.Rmd", text.encode())) == [
        ("Sound travels faster in water than in air.\n\n- A: True\n- B: False", "**A**: True")]


def test_a_multiple_choice_exercise_keeps_the_reasons_its_solution_gives_each_option(tmp_path: Path) -> None:
    text = ("# Question\n\nWhich of these are prime?\n\n## Answerlist\n\n- 2\n- 9\n- 11\n- 15\n\n"
            "# Solution\n\n## Answerlist\n\n- True. Its only divisors are 1 and 2.\n- False. It is 3 times 3.\n"
            "- True. No number from 2 to 3 divides it.\n- False. It is 3 times 5.\n\n"
            "# Meta-information\n\nextype: mchoice\nexsolution: 1010\n")
    [(question, answer)] = pairs(listed_file(tmp_path, "primes.Rmd", text.encode()))
    assert question == "Which of these are prime?\n\n- A: 2\n- B: 9\n- C: 11\n- D: 15"
    assert answer.split("\n\n")[:2] == ["**A**: 2", "**C**: 11"]
    assert "- B: False. It is 3 times 3." in answer


_GENERATED = """```{r data generation, echo = FALSE, results = "hide"}
side <- sample(3:9, 1)
area <- side^2
sc <- num_to_schoice(area)
```

Question
========
A square has sides of `r side` cm. What is its area?

```{r questionlist, echo = FALSE, results = "asis"}
answerlist(sc$questions, markup = "markdown")
```

Solution
========
The area is the side squared: `r side`^2 = `r area` square centimetres.

Meta-information
================
extype: schoice
exsolution: `r mchoice2string(sc$solutions)`
exname: square area
"""


def test_r_code_is_left_out_and_inline_expressions_are_shown_as_written(tmp_path: Path) -> None:
    [(question, answer)] = pairs(listed_file(tmp_path, "square.Rmd", _GENERATED.encode()))
    assert question == "A square has sides of `r side` cm. What is its area?"
    # R computes the options and the right one: the back is the explanation, no option named.
    assert answer == "The area is the side squared: `r side`^2 = `r area` square centimetres."
    assert "sample(" not in question + answer and "answerlist(" not in question + answer


def test_a_chunk_that_shows_its_code_stays_in_the_question(tmp_path: Path) -> None:
    text = ("Question\n========\nWhat does this print?\n\n```{r, echo = TRUE, eval = FALSE}\nprint(length(1:4))\n```\n\n"
            "Solution\n========\nIt prints 4.\n\nMeta-information\n================\nextype: num\nexsolution: 4\n")
    [(question, answer)] = pairs(listed_file(tmp_path, "length.Rmd", text.encode()))
    assert question == "What does this print?\n\n```r\nprint(length(1:4))\n```"
    assert answer == "4\n\nIt prints 4."


def test_a_cloze_exercise_answers_each_part(tmp_path: Path) -> None:
    text = ("Question\n========\nA die is thrown once.\n\nAnswerlist\n----------\n* How many faces does it have?\n"
            "* An even number\n* An odd number\n\nSolution\n========\nA die has six faces, three of them even.\n\n"
            "Meta-information\n================\nextype: cloze\nexclozetype: num|schoice\nexsolution: 6|01\n")
    [(question, answer)] = pairs(listed_file(tmp_path, "die.Rmd", text.encode()))
    assert question == ("A die is thrown once.\n\n1. How many faces does it have?\n2.\n"
                        "   - A: An even number\n   - B: An odd number")
    assert answer == "1. 6\n2. **B**: An odd number\n\nA die has six faces, three of them even."


def test_a_cloze_question_that_places_its_parts_shows_where_each_goes(tmp_path: Path) -> None:
    text = ("Question\n========\nWater boils at ##ANSWER1## degrees Celsius at sea level, and ice is ##ANSWER2## "
            "than liquid water.\n\nAnswerlist\n----------\n* denser\n* less dense\n\n"
            "Meta-information\n================\nextype: cloze\nexclozetype: num|schoice\nexsolution: 100|01\n")
    [(question, answer)] = pairs(listed_file(tmp_path, "water.Rmd", text.encode()))
    assert question == ("Water boils at [1] degrees Celsius at sea level, and ice is [2] than liquid water.\n\n"
                        "2.\n   - A: denser\n   - B: less dense")
    assert answer == "1. 100\n2. **B**: less dense"


def test_a_cloze_key_r_writes_names_no_part(tmp_path: Path) -> None:
    text = ("Question\n========\nRead the plot: its median is ##ANSWER1## and its spread ##ANSWER2##.\n\n"
            "Solution\n========\nThe median is the line inside the box.\n\nMeta-information\n================\n"
            "extype: cloze\nexclozetype: num|string\nexsolution: `r paste(c(med, spread), collapse = \"|\")`\n")
    assert pairs(listed_file(tmp_path, "plot.Rmd", text.encode())) == [
        ("Read the plot: its median is [1] and its spread [2].", "The median is the line inside the box.")]


def test_an_exercise_r_writes_or_leaves_unanswered_gives_no_card(tmp_path: Path) -> None:
    written = ("```{r, echo = FALSE}\nq <- 'What is 2 + 3?'\n```\nQuestion\n========\n`r q`\n\n"
               "Meta-information\n================\nextype: num\nexsolution: `r 5`\n")
    unanswered = ("Question\n========\nDraw a boxplot of the data.\n\nSolution\n========\n"
                  "```{r, echo = FALSE}\nboxplot(x)\n```\n\nMeta-information\n================\nextype: string\n"
                  "exsolution: `r paste(x)`\n")
    assert markups.to_markdown(".Rmd", written) == ""
    assert markups.to_markdown(".Rmd", unanswered) == ""


def test_a_solution_that_only_leads_in_to_what_r_prints_answers_nothing() -> None:
    exercise = ("Question\n========\nWhich fraction of the `r total` pupils walk to school?\n\n"
                "Solution\n========\n\\\nThe right fraction is\n```{r, echo = FALSE, results = 'asis'}\n"
                "cat(walkers, '/', total)\n```\n<br/>\n\nMeta-information\n================\nextype: schoice\n"
                "exsolution: `r key`\n")
    assert markups.to_markdown(".Rmd", exercise) == ""
    # A sentence that ends before the chunk still answers.
    finished = exercise.replace("The right fraction is", "Count the walkers and divide by all pupils.")
    assert "Count the walkers and divide by all pupils." in markups.to_markdown(".Rmd", finished)


def test_r_markdown_that_is_no_exercise_is_read_as_markdown() -> None:
    report = "---\ntitle: Report\n---\n\n## What is extype?\n\nA field of an exercise's meta-information.\n"
    assert markups.to_markdown(".Rmd", report) == markups.to_markdown(".md", report)
    tutorial = "# Writing an exercise\n\nStart from this:\n\n~~~\n" + _SINGLE + "~~~\n\n# Question\n\nAsk one thing.\n"
    assert markups.to_markdown(".Rmd", tutorial) == markups.to_markdown(".md", tutorial)


_SWEAVE = r"""<<echo=FALSE, results=hide>>=
rate <- sample(2:5, 1)
@
\begin{question}
Money grows by $\Sexpr{rate}\%$ a year. Which formula gives its value after $n$ years?
\begin{answerlist}
  \item $P(1 + r)^n$
  \item $P(1 + rn)$
  \item $P r^n$
\end{answerlist}
\end{question}

\begin{solution}
Interest is paid on interest: the growth \textbf{compounds}.
\begin{answerlist}
  \item True.
  \item False. That is simple interest.
  \item False. This drops the principal.
\end{answerlist}
\end{solution}

%% META-INFORMATION
%% \extype{schoice}
%% \exsolution{100}
%% \exname{Compound interest}
"""


def test_a_sweave_exercise_is_read_as_the_markdown_one_is(tmp_path: Path) -> None:
    [(question, answer)] = pairs(listed_file(tmp_path, "interest.Rnw", _SWEAVE.encode()))
    assert question == ("Money grows by $`r rate`\\%$ a year. Which formula gives its value after $n$ years?\n\n"
                        "- A: $P(1 + r)^n$\n- B: $P(1 + rn)$\n- C: $P r^n$")
    assert answer == ("**A**: $P(1 + r)^n$\n\nInterest is paid on interest: the growth **compounds**.\n\n"
                      "- A: True.\n- B: False. That is simple interest.\n- C: False. This drops the principal.")


def test_sweave_meta_information_without_its_comment_marks_is_read(tmp_path: Path) -> None:
    text = "\\begin{question}\nHow many sides has a hexagon?\n\\end{question}\n\n\\extype{num}\n\\exsolution{6}\n"
    assert pairs(listed_file(tmp_path, "hexagon.Rnw", text.encode())) == [("How many sides has a hexagon?", "6")]


def test_a_folder_reads_its_sweave_exercises_and_skips_sweave_reports(tmp_path: Path) -> None:
    (tmp_path / "interest.Rnw").write_text(_SWEAVE, encoding="utf-8")
    report = "\\documentclass{article}\n\\begin{document}\n<<>>=\nsummary(cars)\n@\nThe cars stop.\n\\end{document}\n"
    (tmp_path / "report.Rnw").write_text(report, encoding="utf-8")
    (tmp_path / "planet.Rmd").write_text(_SINGLE, encoding="utf-8")
    collected = sources.collect([tmp_path])
    assert [path.name for path in collected.files] == ["interest.Rnw", "planet.Rmd"]
    assert any("report.Rnw" in line for line in collected.skipped)
    assert len(listed(tmp_path)) == 2


def test_a_sweave_report_named_is_read_as_latex_without_its_code(tmp_path: Path) -> None:
    report = ("\\documentclass{article}\n\\begin{document}\n\\section{Stopping distance}\n<<>>=\nsummary(cars)\n@\n"
              "The mean is \\Sexpr{mean(cars$dist)} feet.\n\\end{document}\n")
    path = tmp_path / "report.Rnw"
    path.write_text(report, encoding="utf-8")
    text = sources.read(path).text
    assert "## Stopping distance" in text and "summary(cars)" not in text
    assert "The mean is `r mean(cars$dist)` feet." in text

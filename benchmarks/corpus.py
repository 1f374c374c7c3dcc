"""A synthetic Q&A corpus for the benchmarks: N cards in several layouts, deterministic.

Contract: :func:`write_corpus` writes ``cards`` cards to a folder, about
:data:`CARDS_PER_FILE` per file, the files rotating through the layouts qadeck
reads most (``Q:``/``A:`` text, ``## Question`` Markdown headings, numbered
questions, a CSV deck), plus a ``qadeck.yaml`` holding the bundled deck's
taxonomy. About :data:`MARKDOWN_SHARE` of the answers carry Markdown (lists,
bold, inline code, now and then a fenced code block); the rest are plain
sentences, as most pasted answers are. The same arguments always give the same
bytes, so runs and machines compare.
"""

from __future__ import annotations

import csv
import io
import random
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

CARDS_PER_FILE = 250
MARKDOWN_SHARE = 0.3
#: A section heading every this many cards, as long interview posts have.
SECTION_EVERY = 25
TAXONOMY = Path(__file__).resolve().parent.parent / "cards" / "qadeck.yaml"

TERMS = (
    "MLOps", "Docker", "a Dockerfile", "a multi-stage build", "a Python wheel", "model serialization",
    "ONNX", "a virtual environment", "conda", "pip freeze", "a canary release", "a blue-green deployment",
    "a rollback", "shadow deployment", "an A/B test", "model serving", "a REST API", "FastAPI",
    "batch inference", "real-time inference", "autoscaling", "load balancing", "horizontal scaling",
    "monitoring", "observability", "Prometheus", "Grafana", "alerting", "prediction logging",
    "data drift", "concept drift", "retraining", "CI/CD", "continuous training", "GitHub Actions",
    "Airflow", "Kubeflow", "a DAG", "a scheduler", "a workflow engine", "a data pipeline", "ETL",
    "a data lake", "Spark", "Kafka", "data validation", "schema checks", "a feature store", "Feast",
    "training-serving skew", "DVC", "Git", "a model registry", "MLflow", "experiment tracking",
    "hyperparameter tuning", "secrets management", "encryption at rest", "role-based access control",
    "differential privacy", "model governance", "an audit trail", "explainability", "SHAP", "fairness",
    "a unit test", "an integration test", "a smoke test", "a load test", "SageMaker", "Vertex AI",
    "Kubernetes", "Terraform", "GPU scheduling", "edge deployment", "a microservice", "caching",
)
CONTEXTS = (
    "a small team", "a regulated bank", "a startup", "a large organization", "a recommendation system",
    "a fraud model", "a computer vision service", "a chatbot", "a nightly batch job", "a mobile app",
    "a streaming pipeline", "a research group", "an e-commerce site", "a hospital", "a search engine",
    "an ad platform", "a forecasting service", "a speech model", "an IoT fleet", "a trading desk",
)
QUESTIONS: tuple[Callable[[str, str], str], ...] = (
    lambda t, c: f"What is {t}, and why does it matter for {c}?",
    lambda t, c: f"How would you introduce {t} in {c}?",
    lambda t, c: f"Why is {t} hard to get right in {c}?",
    lambda t, c: f"What are the benefits of {t} for {c}?",
    lambda t, c: f"How do you monitor {t} in {c}?",
    lambda t, c: f"What are common mistakes with {t} in {c}?",
    lambda t, c: f"How does {t} change the release process of {c}?",
    lambda t, c: f"What trade-offs come with {t} in {c}?",
    lambda t, c: f"Which tools support {t} in {c}?",
    lambda t, c: f"How would you test {t} before using it in {c}?",
)
SENTENCES = (
    "It makes {t} repeatable, so every run of the pipeline starts from the same state.",
    "Teams adopt {t} to cut the time between a trained model and a model in production.",
    "Without {t} the same bug tends to reach users twice, because nothing records what changed.",
    "The main cost is operational, since someone has to own {t} and keep it working.",
    "In {c} the data changes often, so {t} has to be checked on every release.",
    "A good first step is to measure latency and error rates before and after adding {t}.",
    "Most failures come from configuration drift between environments rather than from the model.",
    "Automate the boring parts first and keep a human in the loop for the risky ones.",
    "Version the code, the data and the model together so a result can be traced back.",
    "Start small, with one service and one metric, and widen the scope once it pays off.",
    "Document the decision, because the next engineer will ask why {t} was chosen.",
    "Alerts should point to a runbook, otherwise they are noise at three in the morning.",
)
BULLETS = (
    "**Reproducibility**: pin versions of `{w}` and its dependencies",
    "**Speed**: ship a change in minutes instead of days",
    "**Safety**: roll back with one command when metrics drop",
    "Track inputs, outputs and latency for every request",
    "Keep `{w}` configuration in version control",
    "Review the dashboards after each release",
    "Test with production-like data before going live",
)
WORDS = ("docker build", "requirements.txt", "mlflow run", "kubectl apply", "dvc push", "pytest", "helm")
CODE = (
    "```python\nimport mlflow\n\nwith mlflow.start_run():\n    mlflow.log_param(\"lr\", 0.01)\n"
    "    mlflow.log_metric(\"auc\", 0.93)\n```",
    "```dockerfile\nFROM python:3.11-slim\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n"
    "COPY . /app\nCMD [\"python\", \"/app/serve.py\"]\n```",
    "```yaml\nsteps:\n  - run: pytest -q\n  - run: docker build -t model:latest .\n"
    "  - run: kubectl apply -f deploy.yaml\n```",
)
SECTIONS = (
    "Packaging and Deployment", "Model Serving", "Monitoring in Production", "Data Engineering",
    "Orchestration", "Security and Governance", "Experiment Tracking", "Testing Models",
    "Infrastructure", "Scaling Systems",
)


@dataclass(frozen=True, slots=True)
class QA:
    section: str
    question: str
    answer: str


class _Cards:
    """Unique questions and answers, a fixed share of them with Markdown."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.seen: set[str] = set()

    def question(self) -> str:
        rng = self.rng
        while True:
            text = rng.choice(QUESTIONS)(rng.choice(TERMS), rng.choice(CONTEXTS))
            if rng.random() < 0.1:
                text = text.replace("?", f" with `{rng.choice(WORDS)}`?")
            if text in self.seen:
                text = text.replace("?", f" (case {len(self.seen)})?")
            self.seen.add(text)
            return text

    def answer(self, term: str, context: str) -> str:
        rng = self.rng
        sentences = [s.format(t=term, c=context) for s in rng.sample(SENTENCES, rng.randint(2, 4))]
        if rng.random() >= MARKDOWN_SHARE:
            if len(sentences) > 2 and rng.random() < 0.3:
                return " ".join(sentences[:2]) + "\n\n" + " ".join(sentences[2:])
            return " ".join(sentences)
        word = rng.choice(WORDS)
        bullets = [b.format(w=word) for b in rng.sample(BULLETS, rng.randint(2, 4))]
        parts = [sentences[0].replace(term, f"**{term}**", 1) + f" Use `{word}` for it:"]
        parts.append("\n".join(f"- {b}" for b in bullets))
        parts.append(" ".join(sentences[1:]))
        if rng.random() < 0.15:
            parts.append(rng.choice(CODE))
        return "\n\n".join(parts)

    def make(self, count: int, first: int) -> list[QA]:
        out = []
        for n in range(count):
            question = self.question()
            section = SECTIONS[((first + n) // SECTION_EVERY) % len(SECTIONS)]
            out.append(QA(section, question, self.answer(self.rng.choice(TERMS), self.rng.choice(CONTEXTS))))
        return out


def _sections(cards: list[QA]) -> list[tuple[str, list[QA]]]:
    groups: list[tuple[str, list[QA]]] = []
    for card in cards:
        if not groups or groups[-1][0] != card.section:
            groups.append((card.section, []))
        groups[-1][1].append(card)
    return groups


def prefixed(title: str, cards: list[QA]) -> str:
    out = [title, ""]
    for section, group in _sections(cards):
        out += [section, ""]
        out += [f"Q: {c.question}\nA: {c.answer}\n" for c in group]
    return "\n".join(out)


def headings(title: str, cards: list[QA]) -> str:
    out = [f"# {title}", ""]
    for section, group in _sections(cards):
        out += [f"## {section}", ""]
        out += [f"### {c.question}\n\n{c.answer}\n" for c in group]
    return "\n".join(out)


def numbered(title: str, cards: list[QA]) -> str:
    out = [title, ""]
    number = 0
    for section, group in _sections(cards):
        out += [section, ""]
        for c in group:
            number += 1
            out.append(f"{number}. {c.question}\n\n{c.answer}\n")
    return "\n".join(out)


def csv_deck(title: str, cards: list[QA]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(("Question", "Answer"))
    writer.writerows((c.question, c.answer) for c in cards)
    return buffer.getvalue()


#: (file extension, writer), in the order files rotate through them.
LAYOUTS: tuple[tuple[str, Callable[[str, list[QA]], str]], ...] = (
    (".txt", prefixed),
    (".md", headings),
    (".txt", numbered),
    (".csv", csv_deck),
)


def write_corpus(folder: Path, cards: int, seed: int = 1) -> list[Path]:
    """Write ``cards`` cards and ``qadeck.yaml`` to ``folder`` (emptied first); return the sources."""
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    shutil.copyfile(TAXONOMY, folder / "qadeck.yaml")
    maker = _Cards(seed)
    files = []
    for index, first in enumerate(range(0, cards, CARDS_PER_FILE)):
        extension, layout = LAYOUTS[index % len(LAYOUTS)]
        title = f"Interview Questions Part {index + 1}"
        path = folder / f"part-{index + 1:04d}-{layout.__name__}{extension}"
        path.write_text(layout(title, maker.make(min(CARDS_PER_FILE, cards - first), first)), encoding="utf-8")
        files.append(path)
    return files

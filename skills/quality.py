"""Measuring extraction against hand-labelled postings (bench/data/skills_labels/).

Each label file holds one real posting from the recorded job-board payloads
(its source file, posting id, title and text as the board served it) and the
skills a person read in it, each marked required or preferred. Precision and
recall are micro-averaged over (posting, skill) pairs; the required/preferred
accuracy is measured over the skills both sides found.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from skills.extract import ExtractedSkill, extract_skills

LABELS_DIR = Path(__file__).resolve().parent.parent / "bench" / "data" / "skills_labels"


@dataclass(frozen=True)
class LabelledPosting:
    path: Path
    source: str
    file: str
    posting_id: str
    title: str
    html: str | None
    text: str | None
    expected: dict[str, bool]  # canonical skill name -> is_required


@dataclass
class PostingResult:
    posting: LabelledPosting
    found: dict[str, bool]
    missed: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)
    wrong_requiredness: list[str] = field(default_factory=list)


@dataclass
class QualityReport:
    results: list[PostingResult]
    true_positives: int
    false_positives: int
    false_negatives: int
    requiredness_correct: int

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 0.0

    @property
    def recall(self) -> float:
        expected = self.true_positives + self.false_negatives
        return self.true_positives / expected if expected else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def requiredness_accuracy(self) -> float:
        return self.requiredness_correct / self.true_positives if self.true_positives else 0.0


def load_labelled_postings(directory: Path = LABELS_DIR) -> list[LabelledPosting]:
    postings = []
    for path in sorted(directory.glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        postings.append(
            LabelledPosting(
                path=path,
                source=doc["source"],
                file=doc["file"],
                posting_id=str(doc["posting_id"]),
                title=doc["title"],
                html=doc.get("html"),
                text=doc.get("text"),
                expected={s["name"]: bool(s["required"]) for s in doc["skills"]},
            )
        )
    return postings


def extract_for(posting: LabelledPosting) -> list[ExtractedSkill]:
    return extract_skills(posting.text or "", posting.html, title=posting.title)


def evaluate(
    postings: Iterable[LabelledPosting],
    extractor: Callable[[LabelledPosting], list[ExtractedSkill]] = extract_for,
) -> QualityReport:
    results = []
    tp = fp = fn = agree = 0
    for posting in postings:
        found = {s.name: s.is_required for s in extractor(posting)}
        result = PostingResult(posting=posting, found=found)
        for name, required in posting.expected.items():
            if name not in found:
                result.missed.append(name)
            elif found[name] == required:
                agree += 1
            else:
                result.wrong_requiredness.append(name)
        result.extra = [name for name in found if name not in posting.expected]
        hits = len(posting.expected) - len(result.missed)
        tp += hits
        fn += len(result.missed)
        fp += len(result.extra)
        results.append(result)
    return QualityReport(results, tp, fp, fn, agree)

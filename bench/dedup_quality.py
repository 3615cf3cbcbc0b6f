"""Near-duplicate quality on the labelled set: precision and recall (goal >= 0.97 each).

    DATABASE_URL=postgres://app:app@127.0.0.1:55500/app_pool_bench .venv/bin/python bench/dedup_quality.py [--details]

Every real posting in shared/fixtures/job_sources goes into an empty pool
through jobpool.dedup.ingest_many; then each labelled case
(bench/data/dedup_labels/labels.jsonl, built by dedup_build_labels.py) is
applied and ingested through jobpool.dedup.ingest, and the outcome compared
with its label:

- predicted "same":   the case ended on the base posting (a sighting of it);
- predicted "repost": the case created a posting whose previous posting is the base;
- otherwise "distinct".

A near-duplicate is a "same" or "repost" label; precision and recall are over
those, and the cross-post / repost call is scored separately.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from dedup_common import ROOT, setup_bench_database  # noqa: E402

LABELS = ROOT / "bench" / "data" / "dedup_labels" / "labels.jsonl"
AGENCY_HEADERS = [
    "Our client, a fast-growing organisation, is looking for an experienced professional. Apply through us today.",
    "Exciting opportunity! We are recruiting on behalf of a well-known employer for the role below.",
    "Talent Partners Ltd is proud to present this vacancy to our network of candidates.",
    "Job reference: AG-2291. Posted by a specialist recruitment agency.",
    "Are you ready for your next challenge? Our client is hiring now.",
    "We are exclusively retained on this search. Read the details and send us your CV.",
]
AGENCY_FOOTERS = [
    "We are an equal opportunities recruitment agency. By applying you agree to our privacy notice.",
    "Not quite right? Visit our website for hundreds of similar roles and register for job alerts.",
    "Talent Partners Ltd acts as an employment agency for this vacancy. Only shortlisted candidates will be contacted.",
    "Please quote reference AG-2291 in all correspondence.",
    "Apply today and one of our consultants will be in touch within 48 hours.",
    "Follow us on social media for the latest opportunities in your sector.",
]


def _text(posting) -> str:
    from jobpool.html import clean_html, html_to_text

    return html_to_text(clean_html(posting.description_html), cleaned=True) if posting.description_html else posting.description_text


def _later(posting, days: int) -> datetime.datetime:
    base = posting.posted_at or datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)
    return base + datetime.timedelta(days=days)


def build_variant(case: dict, base, donor=None):
    """The incoming posting a case describes, built from its base posting."""
    n = case["id"]
    kind = case["kind"]
    if kind == "cross_post":
        paragraphs = [" ".join(p.split()) for p in _text(base).split("\n\n")]
        title = {"same": base.title, "upper": base.title.upper(), "suffix": f"{base.title} (Remote)"}[case["title_style"]]
        return dataclasses.replace(
            base, source=case["source"], external_id=f"xp-{n}", title=title, description_html="",
            description_text="\n\n".join(paragraphs), source_url=f"https://{case['source']}.example/jobs/{n}",
            apply_url=base.source_url, posted_at=_later(base, 2),
        )
    if kind == "agency_copy":
        body = base.description_html.replace("</p>", "</p>\n\n \t").replace(". ", ".   ") if base.description_html else (
            "<p>" + _text(base).replace("\n\n", "</p>\n \n<p>") + "</p>"
        )
        html = f"<p>{AGENCY_HEADERS[case['header']]}</p>{body}<p>{AGENCY_FOOTERS[case['footer']]}</p>"
        return dataclasses.replace(
            base, source=case["source"], external_id=f"ag-{n}", company_name=f"{base.company_name} Inc.",
            description_html=html, description_text="", source_url=f"https://agency.example/vacancies/{n}",
            apply_url="", posted_at=_later(base, 1),
        )
    if kind == "url_variant":
        words = _text(base).split(" ")
        cut = " ".join(words[: max(20, int(len(words) * case["keep"]))]) + " …"
        joiner = "&" if "?" in base.source_url else "?"
        return dataclasses.replace(
            base, source=case["source"], external_id=f"uv-{n}", description_html="", description_text=cut,
            source_url=f"{base.source_url}{joiner}utm_source=rss&utm_medium=feed&ref=jobboard", posted_at=_later(base, 3),
        )
    if kind == "repost":
        paragraphs = [p for p in _text(base).split("\n\n") if p.strip()]
        if case["edit"] == "drop_paragraph" and len(paragraphs) >= 4:
            paragraphs.pop(len(paragraphs) // 2)
        else:
            paragraphs.append("Update: we are still hiring for this role. Apply today.")
        joiner = "&" if "?" in base.source_url else "?"
        return dataclasses.replace(
            base, external_id=f"{base.external_id}-re{n}", description_html="", description_text="\n\n".join(paragraphs),
            source_url=f"{base.source_url}{joiner}requisition={n}" if base.source_url else "", posted_at=_later(base, case["days_later"]),
        )
    if kind == "other_city":
        return dataclasses.replace(base, external_id=f"oc-{n}", location=case["city"], posted_at=_later(base, 1))
    if kind == "distinct_same_title":
        return dataclasses.replace(
            base, source="himalayas", external_id=f"dt-{n}", description_html=donor.description_html,
            description_text=donor.description_text, source_url=f"https://himalayas.example/jobs/{n}",
            posted_at=_later(base, 1),
        )
    raise ValueError(kind)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--details", action="store_true", help="print every wrong case")
    args = parser.parse_args()
    setup_bench_database()

    from jobpool.dedup import ingest, ingest_many
    from jobpool.models import JobPosting
    from jobpool.tests.real_postings import real_postings

    cases = [json.loads(line) for line in LABELS.read_text(encoding="utf-8").splitlines() if line.strip()]
    bases = {(name, index): posting for name, index, posting in real_postings()}
    keys = list(bases)
    results = ingest_many([bases[k] for k in keys])
    base_posting = {k: r.posting.pk for k, r in zip(keys, results, strict=True) if r.posting is not None}
    previous = dict(JobPosting.objects.values_list("pk", "previous_posting_id"))

    outcomes: list[tuple[dict, str]] = []
    for case in cases:
        base_key = tuple(case["base"])
        if case["kind"] == "natural":
            a, b = base_posting[base_key], base_posting[tuple(case["other"])]
            if a == b:
                predicted = "same"
            elif previous.get(b) == a or previous.get(a) == b:
                predicted = "repost"
            else:
                predicted = "distinct"
        else:
            donor = bases[tuple(case["donor"])] if "donor" in case else None
            result = ingest(build_variant(case, bases[base_key], donor))
            target = base_posting[base_key]
            if result.posting.pk == target:
                predicted = "same"
            elif result.posting.previous_posting_id == target:
                predicted = "repost"
            else:
                predicted = "distinct"
        outcomes.append((case, predicted))

    tp = sum(1 for c, p in outcomes if c["label"] != "distinct" and p != "distinct")
    fn = sum(1 for c, p in outcomes if c["label"] != "distinct" and p == "distinct")
    fp = sum(1 for c, p in outcomes if c["label"] == "distinct" and p != "distinct")
    tn = sum(1 for c, p in outcomes if c["label"] == "distinct" and p == "distinct")
    kind_right = sum(1 for c, p in outcomes if c["label"] != "distinct" and p == c["label"])
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0

    per_kind: dict[str, Counter] = defaultdict(Counter)
    for case, predicted in outcomes:
        per_kind[case["kind"]]["right" if predicted == case["label"] else "wrong"] += 1
    print(f"near-duplicate quality on {len(cases)} labelled cases ({len(bases)} real postings in the pool)")
    for kind, counts in per_kind.items():
        print(f"  {kind:<20} right {counts['right']:>3}  wrong {counts['wrong']:>3}")
    print(f"  TP {tp}  FP {fp}  FN {fn}  TN {tn}")
    print(f"precision {precision:.3f}  recall {recall:.3f}  cross-post/repost call {kind_right}/{tp}")
    if args.details:
        for case, predicted in outcomes:
            if predicted != case["label"]:
                print("  wrong:", case, "->", predicted)


if __name__ == "__main__":
    main()

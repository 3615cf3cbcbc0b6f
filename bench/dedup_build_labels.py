"""Build the labelled near-duplicate set in bench/data/dedup_labels/labels.jsonl (deterministic).

    .venv/bin/python bench/dedup_build_labels.py

Every case points at real postings in shared/fixtures/job_sources by (file,
index) and names a transform that bench/dedup_quality.py applies; the job text
itself is not copied into the repository. Cases:

- cross_post            the same job on another board: plain-text re-rendering, new id and URL, ATS apply URL
- agency_copy           re-wrapped by an agency: header and footer boilerplate, mangled whitespace, "Inc." suffix
- url_variant           the same URL with tracking parameters, a shortened text (an aggregator's cut)
- repost                the same board weeks later under a new id, lightly edited text
- other_city            the same text for another city: a different job (distinct)
- distinct_same_title   another job under the same title at the same company (distinct)
- natural               pairs already in the payloads that share company and title, labelled by hand below

Labels: "same" (one posting, a sighting), "repost" (a new posting linked to the
old), "distinct" (two postings).
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from jobpool import normalize  # noqa: E402
from jobpool.html import clean_html, html_to_text  # noqa: E402
from jobpool.tests.real_postings import real_postings  # noqa: E402

OUT = ROOT / "bench" / "data" / "dedup_labels" / "labels.jsonl"
PER_KIND = {"cross_post": 70, "agency_copy": 70, "url_variant": 50, "repost": 60, "other_city": 50, "distinct_same_title": 60}
CITIES = ["Lisbon", "Toronto", "Melbourne", "Warsaw", "Austin", "Nairobi", "Osaka", "Bogota"]

# Natural pairs: (company canonical, title canonical) -> label, decided by reading both texts.
NATURAL_LABELS = {
    ("arbitrum foundation", "developer relations engineer"): "distinct",  # one text, two regions (Remote / Europe)
    ("phonepe", "site reliability engineer 4 to 8 years"): "same",  # identical text, same city: one job listed twice
    ("leverdemo", "account executive"): "distinct",  # different offices and different texts
    ("meesho", "cluster head security investigation"): "distinct",  # same text, Jaipur vs Surat
    ("cursor", "software engineer product"): "distinct",  # two different product teams
    ("cursor", "technical account manager"): "same",  # identical listing
    ("halian technology", "senior software engineer"): "same",  # agency ad listed twice in London
    ("searchability", "frontend developer"): "same",  # same contract, one copy cut shorter
    ("rise technical recruitment", "full stack developer"): "same",  # agency ad listed three times
    ("plexus resource solutions", "senior frontend engineer"): "same",
    ("plexus resource solutions", "senior javascript engineer"): "same",
    ("plexus resource solutions", "senior backend engineer"): "same",
    ("weplay", "frontend developer"): "same",
    ("glossgenius", "software engineer infrastructure all levels"): "same",  # one copy adds the pay paragraph
    ("celonis", "staff cloud infrastructure software engineer"): "same",
    ("celonis", "manager cloud security"): "same",
    ("northrop grumman", "mission planner on call casual employee"): "same",
    # USAJobs public notices: near-identical text, but different grade bands (FV-G vs FV-H, FG-11..15 vs 5..9).
    ("federal aviation administration", "public notice for scientific technical engineering and mathematics stem positions"): "distinct",
    ("federal aviation administration", "public notice for authorized cybersecurity positions"): "distinct",
    ("meta", "software engineer android"): "distinct",  # different teams and locations
    ("meskru", "software developer java groovy scriptrunner forge"): "distinct",  # Munich vs Essen
    ("lionflence", "junior artist manager influencer manager"): "distinct",  # Mülheim vs Berlin
    ("smava", "quereinsteiger im vertrieb"): "distinct",  # Hamburg vs Berlin
    ("amazee io", "devops engineer"): "distinct",  # Oceania vs Americas
}


def main() -> None:
    rng = random.Random(20260611)
    postings = list(real_postings())
    cases: list[dict] = []

    groups: dict[tuple[str, str], list[tuple[str, int, object]]] = {}
    for name, index, posting in postings:
        key = (normalize.canonical_company(posting.company_name), normalize.canonical_title(posting.title))
        groups.setdefault(key, []).append((name, index, posting))
    used: set[tuple[str, int]] = set()
    for key, members in groups.items():
        if len(members) < 2:
            continue
        for i in range(len(members)):
            for j in range(i + 1, len(members)):
                (fa, ia, pa), (fb, ib, pb) = members[i], members[j]
                if pa.source == pb.source and pa.external_id == pb.external_id:
                    continue  # the same board id twice: a refresh, not a near-duplicate question
                label = NATURAL_LABELS.get(key)
                if label is None:
                    raise SystemExit(f"unlabelled natural pair {key}: add it to NATURAL_LABELS")
                cases.append({"kind": "natural", "base": [fa, ia], "other": [fb, ib], "label": label})
                used |= {(fa, ia), (fb, ib)}

    eligible = [
        (name, index, posting)
        for name, index, posting in postings
        if (name, index) not in used and len(html_to_text(clean_html(posting.description_html)) or posting.description_text) >= 600
    ]
    rng.shuffle(eligible)
    donors = list(eligible)
    cursor = 0
    for kind, count in PER_KIND.items():
        for _ in range(count):
            name, index, posting = eligible[cursor]
            cursor += 1
            while (kind == "other_city" and not normalize.canonical_location(posting.location)) or (
                kind == "url_variant" and not posting.source_url
            ):
                name, index, posting = eligible[cursor]
                cursor += 1
            case = {"kind": kind, "base": [name, index]}
            if kind == "cross_post":
                case.update(label="same", source=rng.choice(["himalayas", "remotive", "themuse"]), title_style=rng.choice(["same", "upper", "suffix"]))
            elif kind == "agency_copy":
                case.update(label="same", source=rng.choice(["adzuna", "rss"]), header=rng.randrange(6), footer=rng.randrange(6))
            elif kind == "url_variant":
                case.update(label="same", source="rss", keep=round(rng.uniform(0.6, 0.9), 2))
            elif kind == "repost":
                case.update(label="repost", days_later=rng.randrange(28, 75), edit=rng.choice(["drop_paragraph", "add_sentence"]))
            elif kind == "other_city":
                case.update(label="distinct", city=rng.choice(CITIES))
            elif kind == "distinct_same_title":
                donor = next(d for d in donors[rng.randrange(len(donors)) :] + donors if d[2].company_name != posting.company_name)
                case.update(label="distinct", donor=[donor[0], donor[1]])
            cases.append(case)

    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8") as handle:
        for number, case in enumerate(cases, 1):
            handle.write(json.dumps({"id": number, **case}, ensure_ascii=False) + "\n")
    kinds: dict[str, int] = {}
    for case in cases:
        kinds[case["kind"]] = kinds.get(case["kind"], 0) + 1
    print(f"wrote {len(cases)} cases to {OUT.relative_to(ROOT)}: {kinds}")


if __name__ == "__main__":
    main()

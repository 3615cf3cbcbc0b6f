"""A large synthetic pool built from the real payloads, written straight into the bench database.

Postings are assembled from real paragraphs, titles and locations (shared/fixtures):
each of ~6,000 companies (Zipf-sized, so a few have thousands of postings) has
its own boilerplate paragraph, and each posting adds 3-6 paragraphs drawn at
random. A posting's MinHash signature is the element-wise minimum of its
paragraphs' signatures (MinHash of a union), so a 100k pool is keyed in
seconds; its content hash and stored text are exact. Rows go in with COPY.
"""

from __future__ import annotations

import datetime
import random
import uuid
from dataclasses import dataclass

import numpy as np

from jobpool import minhash, normalize
from jobpool.html import clean_html, html_to_text

SOURCES = ("greenhouse", "lever", "ashby", "remoteok", "remotive", "themuse", "adzuna", "himalayas", "arbeitnow")


@dataclass
class Corpus:
    paragraphs: list[str]
    paragraph_words: list[list[str]]
    paragraph_sigs: np.ndarray
    titles: list[str]
    locations: list[str]
    real: list  # PostingInputs


def load_corpus() -> Corpus:
    from jobpool.tests.real_postings import real_postings

    real = [posting for _, _, posting in real_postings()]
    paragraphs: list[str] = []
    for posting in real:
        text = html_to_text(clean_html(posting.description_html), cleaned=True) if posting.description_html else posting.description_text
        paragraphs += [" ".join(p.split()) for p in text.split("\n\n") if len(p) > 120]
    paragraphs = list(dict.fromkeys(paragraphs))
    words = [normalize.words(p) for p in paragraphs]
    sigs = np.stack([minhash.signature(minhash.shingle_hashes(w)) for w in words])
    titles = sorted({p.title for p in real if p.title})
    locations = sorted({p.location for p in real if p.location}) + [""]
    return Corpus(paragraphs, words, sigs, titles, locations, real)


def company_names(count: int, rng: random.Random) -> list[str]:
    first = ["North", "Blue", "Bright", "Quant", "Delta", "Nova", "Iron", "Silver", "Green", "Cloud", "Data", "Pixel"]
    second = ["Labs", "Systems", "Works", "Analytics", "Health", "Robotics", "Foods", "Logistics", "Energy", "Bank"]
    return [f"{rng.choice(first)}{rng.choice(second)} {n}" for n in range(count)]


@dataclass
class Synthetic:
    id: uuid.UUID
    source: str
    external_id: str
    title: str
    company: str
    location: str
    paragraphs: list[int]  # indices into corpus.paragraphs; -1 = the company's boilerplate
    text: str
    content_hash: str
    band_keys: list[int]


def make_postings(corpus: Corpus, count: int, *, seed: int = 7, companies: int = 6_000) -> tuple[list[Synthetic], list[str]]:
    rng = random.Random(seed)
    names = company_names(companies, rng)
    weights = [1 / (rank + 1) for rank in range(companies)]
    boiler = {name: f"About {name}: we build dependable products for customers in {rng.randrange(20, 90)} countries, "
              f"with offices in {rng.choice(corpus.locations) or 'many cities'} and a culture of ownership." for name in names[:companies]}
    out = []
    chosen_companies = rng.choices(names, weights=weights, k=count)
    for n, company in enumerate(chosen_companies):
        picks = rng.sample(range(len(corpus.paragraphs)), rng.randrange(3, 7))
        out.append(_build(corpus, company, boiler[company], picks, rng, n))
    return out, names


def _build(corpus: Corpus, company: str, boilerplate: str, picks: list[int], rng: random.Random, n: int) -> Synthetic:
    title = rng.choice(corpus.titles)
    location = rng.choice(corpus.locations)
    texts = [boilerplate] + [corpus.paragraphs[i] for i in picks]
    boiler_words = normalize.words(boilerplate)
    words = boiler_words + [w for i in picks for w in corpus.paragraph_words[i]]
    sig = np.minimum.reduce([minhash.signature(minhash.shingle_hashes(boiler_words))] + [corpus.paragraph_sigs[i] for i in picks])
    company_canonical = normalize.canonical_company(company)
    return Synthetic(
        id=uuid.uuid4(),
        source=rng.choice(SOURCES),
        external_id=f"syn-{n}-{rng.randrange(1 << 30)}",
        title=title,
        company=company,
        location=location,
        paragraphs=picks,
        text="\n\n".join(texts),
        content_hash=normalize.content_hash(title=title, company=company, location=location, description_words=words),
        band_keys=minhash.band_keys(sig, minhash.company_key(company_canonical)),
    )


def copy_into_pool(postings: list[Synthetic], source_ids: dict[str, int]) -> None:
    """Write postings, their band keys and first sightings with COPY (PostgreSQL only)."""
    from django.db import connection

    now = datetime.datetime.now(datetime.UTC)
    posted = now - datetime.timedelta(days=3)
    posting_cols = (
        "id, source_id, external_id, title, title_canonical, company_name, company_canonical, company_url, location, "
        "location_canonical, work_model, seniority, salary_currency, salary_period, description, description_text, "
        "requirements, culture_text, posted_at, source_url, apply_url, raw_text, content_hash, repost_count, "
        "ghost_signals, first_seen_at, last_verified_at, is_active, quarantine_status"
    )
    connection.ensure_connection()
    with connection.cursor() as cursor:
        raw = cursor.cursor
        with raw.copy(f"COPY jobpool_jobposting ({posting_cols}) FROM STDIN") as copy:
            for p in postings:
                copy.write_row((
                    p.id, source_ids[p.source], p.external_id, p.title, normalize.canonical_title(p.title), p.company,
                    normalize.canonical_company(p.company), "", p.location, normalize.canonical_location(p.location),
                    "unknown", "", "", "", "<p>" + p.text.replace("\n\n", "</p><p>") + "</p>", p.text, "", "", posted,
                    f"https://{p.source}.example/jobs/{p.external_id}", "", "", p.content_hash, 0, "{}", now, now, True, "clear",
                ))
        with raw.copy("COPY jobpool_lsh_band (key, posting_id) FROM STDIN") as copy:
            for p in postings:
                for key in p.band_keys:
                    copy.write_row((key, p.id))
        with raw.copy(
            "COPY jobpool_jobsighting (posting_id, source_id, external_id, url, url_key, method, decision, reason, "
            "confidence, seen_at, last_seen_at) FROM STDIN"
        ) as copy:
            for p in postings:
                url = f"https://{p.source}.example/jobs/{p.external_id}"
                copy.write_row((p.id, source_ids[p.source], p.external_id, url, normalize.canonical_url(url), "scouter",
                                "created", "bench", 1.0, now, now))
        cursor.execute("ANALYZE jobpool_jobposting; ANALYZE jobpool_lsh_band; ANALYZE jobpool_jobsighting")


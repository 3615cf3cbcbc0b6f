import datetime

import pytest

from jobpool import minhash, normalize, similarity


@pytest.mark.parametrize(
    ("a", "b", "similar"),
    [
        ("Senior Scrum Master", "Scrum Master", True),
        ("Scrum Master II", "Scrum Master 2", True),
        ("Agile Coach / Scrum Master", "Scrum Master / Agile Coach", True),
        ("Scrum Master", "Product Owner", False),
    ],
)
def test_titles_similar_matches_the_reference_cases(a, b, similar):
    assert similarity.titles_similar(normalize.canonical_title(a), normalize.canonical_title(b)) is similar


@pytest.mark.parametrize(
    ("a", "b", "compatible"),
    [
        ("bengaluru", "mumbai", False),
        ("bengaluru india", "mumbai india", False),
        ("san francisco ca", "san jose ca", False),
        ("", "mumbai", True),
        ("san francisco", "san francisco ca", True),
        ("central london london", "london uk", True),
        ("the city central london", "london uk", True),
        ("remote", "europe", False),
    ],
)
def test_locations_compatible(a, b, compatible):
    assert similarity.locations_compatible(a, b) is compatible


def _shingles(text: str) -> set[int]:
    return set(minhash.shingle_hashes(normalize.words(text)).tolist())


def test_verify_rejects_the_same_text_for_another_city():
    text = "Build and run payment services for merchants across the country with a small team " * 3

    verdict = similarity.verify(
        title_a="engineer", title_b="engineer", location_a="bengaluru", location_b="mumbai",
        shingles_a=_shingles(text), shingles_b=_shingles(text),
    )

    assert verdict.same_job is False


def test_is_repost_when_old_posting_closed_or_weeks_older():
    day = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)

    assert similarity.is_repost(candidate_active=False, candidate_posted=day, incoming_posted=day)[0] is True
    assert similarity.is_repost(candidate_active=True, candidate_posted=day, incoming_posted=day + datetime.timedelta(days=35))[0] is True
    assert similarity.is_repost(candidate_active=True, candidate_posted=day, incoming_posted=day + datetime.timedelta(days=3))[0] is False


def test_band_keys_are_stable_and_company_scoped():
    shingles = minhash.shingle_hashes(normalize.words("one two three four five six seven eight nine ten"))
    signature = minhash.signature(shingles)

    keys = minhash.band_keys(signature, minhash.company_key("acme"))

    assert keys == minhash.band_keys(minhash.signature(shingles.copy()), minhash.company_key("acme"))
    assert set(keys).isdisjoint(minhash.band_keys(signature, minhash.company_key("globex")))
    assert len(keys) == minhash.NUM_BANDS and all(0 <= k < 2**63 for k in keys)


def test_minhash_estimates_jaccard():
    base = [f"w{i}" for i in range(400)]
    changed = base[:300] + [f"x{i}" for i in range(100)]
    a, b = minhash.shingle_hashes(base), minhash.shingle_hashes(changed)

    estimate = float((minhash.signature(a) == minhash.signature(b)).mean())

    assert abs(estimate - minhash.jaccard(a, b)) < 0.15

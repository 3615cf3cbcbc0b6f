import pytest

from jobpool.dedup import ingest
from jobpool.intake import SkillInput
from jobpool.selectors import JOB_FACT_FIELDS, job_facts
from jobpool.tests.factories import posting_input

pytestmark = pytest.mark.django_db


@pytest.mark.smoke
def test_job_facts_has_exactly_the_public_keys_and_no_internals():
    posting = ingest(posting_input(skills=[SkillInput("Python", years_requested=3), SkillInput("Teamwork", kind="soft", is_required=False)])).posting

    facts = job_facts(posting)

    assert set(facts) == set(JOB_FACT_FIELDS)
    for internal in ("id", "source", "external_id", "content_hash", "first_seen_at", "last_verified_at", "sightings",
                     "repost_count", "previous_posting", "quarantine_status", "raw_text"):
        assert internal not in facts
    assert facts["skills"] == [
        {"name": "Python", "kind": "hard", "is_required": True, "years_requested": 3},
        {"name": "Teamwork", "kind": "soft", "is_required": False, "years_requested": None},
    ]
    assert str(posting.pk) not in repr(facts)

import dataclasses
import io

import pytest
from django.core.management import call_command

from jobpool import lsh
from jobpool.dedup import ingest
from jobpool.models import JobPosting, JobReport, JobSighting, LinkStatus, PersonaJob
from jobpool.tests.factories import posting_input
from jobpool.tests.test_dedup import agency_copy
from personas.tests.factories import PersonaFactory

pytestmark = pytest.mark.django_db


def _run(*args) -> str:
    out = io.StringIO()
    call_command("dedup_pool", "--no-progress", *args, stdout=out)
    return out.getvalue().strip()


def _slipped_in_duplicate(persona_a, persona_b):
    """Two postings of one job, as a race or an older rule would leave them (the copy's band keys removed first)."""
    data = posting_input()
    keep = ingest(data, persona=persona_a).posting
    lsh.delete_bands([keep.pk])  # hide the original so the copy is created instead of matched
    dup = ingest(agency_copy(data), persona=persona_b).posting
    lsh.insert_bands([(keep.pk, lsh.stored_keys(keep.description_text, keep.company_canonical))])
    return keep, dup


@pytest.mark.smoke
def test_dedup_pool_is_safe_on_an_empty_database():
    assert _run() == "dedup_pool: scanned 0 postings; merged 0 duplicates; reposts linked 0; links moved 0; persona conflicts 0"


@pytest.mark.smoke
def test_dedup_pool_merges_links_sightings_and_reports_into_the_older_posting(user):
    a, b = PersonaFactory(), PersonaFactory()
    keep, dup = _slipped_in_duplicate(a, b)
    JobReport.objects.create(owner=user, posting=dup, reason="spam")

    summary = _run()

    assert summary == "dedup_pool: scanned 2 postings; merged 1 duplicates; reposts linked 0; links moved 1; persona conflicts 0"
    assert list(JobPosting.objects.values_list("pk", flat=True)) == [keep.pk]
    assert sorted(PersonaJob.unscoped.values_list("persona_id", flat=True)) == sorted([a.pk, b.pk])
    assert set(JobSighting.objects.values_list("posting_id", flat=True)) == {keep.pk}
    assert JobSighting.objects.filter(decision="merged").count() == 1
    assert JobReport.unscoped.get().posting_id == keep.pk


def test_dedup_pool_keeps_one_link_for_a_persona_linked_to_both():
    persona = PersonaFactory()
    keep, dup = _slipped_in_duplicate(persona, persona)
    PersonaJob.unscoped.filter(posting=dup).update(status=LinkStatus.APPLIED, is_favorite=True)

    summary = _run()

    link = PersonaJob.unscoped.get()
    assert summary.endswith("links moved 0; persona conflicts 1")
    assert (link.posting_id, link.status, link.is_favorite) == (keep.pk, LinkStatus.APPLIED, True)


def test_dedup_pool_dry_run_changes_nothing_and_second_run_finds_nothing():
    _slipped_in_duplicate(PersonaFactory(), PersonaFactory())

    dry = _run("--dry-run")
    first = _run()
    second = _run()

    assert "would merge 1 duplicates" in dry
    assert "merged 1 duplicates" in first
    assert "merged 0 duplicates" in second
    assert JobPosting.objects.count() == 1


def test_dedup_pool_leaves_distinct_cities_apart():
    data = posting_input(location="Bengaluru")
    ingest(data)
    ingest(dataclasses.replace(data, external_id="other", location="Mumbai"))

    assert "merged 0 duplicates" in _run()
    assert JobPosting.objects.count() == 2

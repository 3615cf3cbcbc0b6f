"""The surfacing pass: every new pool posting offered to the onboarded personas it fits, once."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from jobpool import quarantine
from jobpool.matching import surfacing, tasks
from jobpool.matching.surfacing import Limits
from jobpool.models import (
    DiscoveryMethod,
    JobPosting,
    PersonaJob,
    QuarantineStatus,
    SurfacedPosting,
    SurfacingState,
)
from jobpool.tests.matching_factories import onboarded_persona, pooled_postings
from personas.tests.factories import PersonaSkillFactory

pytestmark = pytest.mark.django_db


def _links(persona, **filters):
    return list(PersonaJob.objects.for_user(persona.owner).filter(persona=persona, **filters))


def _pool_links(persona):
    return _links(persona, discovery_method=DiscoveryMethod.POOL)


@pytest.mark.smoke
def test_pass_offers_a_scouted_job_to_another_users_matching_persona():
    scout = onboarded_persona()
    seeker = onboarded_persona()
    [posting] = pooled_postings(1, persona=scout)

    result = surfacing.run_pass()

    [link] = _pool_links(seeker)
    assert (result.postings, result.links) == (1, 1)
    assert link.posting_id == posting.pk
    assert link.owner_id == seeker.owner_id
    assert link.fit_score >= seeker.minimum_fit_threshold
    assert link.scored_at is not None and len(link.score_fingerprint) == 64
    assert link.score_details == {}  # explained when first read
    assert _pool_links(scout) == []  # the scout already had its own link


def test_surfaced_link_looks_like_a_scouted_link_once_read():
    scout = onboarded_persona()
    seeker = onboarded_persona()
    pooled_postings(1, persona=scout)
    from jobpool.matching import explain_links, score_links

    score_links(scout, [link.pk for link in _links(scout)])
    surfacing.run_pass()
    [surfaced] = _pool_links(seeker)
    fingerprint = surfaced.score_fingerprint

    assert explain_links([surfaced]) == 1
    [scouted], [stored] = _links(scout), _pool_links(seeker)
    assert (stored.fit_score, stored.stretch_score) == (scouted.fit_score, scouted.stretch_score)
    assert stored.score_details == surfaced.score_details
    assert stored.score_details.keys() == scouted.score_details.keys()
    assert stored.score_details["explanation"]["strengths"]
    assert stored.score_fingerprint == fingerprint
    assert stored.status == scouted.status == "discovered"
    assert explain_links([stored]) == 0  # explained once


def test_the_feed_page_explains_surfaced_links_it_shows(client_for):
    seeker = onboarded_persona()
    pooled_postings(2, persona=onboarded_persona())
    surfacing.run_pass()
    assert [link.score_details for link in _pool_links(seeker)] == [{}, {}]

    response = client_for(seeker.owner).get("/jobs/")

    assert response.status_code == 200
    links = _pool_links(seeker)
    assert all(link.score_details["explanation"]["strengths"] for link in links)
    assert links[0].score_details["explanation"]["strengths"][0] in response.content.decode()


def test_the_api_explains_a_surfaced_link_it_returns(client_for):
    seeker = onboarded_persona()
    pooled_postings(1, persona=onboarded_persona())
    surfacing.run_pass()
    [link] = _pool_links(seeker)

    body = client_for(seeker.owner).get(f"/api/v1/job-postings/{link.pk}/").json()

    link.refresh_from_db()
    assert body["score_details"]["fit"]["score"] == link.fit_score == body["fit_score"]
    assert body["score_details"] == link.score_details


def test_pass_considers_every_posting_when_more_than_fifty_arrive_in_one_window():
    seeker = onboarded_persona()
    postings = pooled_postings(60)

    result = surfacing.run_pass(limits=Limits(chunk_size=25))

    assert result.chunks == 3
    assert SurfacedPosting.objects.count() == 60
    assert sorted(link.posting_id for link in _pool_links(seeker)) == sorted(p.pk for p in postings)


def test_pass_never_surfaces_a_quarantined_posting_and_surfaces_it_once_released():
    seeker = onboarded_persona()
    [posting] = pooled_postings(1, method=DiscoveryMethod.MANUAL, source="manual", external_id=None, persona=onboarded_persona())
    assert JobPosting.objects.get(pk=posting.pk).quarantine_status == QuarantineStatus.QUARANTINED

    first = surfacing.run_pass()
    JobPosting.objects.filter(pk=posting.pk).update(quarantine_expires_at=timezone.now() - datetime.timedelta(minutes=1))
    quarantine.release_expired()
    second = surfacing.run_pass()

    assert (first.postings, second.postings) == (0, 1)
    assert [link.posting_id for link in _pool_links(seeker)] == [posting.pk]


def test_pass_respects_each_personas_minimum_fit_threshold():
    picky = onboarded_persona(skills=("Python",), minimum_fit_threshold=95)
    easy = onboarded_persona(skills=("Python",), minimum_fit_threshold=40)
    pooled_postings(1)

    surfacing.run_pass()

    [link] = _pool_links(easy)
    assert link.fit_score < 95
    assert _pool_links(picky) == []


def test_pass_skips_personas_whose_dealbreakers_fail():
    remote_only = onboarded_persona(remote_preference="remote_only")
    pooled_postings(1, work_model="onsite", location="Portland, OR")

    result = surfacing.run_pass()

    assert result.postings == 1
    assert _pool_links(remote_only) == []


def test_pass_skips_personas_that_have_not_finished_onboarding():
    unfinished = onboarded_persona(onboarded=False)
    pooled_postings(1)

    surfacing.run_pass()

    assert _links(unfinished) == []


def test_pass_skips_personas_without_a_shared_skill_or_title_word():
    nurse = onboarded_persona(
        skills=("Patient Care",), current_role="Registered Nurse", target_roles=["Charge Nurse"], target_skills=[]
    )
    pooled_postings(1)

    surfacing.run_pass()

    assert _links(nurse) == []


def test_pass_links_at_most_the_limit_per_posting_best_fit_first():
    strong = [onboarded_persona() for _ in range(2)]
    weak = [onboarded_persona(skills=("Python",)) for _ in range(2)]
    [posting] = pooled_postings(1)

    surfacing.run_pass(limits=Limits(links_per_job=2))

    linked = set(PersonaJob.unscoped.filter(posting=posting).values_list("persona_id", flat=True))
    assert linked == {p.pk for p in strong}
    assert all(_links(p) == [] for p in weak)


def test_rerunning_the_pass_creates_nothing():
    onboarded_persona()
    pooled_postings(3)
    surfacing.run_pass()
    before = PersonaJob.unscoped.count()

    again = surfacing.run_pass()
    direct = surfacing.surface_postings(list(JobPosting.objects.values_list("pk", flat=True)))

    assert (again.postings, direct.postings) == (0, 0)
    assert PersonaJob.unscoped.count() == before == 3


def test_a_killed_pass_resumes_where_it_stopped(monkeypatch):
    seeker = onboarded_persona()
    postings = pooled_postings(6)
    real_match = surfacing._match
    calls = {"n": 0}

    def dies_on_second_chunk(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 2:
            raise RuntimeError("worker killed")
        return real_match(*args, **kwargs)

    monkeypatch.setattr(surfacing, "_match", dies_on_second_chunk)
    with pytest.raises(RuntimeError):
        surfacing.run_pass(limits=Limits(chunk_size=3))
    surfaced_before = SurfacedPosting.objects.count()
    monkeypatch.setattr(surfacing, "_match", real_match)
    resumed = surfacing.run_pass(limits=Limits(chunk_size=3))

    assert surfaced_before == 3
    assert resumed.postings == 3
    assert sorted(link.posting_id for link in _pool_links(seeker)) == sorted(p.pk for p in postings)


def test_pass_records_its_state_in_the_database():
    onboarded_persona()
    postings = pooled_postings(2)

    surfacing.run_pass()

    state = SurfacingState.objects.get(name="pool")
    assert (state.last_postings, state.last_links, state.total_links) == (2, 2, 2)
    assert state.high_water_mark == max(JobPosting.objects.filter(pk__in=[p.pk for p in postings]).values_list("first_seen_at", flat=True))
    assert state.last_finished_at >= state.last_started_at


def test_surface_pool_task_fans_out_in_chunks(settings):
    settings.SURFACING_CHUNK_SIZE = 2
    seeker = onboarded_persona()
    pooled_postings(5)

    chunks = tasks.surface_pool.delay().get()

    assert chunks == 3
    assert len(_pool_links(seeker)) == 5


@pytest.mark.smoke
def test_surface_for_persona_offers_the_existing_pool_to_a_new_persona():
    postings = pooled_postings(3, persona=onboarded_persona())
    surfacing.run_pass()
    newcomer = onboarded_persona()

    made = tasks.rescore_persona.delay(persona_id=str(newcomer.pk)).get()

    assert made == 3
    assert sorted(link.posting_id for link in _pool_links(newcomer)) == sorted(p.pk for p in postings)
    assert tasks.rescore_persona.delay(persona_id=str(newcomer.pk)).get() == 0


def test_surface_for_persona_skips_quarantined_postings():
    pooled_postings(1, method=DiscoveryMethod.MANUAL, source="manual", external_id=None, persona=onboarded_persona())
    newcomer = onboarded_persona()

    made = surfacing.surface_for_persona(newcomer.pk)

    assert made == 0
    assert _links(newcomer) == []


def test_link_writes_skip_a_pair_that_got_its_link_meanwhile():
    seeker = onboarded_persona()
    first, second = pooled_postings(2)
    existing = PersonaJob.objects.for_user(seeker.owner).create(
        owner=seeker.owner, persona=seeker, posting=first, discovery_method=DiscoveryMethod.SCOUTER, fit_score=61
    )
    rows = [
        surfacing.LinkRow(seeker.owner_id, seeker.pk, posting.pk, 80, 55, "f" * 64) for posting in (first, second)
    ]

    from django.db import transaction

    with transaction.atomic():
        made = surfacing.write_links(rows)

    assert made == 1
    existing.refresh_from_db()
    assert (existing.discovery_method, existing.fit_score) == (DiscoveryMethod.SCOUTER, 61)
    [new] = _pool_links(seeker)
    assert (new.posting_id, new.fit_score, new.stretch_score, new.score_fingerprint) == (second.pk, 80, 55, "f" * 64)
    assert (new.status, new.failed_dealbreakers, new.score_details) == ("discovered", [], {})


def test_link_ids_are_random_version_4_uuids():
    import uuid

    ids = surfacing._random_uuids(1000)

    parsed = [uuid.UUID(hex=value) for value in ids]
    assert len(set(ids)) == 1000
    assert all(u.version == 4 and u.variant == uuid.RFC_4122 for u in parsed)


def test_the_chunks_of_one_pass_load_the_personas_once(settings, monkeypatch):
    from jobpool.matching import candidates

    settings.SURFACING_CHUNK_SIZE = 2
    seeker = onboarded_persona()
    pooled_postings(5)
    loads = []
    real_load = candidates.PersonaIndex.load
    monkeypatch.setattr(candidates.PersonaIndex, "load", classmethod(lambda cls, *a, **kw: loads.append(1) or real_load(*a, **kw)))

    assert tasks.surface_pool.delay().get() == 3

    assert len(loads) == 1
    assert len(_pool_links(seeker)) == 5


def test_the_export_carries_the_explanation_of_a_surfaced_link_without_writing_it():
    import json

    from exports.selectors import everything_json

    seeker = onboarded_persona()
    pooled_postings(1, persona=onboarded_persona())
    surfacing.run_pass()

    data = json.loads("".join(everything_json(seeker.owner)))

    [exported] = data["job_links"]
    [link] = _pool_links(seeker)
    assert exported["score_details"]["fit"]["score"] == link.fit_score == exported["fit_score"]
    assert "strengths" in exported["score_details"]["explanation"]
    assert link.score_details == {}  # an export reads; the link is explained when first shown


def test_the_persona_index_stays_warm_between_passes_until_a_persona_changes(monkeypatch):
    from jobpool.matching import candidates

    seeker = onboarded_persona()
    pooled_postings(2)
    loads = []
    real_load = candidates.PersonaIndex.load
    monkeypatch.setattr(candidates.PersonaIndex, "load", classmethod(lambda cls, *a, **kw: loads.append(1) or real_load(*a, **kw)))
    candidates._WARM.clear()

    surfacing.run_pass()
    pooled_postings(1)
    surfacing.run_pass()
    assert len(loads) == 1  # nothing changed: the second pass reused the arrays

    PersonaSkillFactory(persona=seeker, name="Rust", years_used=2)
    index = candidates.current_index()

    assert len(loads) == 2
    row = index.ids.index(seeker.pk)
    assert "rust" in index.columns.personas[row].hard_years
    assert len(_pool_links(seeker)) == 3

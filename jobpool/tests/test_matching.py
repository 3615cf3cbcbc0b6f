"""jobpool.matching: ORM → scorer inputs in bulk, the one scoring path, stale detection and rescoring."""

from __future__ import annotations

import pytest

from jobpool import scoring
from jobpool.matching import profiles, rescore_persona, score_links, score_persona_against
from jobpool.matching.scoring_service import combined_fingerprint, job_fingerprint, persona_fingerprint
from jobpool.models import JobPosting, PersonaJob
from jobpool.tests.matching_factories import onboarded_persona, pooled_postings
from personas.tests.factories import CustomDealbreakerFactory, PersonaSkillFactory, WorkHistoryFactory

pytestmark = pytest.mark.django_db


def _links(persona):
    return list(PersonaJob.objects.for_user(persona.owner).filter(persona=persona).order_by("discovered_at", "pk"))


def test_persona_profiles_normalise_skills_through_the_taxonomy():
    persona = onboarded_persona(skills=("postgres", "k8s"), target_skills=["golang"])
    WorkHistoryFactory(persona=persona, title="Platform Engineer")
    CustomDealbreakerFactory(persona=persona, mode="exclude", job_field="title", value="Intern")

    profile = profiles.persona_profile(persona, with_vectors=False)

    assert [s.name for s in profile.skills] == ["PostgreSQL", "Kubernetes"]
    assert profile.target_skills == ("Go",)
    assert profile.past_titles == ("Platform Engineer",)
    assert profile.custom_dealbreakers == (scoring.CustomDealbreaker("exclude", "title", "Intern"),)


@pytest.mark.parametrize("count", [1, 3])
def test_persona_profiles_take_constant_queries(count, django_assert_num_queries):
    personas = [onboarded_persona() for _ in range(count)]
    for persona in personas:
        WorkHistoryFactory(persona=persona)

    with django_assert_num_queries(4):  # skills, roles, dealbreakers, vectors
        built = profiles.persona_profiles(personas)

    assert sorted(built) == sorted(p.pk for p in personas)
    assert all(len(profile.skills) == 3 for profile in built.values())


@pytest.mark.parametrize("count", [1, 3])
def test_job_facts_take_constant_queries(count, django_assert_num_queries):
    postings = pooled_postings(count)

    with django_assert_num_queries(2):  # skills, vectors
        facts = profiles.job_facts(postings)

    assert [sorted(s.name for s in facts[p.pk].required_skills) for p in postings] == [
        ["Django", "PostgreSQL", "Python"]
    ] * count


@pytest.mark.smoke
def test_score_links_writes_scores_explanation_and_fingerprint():
    persona = onboarded_persona()
    pooled_postings(2, persona=persona)
    link_ids = [link.pk for link in _links(persona)]

    written = score_links(persona, link_ids)

    links = _links(persona)
    assert written == 2
    assert all(link.fit_score is not None and link.scored_at is not None for link in links)
    assert all(link.score_details["explanation"]["strengths"] for link in links)
    assert all(len(link.score_fingerprint) == 64 for link in links)


def test_score_links_matches_the_pure_scorer():
    persona = onboarded_persona()
    [posting] = pooled_postings(1, persona=persona)
    [link] = _links(persona)

    score_links(persona, [link.pk])

    link.refresh_from_db()
    profile = profiles.persona_profile(persona)
    facts = profiles.job_facts([posting])[posting.pk]
    expected = scoring.score(profile, facts, now=link.scored_at)
    assert (link.fit_score, link.stretch_score) == expected.stored_scores
    assert link.score_fingerprint == combined_fingerprint(persona_fingerprint(profile), job_fingerprint(facts))


def test_score_links_skips_fresh_links_and_ignores_other_personas_links():
    persona = onboarded_persona()
    other = onboarded_persona()
    pooled_postings(1, persona=persona)
    pooled_postings(1, persona=other)
    mine = [link.pk for link in _links(persona)]
    theirs = [link.pk for link in _links(other)]
    score_links(persona, mine)

    again = score_links(persona, mine + theirs)

    assert again == 0
    assert [link.scored_at for link in _links(other)] == [None]


def test_rescore_persona_rescores_only_after_the_persona_changes():
    persona = onboarded_persona(skills=("Python",))
    pooled_postings(2, persona=persona)
    score_links(persona, [link.pk for link in _links(persona)])
    before = [link.fit_score for link in _links(persona)]

    unchanged = rescore_persona(persona.pk)
    PersonaSkillFactory(persona=persona, name="Django", years_used=6)
    PersonaSkillFactory(persona=persona, name="PostgreSQL", years_used=6)
    changed = rescore_persona(persona.pk)

    after = [link.fit_score for link in _links(persona)]
    assert (unchanged, changed) == (0, 2)
    assert all(b < a for b, a in zip(before, after, strict=True))


def test_rescore_persona_rescores_a_link_whose_posting_changed():
    persona = onboarded_persona()
    [posting] = pooled_postings(1, persona=persona)
    score_links(persona, [link.pk for link in _links(persona)])

    JobPosting.objects.filter(pk=posting.pk).update(years_min=15)
    rescored = rescore_persona(persona.pk)

    [link] = _links(persona)
    assert rescored == 1
    assert link.score_details["fit"]["components"]["experience"]["score"] < 100


def test_rescore_persona_is_quiet_when_the_persona_is_gone():
    assert rescore_persona("00000000-0000-0000-0000-000000000000") == 0


def test_score_persona_against_scores_only_linked_postings():
    persona = onboarded_persona()
    linked = pooled_postings(1, persona=persona)
    unlinked = pooled_postings(1)

    written = score_persona_against(persona, linked + unlinked)

    assert written == 1
    assert PersonaJob.unscoped.filter(posting__in=unlinked).count() == 0


def test_fingerprints_follow_vectors_but_not_float_noise():
    import numpy as np

    base = np.linspace(-1, 1, 384)
    profile = scoring.PersonaProfile(current_role="Backend Engineer", title_embedding=base)

    same = persona_fingerprint(profile) == persona_fingerprint(scoring.PersonaProfile(current_role="Backend Engineer", title_embedding=base + 1e-9))
    moved = persona_fingerprint(profile) != persona_fingerprint(scoring.PersonaProfile(current_role="Backend Engineer", title_embedding=base[::-1]))
    job = job_fingerprint(scoring.JobFacts(title="Backend Engineer")) != job_fingerprint(scoring.JobFacts(title="Backend Engineer", title_embedding=base))

    assert (same, moved, job) == (True, True, True)

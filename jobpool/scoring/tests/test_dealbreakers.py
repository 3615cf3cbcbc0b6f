"""Dealbreakers: the reference's non-negotiables (§6.2, §9 item 21) and custom rules."""

from __future__ import annotations

import pytest

from jobpool.scoring import CustomDealbreaker, JobLocation, check_dealbreakers, prepare_job, prepare_persona, score
from jobpool.scoring.tests.builders import NOW, backend_job, backend_persona


def outcome(persona, job):
    return check_dealbreakers(prepare_persona(persona), prepare_job(job, now=NOW))


@pytest.mark.parametrize(
    ("preference", "work_model", "passes"),
    [
        ("remote_only", "remote", True),
        ("remote_only", "hybrid", False),
        ("remote_only", "onsite", False),
        ("remote_only", "unknown", False),
        ("hybrid_ok", "remote", True),
        ("hybrid_ok", "hybrid", True),
        ("hybrid_ok", "onsite", False),
        ("hybrid_ok", "unknown", False),
        ("onsite_ok", "onsite", True),
        ("onsite_ok", "unknown", True),
        ("no_preference", "onsite", True),
        ("no_preference", "unknown", True),
    ],
)
def test_dealbreakers_remote_preference_matrix(preference, work_model, passes):
    result = outcome(backend_persona(remote_preference=preference), backend_job(work_model=work_model))

    assert ("remote_preference" not in result.failed_checks) is passes


@pytest.mark.smoke
def test_dealbreakers_remote_only_with_unknown_work_model_fails_with_reason():
    result = outcome(backend_persona(remote_preference="remote_only"), backend_job(work_model="unknown"))

    assert result.failed_checks == ("remote_preference",)
    assert result.reasons == (
        "The posting does not say how the work is done, so it counts as on-site; you want remote only.",
    )


@pytest.mark.parametrize(
    ("salary_max", "passes"),
    [(119_999, False), (120_000, True), (120_001, True)],
)
def test_dealbreakers_salary_floor_equal_passes(salary_max, passes):
    result = outcome(backend_persona(), backend_job(salary_min=100_000, salary_max=salary_max))

    assert result.passed is passes


def test_dealbreakers_salary_below_floor_gives_reason():
    result = outcome(backend_persona(), backend_job(salary_min=90_000, salary_max=110_000))

    assert result.reasons == ("The salary tops out at USD 110,000 a year, below your minimum of USD 120,000.",)


def test_dealbreakers_undisclosed_salary_passes_with_warning():
    result = outcome(backend_persona(), backend_job(salary_min=None, salary_max=None))

    assert result.passed
    assert result.warnings == ("The salary is not disclosed, so your minimum could not be checked.",)


def test_dealbreakers_hourly_salary_is_annualised_before_comparing():
    job = backend_job(salary_min=50, salary_max=60, salary_period="hour")

    assert outcome(backend_persona(), job).passed
    assert not outcome(backend_persona(minimum_base_salary=130_000), job).passed


def test_dealbreakers_salary_in_other_currency_passes_with_warning():
    result = outcome(backend_persona(), backend_job(salary_max=50_000, salary_currency="EUR"))

    assert result.passed
    assert result.warnings == ("The salary is in EUR, so it could not be compared with your minimum in USD.",)


def test_dealbreakers_onsite_job_with_no_location_fails():
    job = backend_job(work_model="onsite", location=JobLocation())

    result = outcome(backend_persona(remote_preference="onsite_ok"), job)

    assert result.failed_checks == ("commutable_cities",)


@pytest.mark.parametrize(
    ("location", "passes"),
    [
        (JobLocation(city="Austin", region="TX"), True),
        (JobLocation(raw="AUSTIN, Texas"), True),
        (JobLocation(city="Denver", region="CO"), False),
    ],
)
def test_dealbreakers_commutable_city_matches_city_name_ignoring_case(location, passes):
    result = outcome(backend_persona(remote_preference="onsite_ok"), backend_job(location=location))

    assert result.passed is passes


def test_dealbreakers_commutable_city_found_inside_a_district_location():
    persona = backend_persona(commutable_cities=("London",), remote_preference="onsite_ok")

    result = outcome(persona, backend_job(location=JobLocation(city="Islington", raw="Islington, North London")))

    assert result.passed


def test_dealbreakers_relocation_city_is_acceptable():
    persona = backend_persona(relocation_cities=("Denver",))

    assert outcome(persona, backend_job(location=JobLocation(city="Denver"))).passed


def test_dealbreakers_remote_job_passes_commute_check_without_location():
    result = outcome(backend_persona(), backend_job(work_model="remote", location=JobLocation()))

    assert result.passed


def test_dealbreakers_empty_commutable_list_passes_any_location():
    persona = backend_persona(commutable_cities=(), home_city="")

    assert outcome(persona, backend_job(location=JobLocation(city="Lagos"))).passed


def test_dealbreakers_excluded_industry_fails_and_unknown_industry_warns():
    persona = backend_persona(industry_exclusions=("Gambling",))

    excluded = outcome(persona, backend_job(industry="gambling"))
    unknown = outcome(persona, backend_job(industry=""))

    assert excluded.reasons == ("The job is in the gambling industry, which you excluded.",)
    assert unknown.passed
    assert unknown.warnings == ("The job's industry is unknown, so your industry exclusions could not be checked.",)


def test_dealbreakers_excluded_company_fails_ignoring_legal_suffix():
    persona = backend_persona(company_exclusions=("lattice freight",))

    result = outcome(persona, backend_job())

    assert result.failed_checks == ("company_exclusions",)
    assert result.reasons == ("You excluded the company Lattice Freight, Inc.",)


@pytest.mark.parametrize(
    ("sponsorship", "passes", "warnings"),
    [
        ("yes", True, ()),
        ("no", False, ()),
        ("unknown", True, ("The posting does not say whether it sponsors visas.",)),
    ],
)
def test_dealbreakers_visa_fails_only_on_explicit_no(sponsorship, passes, warnings):
    result = outcome(backend_persona(visa_sponsorship_required=True), backend_job(visa_sponsorship=sponsorship))

    assert result.passed is passes
    assert result.warnings == warnings


def test_dealbreakers_visa_not_needed_ignores_posting():
    assert outcome(backend_persona(), backend_job(visa_sponsorship="no")).passed


def test_dealbreakers_all_failures_are_collected_together():
    persona = backend_persona(
        remote_preference="remote_only",
        minimum_base_salary=500_000,
        industry_exclusions=("logistics",),
        visa_sponsorship_required=True,
    )

    result = outcome(persona, backend_job(visa_sponsorship="no"))

    assert result.failed_checks == (
        "remote_preference",
        "minimum_base_salary",
        "industry_exclusions",
        "visa_sponsorship",
    )


@pytest.mark.parametrize(
    ("rule", "passes"),
    [
        (CustomDealbreaker("exclude", "title", "senior"), False),
        (CustomDealbreaker("exclude", "title", "SENIOR BACKEND"), False),
        (CustomDealbreaker("exclude", "title", "end"), True),  # whole words only
        (CustomDealbreaker("require", "title", "backend"), True),
        (CustomDealbreaker("require", "title", "frontend"), False),
        (CustomDealbreaker("exclude", "company", "Lattice"), False),
        (CustomDealbreaker("exclude", "description", "freight marketplace"), False),
        (CustomDealbreaker("require", "description", "mentoring two engineers"), True),
        (CustomDealbreaker("exclude", "location", "texas"), True),
        (CustomDealbreaker("exclude", "location", "tx"), False),
        (CustomDealbreaker("require", "work_model", "Hybrid"), True),
        (CustomDealbreaker("exclude", "employment_type", "Full-time"), False),
        (CustomDealbreaker("require", "seniority", "senior"), True),
        (CustomDealbreaker("require", "skill", "postgres"), True),
        (CustomDealbreaker("exclude", "skill", "Java"), True),
        (CustomDealbreaker("exclude", "skills", "django"), False),
        (CustomDealbreaker("require", "salary_currency", "usd"), True),
        (CustomDealbreaker("exclude", "company_name", "lattice freight"), False),
    ],
)
def test_dealbreakers_custom_rules(rule, passes):
    result = outcome(backend_persona(custom_dealbreakers=(rule,)), backend_job())

    assert result.passed is passes


def test_dealbreakers_custom_rule_reason_names_field_and_value():
    persona = backend_persona(custom_dealbreakers=(CustomDealbreaker("exclude", "title", "Senior"),))

    result = outcome(persona, backend_job())

    assert result.failed_checks == ("custom:title",)
    assert result.reasons == ("The job's title matches “Senior”, which you excluded.",)


def test_dealbreakers_custom_rule_on_missing_field_warns_instead_of_failing():
    persona = backend_persona(custom_dealbreakers=(CustomDealbreaker("require", "industry", "fintech"),))

    result = outcome(persona, backend_job(industry=""))

    assert result.passed
    assert result.warnings == (
        "The job's industry is not given, so your rule requiring “fintech” could not be checked.",
    )


def test_dealbreakers_custom_rule_on_unknown_field_warns():
    persona = backend_persona(custom_dealbreakers=(CustomDealbreaker("exclude", "mood", "grumpy"),))

    result = outcome(persona, backend_job())

    assert result.passed
    assert result.warnings == ("Your rule to exclude “grumpy” on “mood” is not one that can be checked.",)


def test_score_carries_dealbreaker_reasons_into_result_and_explanation():
    persona = backend_persona(company_exclusions=("Lattice Freight",))

    result = score(persona, backend_job(), now=NOW)

    assert result.failed_checks == ("company_exclusions",)
    assert result.explanation.dealbreakers == result.failed_dealbreakers
    assert result.as_dict()["failed_dealbreakers"] == list(result.failed_dealbreakers)


@pytest.mark.parametrize(
    ("preference", "work_model"),
    [("Remote Only", "Remote"), ("remote-only", "REMOTE"), ("Hybrid OK", "On-Site")],
)
def test_dealbreakers_read_enumerations_in_any_spelling(preference, work_model):
    result = outcome(backend_persona(remote_preference=preference), backend_job(work_model=work_model))

    expected = () if work_model.lower() == "remote" else ("remote_preference",)
    assert result.failed_checks == expected


def test_dealbreakers_country_only_location_is_a_location():
    persona = backend_persona(remote_preference="onsite_ok", commutable_cities=("Berlin",))

    result = outcome(persona, backend_job(work_model="onsite", location=JobLocation(country="DE")))

    assert result.reasons == ("The job is in DE, outside your commutable and relocation cities.",)

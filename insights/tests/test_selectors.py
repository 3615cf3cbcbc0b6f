"""Insight figures against known data: weeks, funnel and rates, current statuses, days in each stage."""

from __future__ import annotations

import datetime

import pytest
import time_machine

from insights import selectors
from insights.selectors import InsightFilters
from personas.tests.factories import PersonaFactory
from tracker import services as tracker

UTC = datetime.UTC
D = datetime.date


def at(day: datetime.date, hour: int = 9) -> datetime.datetime:
    return datetime.datetime(day.year, day.month, day.day, hour, tzinfo=UTC)


@pytest.fixture
def history(user, other_user):
    """Five applications of the user with known histories, and a busy other user."""
    persona = PersonaFactory(owner=user, full_name="Ada")
    second = PersonaFactory(owner=user, full_name="Ada (data)")

    def apply(day, company, persona=persona):
        with time_machine.travel(at(day), tick=False):
            return tracker.create_from_scratch(user, persona=persona, company_name=company, title="Engineer", applied_on=day)

    def move(app, day, status):
        with time_machine.travel(at(day), tick=False):
            tracker.change_status(app, status)

    a = apply(D(2026, 3, 2), "A")  # Monday of week 10
    move(a, D(2026, 3, 6), "recruiter_screen")  # 4 days in Applied
    move(a, D(2026, 3, 12), "interviewing")  # 6 days in screen
    move(a, D(2026, 3, 22), "rejected")  # 10 days interviewing
    b = apply(D(2026, 3, 4), "B")
    move(b, D(2026, 3, 6), "rejected")  # 2 days in Applied, a "no" counts as a response
    c = apply(D(2026, 3, 11), "C")
    move(c, D(2026, 3, 19), "offer")  # 8 days in Applied
    move(c, D(2026, 3, 23), "accepted")  # 4 days in Offer
    d = apply(D(2026, 3, 12), "D")  # still applied, no response
    with time_machine.travel(at(D(2026, 3, 13)), tick=False):
        tracker.schedule_interview(d, scheduled_at=at(D(2026, 3, 20)), time_zone="UTC")  # interview on record
    apply(D(2026, 3, 25), "E", persona=second)

    theirs = PersonaFactory(owner=other_user)
    for n in range(4):
        with time_machine.travel(at(D(2026, 3, 3)), tick=False):
            app = tracker.create_from_scratch(other_user, persona=theirs, company_name=f"X{n}", title="Engineer", applied_on=D(2026, 3, 3))
            tracker.change_status(app, "offer")
    return {"persona": persona, "second": second}


RANGE = InsightFilters(start=D(2026, 3, 1), end=D(2026, 3, 31))


@pytest.mark.smoke
@pytest.mark.django_db
def test_applications_per_week_fills_empty_weeks(user, history):
    weeks = selectors.applications_per_week(user, RANGE)

    assert weeks == [
        (D(2026, 2, 23), 0), (D(2026, 3, 2), 2), (D(2026, 3, 9), 2), (D(2026, 3, 16), 0), (D(2026, 3, 23), 1), (D(2026, 3, 30), 0),
    ]


@pytest.mark.smoke
@pytest.mark.django_db
def test_funnel_counts_stages_reached_through_the_timeline_and_the_rates(user, history):
    funnel = selectors.funnel(user, RANGE)

    assert [(s["status"], s["count"]) for s in funnel["stages"]] == [
        ("applied", 5), ("recruiter_screen", 2), ("interviewing", 2), ("onsite", 1), ("offer", 1), ("accepted", 1),
    ]
    # responded: A (screen), B (rejected), C (offer); interviewed: A (moved), C (past it), D (interview on record)
    assert (funnel["responded"], funnel["interviewed"]) == (3, 3)
    assert (funnel["response_rate"], funnel["interview_rate"], funnel["offer_rate"]) == (60.0, 60.0, 20.0)


@pytest.mark.django_db
def test_status_counts_in_pipeline_order(user, history):
    assert [(s["status"], s["count"]) for s in selectors.status_counts(user, RANGE)] == [
        ("applied", 2), ("accepted", 1), ("rejected", 2),
    ]


@pytest.mark.smoke
@pytest.mark.django_db
def test_time_in_stage_averages_finished_stints_in_days(user, history):
    stages = selectors.time_in_stage(user, RANGE)

    assert [(s["status"], s["days"], s["stints"]) for s in stages] == [
        ("applied", 4.7, 3),  # A 4, B 2, C 8 (D and E are still there)
        ("recruiter_screen", 6.0, 1),
        ("interviewing", 10.0, 1),
        ("onsite", None, 0),
        ("offer", 4.0, 1),
    ]


@pytest.mark.django_db
def test_filters_by_persona_and_date_range(user, history):
    only_second = InsightFilters(start=D(2026, 3, 1), end=D(2026, 3, 31), persona=history["second"].pk)
    early = InsightFilters(start=D(2026, 3, 1), end=D(2026, 3, 10))

    assert selectors.funnel(user, only_second)["total"] == 1
    assert selectors.funnel(user, early)["total"] == 2
    assert [s["count"] for s in selectors.status_counts(user, early)] == [2]


@pytest.mark.django_db
def test_insights_of_a_user_without_applications_are_empty(other_user, user, history):
    from accounts.tests.factories import UserFactory

    newcomer = UserFactory()

    data = selectors.insights(newcomer, RANGE)

    assert data["funnel"]["total"] == 0
    assert data["funnel"]["response_rate"] is None
    assert data["statuses"] == []
    assert all(s["days"] is None for s in data["stages"])


@pytest.mark.parametrize("extra", [0, 4])
@pytest.mark.django_db
def test_insights_take_four_queries_however_many_applications(user, history, extra, django_assert_num_queries):
    for n in range(extra):
        with time_machine.travel(at(D(2026, 3, 5)), tick=False):
            app = tracker.create_from_scratch(user, persona=history["persona"], company_name=f"More {n}", title="Engineer", applied_on=D(2026, 3, 5))
            tracker.change_status(app, "interviewing")

    with django_assert_num_queries(4):
        data = selectors.insights(user, RANGE)

    assert data["funnel"]["total"] == 5 + extra


@pytest.mark.django_db
def test_insights_api_returns_the_figures_for_the_range(client_for, user, other_user, history):
    response = client_for(user).get("/api/v1/insights/", {"start": "2026-03-01", "end": "2026-03-31"})
    theirs = client_for(other_user).get("/api/v1/insights/", {"start": "2026-03-01", "end": "2026-03-31"})

    body = response.json()
    assert (body["start"], body["end"], body["persona"]) == ("2026-03-01", "2026-03-31", None)
    assert body["funnel"]["total"] == 5 and body["funnel"]["response_rate"] == 60.0
    assert [w["count"] for w in body["weeks"]] == [0, 2, 2, 0, 1, 0]
    assert theirs.json()["funnel"]["total"] == 4


@pytest.mark.django_db
def test_insights_api_rejects_a_backwards_range_and_a_foreign_persona(client_for, user, other_user):
    foreign = PersonaFactory(owner=other_user)

    response = client_for(user).get("/api/v1/insights/", {"start": "2026-05-01", "end": "2026-04-01", "persona": foreign.pk})

    error = response.json()["error"]
    assert (response.status_code, error["code"]) == (400, "VALIDATION_ERROR")
    assert set(error["details"]) == {"end", "persona"}

"""Polling intervals and the incremental window (pure)."""

from __future__ import annotations

import datetime

import pytest

from scouter.scheduling import CATCH_UP, interval_for, next_poll_after, since_for

pytestmark = pytest.mark.smoke

NOON = datetime.datetime(2026, 3, 16, 12, 0, tzinfo=datetime.UTC)


@pytest.mark.parametrize(
    ("frequency", "expected"),
    [
        ("twice_daily", NOON + datetime.timedelta(hours=12)),
        ("daily", NOON + datetime.timedelta(hours=24)),
        ("weekly", NOON + datetime.timedelta(days=7)),
        ("manual", None),
    ],
)
def test_next_poll_after_follows_the_frequency(frequency, expected):
    assert next_poll_after(frequency, NOON) == expected


def test_every_persona_frequency_has_an_interval():
    from personas.models import PollingFrequency

    assert [interval_for(value) is not None for value in PollingFrequency.values] == [True, True, True, False]


def test_unknown_frequency_fails_loudly():
    with pytest.raises(ValueError, match="Daily"):
        interval_for("Daily")


def test_scheduled_poll_looks_back_a_day_before_the_last_poll():
    assert since_for(NOON, scheduled=True) == NOON - CATCH_UP == NOON - datetime.timedelta(hours=24)


@pytest.mark.parametrize(("last", "scheduled"), [(None, True), (NOON, False), (None, False)])
def test_first_polls_and_manual_runs_fetch_everything(last, scheduled):
    assert since_for(last, scheduled=scheduled) is None

"""The state machine, as a table (pure: runs without a database)."""

from __future__ import annotations

import pytest

from tracker import transitions
from tracker.transitions import InvalidTransition, allowed_targets, check, reopen_target

pytestmark = pytest.mark.smoke

ALLOWED = {
    "applied": {"recruiter_screen", "interviewing", "onsite", "offer", "rejected", "withdrawn", "archived"},
    "recruiter_screen": {"interviewing", "onsite", "offer", "rejected", "withdrawn", "archived"},
    "interviewing": {"onsite", "offer", "rejected", "withdrawn", "archived"},
    "onsite": {"offer", "rejected", "withdrawn", "archived"},
    "offer": {"accepted", "rejected", "withdrawn", "archived"},
    "accepted": {"archived"},
    "rejected": {"archived"},
    "withdrawn": {"archived"},
    "archived": set(),
}


@pytest.mark.parametrize("current", transitions.ALL)
@pytest.mark.parametrize("target", transitions.ALL)
def test_check_allows_exactly_the_table(current, target):
    allowed = target in ALLOWED[current] or target == current

    if allowed:
        check(current, target)
    else:
        with pytest.raises(InvalidTransition) as caught:
            check(current, target)
        assert (caught.value.current, caught.value.target) == (current, target)
        assert caught.value.message


def test_allowed_targets_match_the_table():
    assert {status: set(allowed_targets(status)) for status in transitions.ALL} == ALLOWED


@pytest.mark.parametrize(
    ("current", "target", "message"),
    [
        ("rejected", "interviewing", "Rejected is a closed status: reopen the application before moving it to Interviewing."),
        ("interviewing", "accepted", "Only an offer can be accepted."),
        ("offer", "applied", "An application cannot go back from Offer to Applied."),
        ("applied", "hired", "“hired” is not a status."),
    ],
)
def test_refusals_say_why(current, target, message):
    with pytest.raises(InvalidTransition) as caught:
        check(current, target)

    assert str(caught.value) == message


@pytest.mark.parametrize(
    ("current", "before", "expected"),
    [("rejected", "onsite", "onsite"), ("archived", "", "applied"), ("withdrawn", "accepted", "applied")],
)
def test_reopen_goes_back_to_the_open_status_it_had(current, before, expected):
    assert reopen_target(current, before) == expected


def test_reopen_an_open_application_is_refused():
    with pytest.raises(InvalidTransition):
        reopen_target("interviewing", "")


def test_every_status_has_exactly_one_board_column():
    assert sorted(transitions.COLUMN_OF) == sorted(transitions.ALL)
    assert transitions.DROP_STATUS == {"applied": "applied", "interviewing": "interviewing", "offer": "offer", "closed": "rejected"}

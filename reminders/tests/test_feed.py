"""The personal calendar feed: a hashed, revocable secret; interviews and next actions; nothing without a valid token."""

from __future__ import annotations

import datetime

import pytest
import time_machine
from django.urls import reverse

from reminders import selectors, services
from reminders.models import CalendarFeedToken
from tracker import services as tracker
from tracker.ics import parse

NOW = datetime.datetime(2026, 4, 1, 9, 0, tzinfo=datetime.UTC)


def feed_path(token: str) -> str:
    return reverse("reminders:calendar-feed", kwargs={"token": token})


@pytest.fixture
def planned(persona, other_persona, start):
    """The user's interview and next action, and another user's interview."""
    with time_machine.travel(NOW, tick=False):
        mine = start(persona, company="Mine Co", title="Platform Engineer")
        tracker.schedule_interview(mine, scheduled_at=NOW + datetime.timedelta(days=2), time_zone="Europe/Berlin")
        tracker.set_next_action(mine, title="Send thank-you note", due_at=NOW + datetime.timedelta(days=3))
        theirs = start(other_persona, company="Theirs Co", title="Secret Role")
        tracker.schedule_interview(theirs, scheduled_at=NOW + datetime.timedelta(days=2), time_zone="UTC")
    return mine


@pytest.mark.smoke
@pytest.mark.django_db
def test_calendar_feed_lists_the_owners_interviews_and_next_actions(client, user, planned):
    token = services.rotate_feed_token(user)

    with time_machine.travel(NOW, tick=False):
        response = client.get(feed_path(token))

    events = parse(response.content.decode())
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert [e["SUMMARY"] for e in events] == [
        "Interview: Mine Co – Platform Engineer",
        "Send thank-you note: Mine Co – Platform Engineer",
    ]
    assert events[1]["DTSTART"] == "20260404T090000Z"
    assert b"Theirs Co" not in response.content


@pytest.mark.django_db
def test_calendar_feed_stores_only_a_hash_of_the_secret(user):
    token = services.rotate_feed_token(user)

    row = CalendarFeedToken.objects.for_user(user).get()

    assert row.token_hash == selectors.hash_feed_token(token)
    assert token not in (row.token_hash, row.hint)
    assert token.endswith(row.hint)


@pytest.mark.parametrize("token", ["", "x", "not-a-real-token-0123456789abcdefghijklmnopqrstuv", "a" * 300])
@pytest.mark.django_db
def test_calendar_feed_with_unknown_token_is_404_revealing_nothing(client, user, planned, token):
    services.rotate_feed_token(user)
    path = f"/calendar/{token}.ics"

    response = client.get(path)

    assert response.status_code == 404
    assert b"Mine Co" not in response.content
    assert b"BEGIN:VCALENDAR" not in response.content


@pytest.mark.django_db
def test_calendar_feed_rotate_and_revoke_turn_old_urls_off(client, user, planned):
    first = services.rotate_feed_token(user)
    second = services.rotate_feed_token(user)
    old = client.get(feed_path(first))
    current = client.get(feed_path(second))
    services.revoke_feed_token(user)
    revoked = client.get(feed_path(second))

    assert (old.status_code, current.status_code, revoked.status_code) == (404, 200, 404)
    assert b"Mine Co" not in old.content + revoked.content
    assert CalendarFeedToken.objects.for_user(user).filter(revoked_at__isnull=True).count() == 0


@pytest.mark.django_db
def test_calendar_feed_records_when_it_was_last_read(client, user):
    token = services.rotate_feed_token(user)

    with time_machine.travel(NOW, tick=False):
        client.get(feed_path(token))

    assert CalendarFeedToken.objects.for_user(user).get().last_used_at == NOW


@pytest.mark.django_db
def test_feed_events_take_two_queries_for_any_number_of_rows(user, persona, start, django_assert_num_queries):
    with time_machine.travel(NOW, tick=False):
        for n in range(3):
            app = start(persona, company=f"Co {n}", title="Engineer")
            tracker.schedule_interview(app, scheduled_at=NOW + datetime.timedelta(days=n + 1), time_zone="UTC")
            tracker.set_next_action(app, title="Follow up", due_at=NOW + datetime.timedelta(days=n + 1))
        with django_assert_num_queries(2):
            events = selectors.feed_events(user, now=NOW)

    assert len(events) == 6


@pytest.mark.django_db
def test_settings_page_rotate_shows_the_new_url_once(client_for, user):
    client = client_for(user)

    created = client.post(reverse("reminders:feed-rotate"))
    later = client.get(reverse("reminders:settings"))

    row = CalendarFeedToken.objects.for_user(user).get()
    url = created.context["new_feed_url"]
    token = url.rsplit("/", 1)[-1].removesuffix(".ics")
    assert selectors.hash_feed_token(token) == row.token_hash
    assert url.encode() in created.content
    assert url.encode() not in later.content
    assert f"…{row.hint}".encode() in later.content


@pytest.mark.django_db
def test_settings_page_revoke_turns_the_feed_off(client_for, user):
    token = services.rotate_feed_token(user)
    client = client_for(user)

    response = client.post(reverse("reminders:feed-revoke"), HTTP_HX_REQUEST="true")

    assert b"No calendar feed yet." in response.content
    assert selectors.feed_token_for(token) is None

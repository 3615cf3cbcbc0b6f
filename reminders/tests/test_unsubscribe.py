"""The digest's unsubscribe link: a signed secret, a GET confirm page, a one-click POST without a session."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from reminders import selectors
from tracker.services import settings_for


def link(user) -> str:
    return reverse("reminders:unsubscribe", kwargs={"token": selectors.unsubscribe_token(settings_for(user))})


@pytest.mark.smoke
@pytest.mark.django_db
def test_unsubscribe_one_click_post_without_login_or_csrf_opts_out(user):
    client = Client(enforce_csrf_checks=True)

    response = client.post(link(user), {"List-Unsubscribe": "One-Click"})

    assert b"You are unsubscribed" in response.content
    assert settings_for(user).digest_opt_out is True


@pytest.mark.django_db
def test_unsubscribe_get_only_asks_for_confirmation(client, user):
    response = client.get(link(user))

    assert b"Stop the daily digest?" in response.content
    assert settings_for(user).digest_opt_out is False


@pytest.mark.django_db
def test_unsubscribe_link_only_touches_its_own_user(client, user, other_user):
    client.post(link(user))

    assert (settings_for(user).digest_opt_out, settings_for(other_user).digest_opt_out) == (True, False)


@pytest.mark.parametrize("method", ["get", "post"])
@pytest.mark.django_db
def test_unsubscribe_with_forged_token_is_404_and_changes_nothing(client, user, method):
    prefs = settings_for(user)
    forged = [
        prefs.digest_unsubscribe_token,  # the secret without its signature
        selectors.unsubscribe_token(prefs)[:-2] + "xx",  # a broken signature
        "garbage",
    ]

    responses = [getattr(client, method)(f"/reminders/unsubscribe/{token}/") for token in forged]

    assert [r.status_code for r in responses] == [404, 404, 404]
    assert settings_for(user).digest_opt_out is False

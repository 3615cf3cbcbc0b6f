"""The pre-hijack hole: an attacker pre-registers the victim's address with a password.

When the inbox owner proves control (confirmation link from another browser,
magic link, a provider's verified email) the attacker's password and every
session are wiped.
"""

from __future__ import annotations

import pytest
from allauth.account.models import EmailAddress
from allauth.usersessions.models import UserSession
from django.test import Client
from django.urls import reverse

from accounts.models import User
from accounts.tests.conftest import last_mail_to, links_in, path_of

VICTIM = "victim@example.com"
ATTACKER_PASSWORD = "attacker knows this 123"


@pytest.fixture
def attacker():
    """The attacker's browser, after signing up with the victim's address."""
    browser = Client()
    browser.post(reverse("account_signup"), {"email": VICTIM, "password1": ATTACKER_PASSWORD, "password2": ATTACKER_PASSWORD})
    return browser


def _victim_account() -> User:
    return User.objects.get(email=VICTIM)


@pytest.mark.smoke
@pytest.mark.django_db
def test_confirmation_from_another_browser_wipes_the_attackers_password(attacker):
    link = path_of(links_in(last_mail_to(VICTIM))[0])
    victim_browser = Client()

    victim_browser.post(link)
    attempt = Client().post(reverse("account_login"), {"login": VICTIM, "password": ATTACKER_PASSWORD})

    user = _victim_account()
    assert EmailAddress.objects.get(user=user).verified is True
    assert user.has_usable_password() is False
    assert "_auth_user_id" not in attempt.client.session


@pytest.mark.django_db
def test_magic_link_wipes_the_attackers_password_and_sessions(attacker, client_for):
    user = _victim_account()
    attacker_session = client_for(user)  # suppose the attacker got a session in somehow
    victim = Client()
    victim.post(reverse("accounts:magic-link-request"), {"email": VICTIM})
    link = path_of(next(u for u in links_in(last_mail_to(VICTIM)) if "/magic-link/" in u))

    victim.post(link)

    user.refresh_from_db()
    assert user.has_usable_password() is False
    assert victim.session["_auth_user_id"] == str(user.pk)
    assert list(UserSession.objects.filter(user=user).values_list("session_key", flat=True)) == [victim.session.session_key]
    assert attacker_session.get(reverse("accounts:settings")).status_code == 302


@pytest.mark.django_db
def test_proof_of_a_second_address_on_a_verified_account_keeps_the_password(user, password):
    extra = EmailAddress.objects.create(user=user, email="second@example.com", verified=False, primary=False)
    from accounts.services import secure_account_after_inbox_proof

    wiped = secure_account_after_inbox_proof(None, email_address=extra)

    user.refresh_from_db()
    assert wiped is False and user.check_password(password)

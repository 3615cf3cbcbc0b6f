"""Magic links: hash-only, single use, 10 minutes, scanner-safe, code for another device."""

from __future__ import annotations

import hashlib
import re
from datetime import timedelta

import pytest
import time_machine
from allauth.account.models import EmailAddress
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.models import MagicLink
from accounts.tests.conftest import last_mail_to, links_in, path_of
from accounts.tests.factories import UserFactory


def _ask(client: Client, email: str):
    return client.post(reverse("accounts:magic-link-request"), {"email": email})


def _link_and_code(email: str) -> tuple[str, str]:
    message = last_mail_to(email)
    link = path_of(next(u for u in links_in(message) if "/magic-link/" in u))
    code = re.search(r"\b([A-Z2-9]{4}-[A-Z2-9]{4})\b", message.body).group(1)
    return link, code


@pytest.mark.smoke
@pytest.mark.django_db
def test_magic_link_stores_only_hashes_of_the_link_and_code(client, user):
    _ask(client, user.email)
    link, code = _link_and_code(user.email)
    token = link.rstrip("/").rsplit("/", 1)[-1]

    row = MagicLink.objects.get(user=user)

    assert row.token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert token not in row.token_hash and code.replace("-", "") not in row.code_hash
    assert timedelta(seconds=599) < row.expires_at - row.created_at <= timedelta(seconds=600)


@pytest.mark.smoke
@pytest.mark.django_db
def test_magic_link_get_only_shows_a_confirm_page_and_post_signs_in(client, user):
    _ask(client, user.email)
    link, _ = _link_and_code(user.email)
    browser = Client()

    scanner_view = browser.get(link)
    scanner_again = browser.get(link)
    signed_in = browser.post(link)

    assert scanner_view.status_code == scanner_again.status_code == 200
    assert scanner_view["Referrer-Policy"] == "no-referrer"
    assert b"Sign in to" in scanner_view.content
    assert signed_in.status_code == 302 and signed_in["Location"] == reverse("core:dashboard")
    assert browser.session["_auth_user_id"] == str(user.pk)
    assert MagicLink.objects.get(user=user).used_at is not None


@pytest.mark.django_db
def test_magic_link_is_single_use(client, user):
    _ask(client, user.email)
    link, _ = _link_and_code(user.email)
    Client().post(link)

    reuse = Client().post(link)

    assert reuse.status_code == 400 and b"can't be used" in reuse.content
    assert "_auth_user_id" not in reuse.client.session


@pytest.mark.django_db
def test_magic_link_expires_after_ten_minutes(client, user):
    _ask(client, user.email)
    link, _ = _link_and_code(user.email)

    with time_machine.travel(timezone.now() + timedelta(minutes=10, seconds=1)):
        late = Client().post(link)

    assert late.status_code == 400
    assert "_auth_user_id" not in late.client.session


@pytest.mark.django_db
def test_magic_link_unknown_token_is_refused():
    response = Client().post(reverse("accounts:magic-link-confirm", args=["not-a-real-token"]))

    assert response.status_code == 400 and b"can't be used" in response.content


@pytest.mark.django_db
def test_magic_code_signs_in_the_requesting_browser(client, user):
    _ask(client, user.email)
    _, code = _link_and_code(user.email)

    response = client.post(reverse("accounts:magic-link-sent"), {"code": code.lower()})

    assert response.status_code == 302 and response["Location"] == reverse("core:dashboard")
    assert client.session["_auth_user_id"] == str(user.pk)


@pytest.mark.django_db
def test_magic_code_only_works_in_the_browser_that_asked(client, user):
    _ask(client, user.email)
    _, code = _link_and_code(user.email)

    response = Client().post(reverse("accounts:magic-link-sent"), {"code": code})

    assert response.status_code == 400 and b"wrong or has expired" in response.content


@pytest.mark.django_db
def test_magic_code_is_burned_after_five_wrong_tries(client, user):
    _ask(client, user.email)
    link, code = _link_and_code(user.email)

    for _ in range(5):
        client.post(reverse("accounts:magic-link-sent"), {"code": "AAAA-AAAA"})
    right_code = client.post(reverse("accounts:magic-link-sent"), {"code": code})
    link_after = Client().post(link)

    assert right_code.status_code == 400
    assert link_after.status_code == 400
    assert MagicLink.objects.get(user=user).code_attempts == 5


@pytest.mark.django_db
def test_magic_link_using_one_retires_the_accounts_other_links(client, user):
    _ask(client, user.email)
    first_link, _ = _link_and_code(user.email)
    _ask(client, user.email)
    second_link, _ = _link_and_code(user.email)

    Client().post(second_link)
    first = Client().post(first_link)

    assert first.status_code == 400
    assert MagicLink.objects.filter(user=user, used_at__isnull=True).count() == 0


@pytest.mark.django_db
def test_magic_link_unknown_address_stores_nothing_and_mails_a_notice(client):
    response = _ask(client, "nobody@example.com")

    assert response["Location"] == reverse("accounts:magic-link-sent")
    assert MagicLink.objects.count() == 0
    assert "no account uses it" in last_mail_to("nobody@example.com").body


@pytest.mark.django_db
def test_magic_link_still_asks_for_the_totp_code_when_mfa_is_on(client):
    from allauth.mfa.totp.internal.auth import TOTP

    user = UserFactory()
    TOTP.activate(user, "JBSWY3DPEHPK3PXP")
    _ask(client, user.email)
    link, _ = _link_and_code(user.email)
    browser = Client()

    response = browser.post(link)

    assert response.status_code == 302 and response["Location"] == reverse("mfa_authenticate")
    assert "_auth_user_id" not in browser.session


@pytest.mark.django_db
def test_magic_link_verifies_an_unverified_address(client):
    user = UserFactory(verified=False)
    EmailAddress.objects.create(user=user, email=user.email, verified=False, primary=True)
    _ask(client, user.email)
    link, _ = _link_and_code(user.email)

    Client().post(link)

    assert EmailAddress.objects.get(user=user).verified is True


@pytest.mark.django_db
def test_magic_link_to_a_verified_secondary_address_signs_in_its_account(client, user):
    EmailAddress.objects.create(user=user, email="work@example.com", verified=True, primary=False)

    _ask(client, "work@example.com")
    link, _ = _link_and_code("work@example.com")
    browser = Client()
    browser.post(link)

    assert browser.session["_auth_user_id"] == str(user.pk)

"""TOTP with recovery codes (allauth.mfa) in our layout."""

from __future__ import annotations

import re
import time

import pytest
import time_machine
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.test import Client
from django.urls import reverse


def totp_now(secret: str, *, offset: int = 0) -> str:
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30 + offset))


def _signed_in(user, password) -> Client:
    client = Client()
    client.post(reverse("account_login"), {"login": user.email, "password": password})
    # Enabling MFA is a sensitive change: allauth asks for the password again first.
    client.post(reverse("account_reauthenticate"), {"password": password})
    return client


def _activate_totp(client: Client) -> str:
    page = client.get(reverse("mfa_activate_totp"))
    secret = re.search(r'id="authenticator_secret"[^>]*value="([A-Z2-7]+)"', page.content.decode()).group(1)
    client.post(reverse("mfa_activate_totp"), {"code": totp_now(secret)})
    return secret


@pytest.mark.django_db
def test_totp_activation_page_renders_qr_as_image_without_inline_script(user, password):
    client = _signed_in(user, password)

    page = client.get(reverse("mfa_activate_totp")).content.decode()

    assert '<img src="data:image/svg+xml;base64,' in page and 'class="qr"' in page
    inline_scripts = [s for s in re.findall(r"<script([^>]*)>", page) if "src=" not in s and "application/json" not in s]
    assert inline_scripts == []
    assert 'href="/static/css/accounts.css"' in page


@pytest.mark.smoke
@pytest.mark.django_db
def test_totp_activation_creates_totp_and_recovery_codes(user, password):
    client = _signed_in(user, password)

    _activate_totp(client)

    assert sorted(Authenticator.objects.filter(user=user).values_list("type", flat=True)) == ["recovery_codes", "totp"]
    codes_page = client.get(reverse("mfa_view_recovery_codes")).content.decode()
    assert len(set(re.findall(r"\b\d{8}\b", codes_page))) == 10


@pytest.mark.django_db
def test_login_with_totp_requires_the_code(user, password):
    secret = _activate_totp(_signed_in(user, password))
    client = Client()

    first_step = client.post(reverse("account_login"), {"login": user.email, "password": password})
    wrong = client.post(reverse("mfa_authenticate"), {"code": "000000" if totp_now(secret) != "000000" else "111111"})

    assert first_step["Location"] == reverse("mfa_authenticate")
    assert wrong.status_code == 200 and "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_login_with_a_recovery_code_works_once(user, password):
    _activate_totp(_signed_in(user, password))
    code = Authenticator.objects.get(user=user, type="recovery_codes").wrap().get_unused_codes()[0]
    client = Client()

    client.post(reverse("account_login"), {"login": user.email, "password": password})
    done = client.post(reverse("mfa_authenticate"), {"code": code})
    again = Client()
    again.post(reverse("account_login"), {"login": user.email, "password": password})
    reuse = again.post(reverse("mfa_authenticate"), {"code": code})

    assert done.status_code == 302 and client.session["_auth_user_id"] == str(user.pk)
    assert reuse.status_code == 200 and "_auth_user_id" not in again.session


@pytest.mark.django_db
def test_totp_code_signs_in_after_password(user, password):
    secret = _activate_totp(_signed_in(user, password))
    client = Client()

    # Tolerance is 0 and a used code is refused within its period: sign in one period later.
    with time_machine.travel(time.time() + 30, tick=True):
        client.post(reverse("account_login"), {"login": user.email, "password": password})
        done = client.post(reverse("mfa_authenticate"), {"code": totp_now(secret)})

    assert done.status_code == 302 and client.session["_auth_user_id"] == str(user.pk)


@pytest.mark.django_db
def test_api_me_reports_mfa_enabled_after_activation(user, password):
    client = _signed_in(user, password)
    _activate_totp(client)

    assert client.get("/api/v1/me").json()["mfa_enabled"] is True

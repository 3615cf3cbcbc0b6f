"""One real-browser walk through the account flows (Debian's Chromium via Playwright).

sign up -> open the verification link from the outbox -> log in -> enable TOTP
-> log out -> log in with a TOTP code -> sign out all other sessions.
"""

from __future__ import annotations

import re
import time

import pytest
import time_machine
from allauth.mfa.models import Authenticator
from allauth.usersessions.models import UserSession
from django.core import mail
from django.test import Client

from accounts.models import User
from accounts.tests.conftest import links_in, path_of
from accounts.tests.test_mfa import totp_now

EMAIL = "e2e.seeker@example.com"
PASSWORD = "lantern meadow quietly 58"


@pytest.mark.e2e
def test_signup_verify_login_totp_and_sign_out_other_sessions(page, live_server, transactional_db):
    base = live_server.url

    page.goto(f"{base}/accounts/signup/")
    page.get_by_label("Email").fill(EMAIL)
    page.locator("#id_password1").fill(PASSWORD)
    page.locator("#id_password2").fill(PASSWORD)
    page.get_by_role("button", name="Create account").click()
    page.wait_for_url(re.compile(r"/accounts/confirm-email/$"))

    verification = path_of(links_in(mail.outbox[-1])[0])
    page.goto(base + verification)
    page.get_by_role("button", name="Confirm").click()
    page.wait_for_url(re.compile(r"/accounts/login/"))

    page.get_by_label("Email").fill(EMAIL)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in", exact=True).click()
    page.wait_for_url(re.compile(r"/dashboard/$"))

    page.goto(f"{base}/accounts/2fa/totp/activate/")
    page.wait_for_url(re.compile(r"/accounts/reauthenticate/"))
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Confirm").click()
    page.wait_for_url(re.compile(r"/accounts/2fa/totp/activate/$"))
    secret = page.locator("#authenticator_secret").input_value()
    page.get_by_label("Authenticator code").fill(totp_now(secret))
    page.get_by_role("button", name="Activate").click()
    page.wait_for_url(re.compile(r"/accounts/2fa/"))
    user = User.objects.get(email=EMAIL)
    assert Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()

    page.get_by_role("button", name="Sign out").first.click()
    page.wait_for_url(re.compile(r"/accounts/login/"))

    # TOTP tolerance is 0 and a used code is refused within its period: sign in one period later.
    with time_machine.travel(time.time() + 30, tick=True):
        page.get_by_label("Email").fill(EMAIL)
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Sign in", exact=True).click()
        page.wait_for_url(re.compile(r"/accounts/2fa/authenticate/"))
        page.get_by_label("Code").fill(totp_now(secret))
        page.get_by_role("button", name="Sign In").click()
        page.wait_for_url(re.compile(r"/dashboard/$"))

        other_device = Client(HTTP_USER_AGENT="Other device/1.0")
        other_device.post("/accounts/login/", {"login": EMAIL, "password": PASSWORD})
        recovery_code = Authenticator.objects.get(user=user, type="recovery_codes").wrap().get_unused_codes()[0]
        other_device.post("/accounts/2fa/authenticate/", {"code": recovery_code})
        assert other_device.get("/accounts/settings/").status_code == 200
        page.goto(f"{base}/accounts/sessions/")
        assert page.locator("#session-list tbody tr").count() == 2
        page.get_by_role("button", name="Sign out all other sessions").click()
        page.wait_for_url(re.compile(r"/accounts/sessions/$"))

        assert page.locator("#session-list tbody tr").count() == 1
        assert page.locator("#session-list").get_by_text("This browser").is_visible()
        assert UserSession.objects.filter(user=user).count() == 1
        assert other_device.get("/accounts/settings/").status_code == 302

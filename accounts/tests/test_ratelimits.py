"""Rate limits per IP and per account, proved against the real Redis cache.

Rates are lowered with settings so each test makes a handful of requests; the
counting, the keys and the 429 answers are the production code paths.
"""

from __future__ import annotations

import pytest
from django.conf import settings
from django.core.cache import caches
from django.test import Client
from django.urls import reverse

from accounts.models import MagicLink

pytestmark = [pytest.mark.redis, pytest.mark.django_db]


@pytest.fixture(autouse=True)
def _real_redis():
    assert caches["default"].__class__.__name__ == "RedisCache" and settings.REDIS_URL


def _client(ip: str) -> Client:
    return Client(REMOTE_ADDR=ip)


def _limits(settings, **rates):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, **rates}


def test_login_per_ip_limit_shows_the_friendly_429_page(settings, user, password):
    _limits(settings, login="2/m/ip")
    client = _client("203.0.113.7")

    answers = [client.post(reverse("account_login"), {"login": user.email, "password": "wrong one 1"}) for _ in range(3)]
    other_ip = _client("203.0.113.8").post(reverse("account_login"), {"login": user.email, "password": password})

    assert [a.status_code for a in answers] == [200, 200, 429]
    assert b"Too many attempts" in answers[2].content and answers[2]["Retry-After"].isdigit()
    assert other_ip.status_code == 302


def test_failed_logins_are_limited_per_account_across_ips(settings, user, password):
    _limits(settings, login_failed="100/m/ip,3/5m/key")

    for i in range(3):
        _client(f"198.51.100.{i}").post(reverse("account_login"), {"login": user.email, "password": "wrong one 1"})
    blocked = _client("198.51.100.99").post(reverse("account_login"), {"login": user.email, "password": password})

    assert blocked.status_code == 200 and "_auth_user_id" not in blocked.client.session
    assert "Too many failed login attempts" in str(blocked.context["form"].non_field_errors())


def test_signup_per_ip_limit(settings, password):
    _limits(settings, signup="2/m/ip")
    client = _client("203.0.113.20")

    answers = [
        client.post(reverse("account_signup"), {"email": f"s{i}@example.com", "password1": password, "password2": password})
        for i in range(3)
    ]

    assert [a.status_code for a in answers] == [302, 302, 429]


def test_signup_per_address_limit_answers_the_api_with_retry_after_in_the_envelope(settings, password):
    settings.SIGNUP_RATE_PER_EMAIL = "2/h"
    url = "/_allauth/browser/v1/auth/signup"

    answers = [
        _client(f"192.0.2.{i}").post(url, {"email": "target@example.com", "password": password}, content_type="application/json")
        for i in range(3)
    ]

    limited = answers[2]
    assert limited.status_code == 429
    assert limited.json()["error"]["code"] == "RATE_LIMITED"
    assert 1 <= int(limited["Retry-After"]) <= 3600


def test_password_reset_per_address_limit(settings, user):
    _limits(settings, reset_password="100/m/ip,2/m/key")

    answers = [_client(f"192.0.2.{i}").post(reverse("account_reset_password"), {"email": user.email}) for i in range(3)]

    assert [a.status_code for a in answers] == [302, 302, 429]


def test_magic_link_per_address_limit_across_ips(settings, user):
    settings.MAGIC_LINK_RATE_PER_EMAIL = "2/h"

    answers = [_client(f"192.0.2.{i}").post(reverse("accounts:magic-link-request"), {"email": user.email}) for i in range(3)]

    assert [a.status_code for a in answers] == [302, 302, 429]
    assert b"Too many attempts" in answers[2].content and int(answers[2]["Retry-After"]) > 60
    assert MagicLink.objects.filter(user=user).count() == 2


def test_magic_link_per_ip_limit_across_addresses(settings):
    settings.MAGIC_LINK_RATE_PER_IP = "2/h"
    client = _client("192.0.2.50")

    answers = [client.post(reverse("accounts:magic-link-request"), {"email": f"a{i}@example.com"}) for i in range(3)]

    assert [a.status_code for a in answers] == [302, 302, 429]


def test_change_password_per_account_limit(settings, user, password):
    _limits(settings, change_password="2/m/user,100/m/ip")
    client = _client("192.0.2.60")
    client.post(reverse("account_login"), {"login": user.email, "password": password})

    answers = [
        client.post(reverse("account_change_password"), {"oldpassword": "wrong one 1", "password1": "x", "password2": "x"})
        for _ in range(3)
    ]

    assert [a.status_code for a in answers] == [200, 200, 429]


def test_limits_live_in_redis_shared_by_every_process(settings, user):
    settings.MAGIC_LINK_RATE_PER_EMAIL = "5/h"
    _client("192.0.2.70").post(reverse("accounts:magic-link-request"), {"email": user.email})

    raw = caches["default"]._cache.get_client(write=False)
    keys = [k.decode() for k in raw.scan_iter(match="*rl:*")]

    assert keys, "no rate-limit counter found in Redis"

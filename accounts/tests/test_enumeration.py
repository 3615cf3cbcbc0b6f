"""Enumeration safety, proved by mechanism: the same answer and the same hasher work."""

from __future__ import annotations

import pytest
from django.contrib.auth.hashers import Argon2PasswordHasher
from django.core import mail
from django.test import Client
from django.urls import reverse

from accounts.tests.factories import UserFactory


@pytest.fixture
def hasher_calls(monkeypatch):
    """Counts every Argon2 verify/encode (the work an attacker could time)."""
    calls: list[str] = []
    real_verify, real_encode = Argon2PasswordHasher.verify, Argon2PasswordHasher.encode

    def verify(self, password, encoded):
        calls.append("verify")
        return real_verify(self, password, encoded)

    def encode(self, password, salt):
        calls.append("encode")
        return real_encode(self, password, salt)

    monkeypatch.setattr(Argon2PasswordHasher, "verify", verify)
    monkeypatch.setattr(Argon2PasswordHasher, "encode", encode)
    return calls


def _login(email: str, password: str):
    return Client().post(reverse("account_login"), {"login": email, "password": password})


@pytest.mark.smoke
@pytest.mark.django_db
def test_login_runs_the_hasher_equally_for_unknown_email_wrong_password_and_no_password(hasher_calls):
    user = UserFactory()
    social_only = UserFactory()
    social_only.set_unusable_password()
    social_only.save()
    hasher_calls.clear()
    counts, bodies = {}, {}

    for case, email in {"unknown": "nobody@example.com", "wrong": user.email, "no_password": social_only.email}.items():
        start = len(hasher_calls)
        response = _login(email, "definitely not it 42")
        counts[case] = len(hasher_calls) - start
        bodies[case] = (response.status_code, str(response.context["form"].non_field_errors()))

    assert counts == {"unknown": 1, "wrong": 1, "no_password": 1}
    assert bodies["unknown"] == bodies["wrong"] == bodies["no_password"]


@pytest.mark.django_db
def test_headless_login_gives_identical_answers_for_unknown_and_wrong(hasher_calls):
    user = UserFactory()
    hasher_calls.clear()
    url = "/_allauth/app/v1/auth/login"

    unknown = Client().post(url, {"email": "nobody@example.com", "password": "definitely not it 42"}, content_type="application/json")
    after_unknown = len(hasher_calls)
    wrong = Client().post(url, {"email": user.email, "password": "definitely not it 42"}, content_type="application/json")

    assert unknown.status_code == wrong.status_code == 400
    assert unknown.json() == wrong.json()
    assert after_unknown == len(hasher_calls) - after_unknown == 1


@pytest.mark.django_db
def test_password_reset_answers_alike_and_mails_once_either_way(user):
    known = Client().post(reverse("account_reset_password"), {"email": user.email})
    unknown = Client().post(reverse("account_reset_password"), {"email": "nobody@example.com"})

    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"])
    assert sorted(len([m for m in mail.outbox if m.to == [a]]) for a in (user.email, "nobody@example.com")) == [1, 1]


@pytest.mark.django_db
def test_magic_link_request_answers_alike_for_known_and_unknown(user):
    known = Client().post(reverse("accounts:magic-link-request"), {"email": user.email})
    unknown = Client().post(reverse("accounts:magic-link-request"), {"email": "nobody@example.com"})

    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"]) == (
        302,
        reverse("accounts:magic-link-sent"),
    )
    assert [m.to for m in mail.outbox] == [[user.email], ["nobody@example.com"]]

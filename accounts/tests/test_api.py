"""GET/PATCH /api/v1/me with a browser session (CSRF enforced) and a headless JWT bearer."""

from __future__ import annotations

import pytest
from django.test import Client

from accounts.tests.factories import UserFactory

ME = "/api/v1/me"
APP_LOGIN = "/_allauth/app/v1/auth/login"


def _bearer(user, password) -> str:
    response = Client().post(APP_LOGIN, {"email": user.email, "password": password}, content_type="application/json")
    assert response.status_code == 200, response.content
    return response.json()["meta"]["access_token"]


@pytest.mark.smoke
@pytest.mark.django_db
def test_me_anonymous_gets_401_envelope(client):
    response = client.get(ME)

    body = response.json()
    assert response.status_code == 401
    assert body["error"]["code"] == "UNAUTHORIZED" and body["error"]["request_id"] == response["X-Request-ID"]
    assert response["WWW-Authenticate"].startswith("Bearer")


@pytest.mark.smoke
@pytest.mark.django_db
def test_me_with_a_session(client_for, user):
    response = client_for(user).get(ME)

    assert response.json() == {
        "id": str(user.pk),
        "email": user.email,
        "name": user.name,
        "email_verified": True,
        "has_password": True,
        "mfa_enabled": False,
    }


@pytest.mark.django_db
def test_me_reports_unverified_and_passwordless():
    user = UserFactory(verified=False)
    user.set_unusable_password()
    user.save()
    client = Client()
    client.force_login(user)

    body = client.get(ME).json()

    assert (body["email_verified"], body["has_password"]) == (False, False)


@pytest.mark.django_db
def test_me_patch_with_session_requires_csrf(user):
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)

    refused = client.patch(ME, {"name": "Changed"}, content_type="application/json")
    client.get("/accounts/settings/")
    token = client.cookies["csrftoken"].value
    accepted = client.patch(ME, {"name": "Changed"}, content_type="application/json", HTTP_X_CSRFTOKEN=token)

    user.refresh_from_db()
    assert refused.status_code == 403 and refused.json()["error"]["code"] == "FORBIDDEN"
    assert accepted.json()["name"] == "Changed" and user.name == "Changed"


@pytest.mark.smoke
@pytest.mark.django_db
def test_headless_app_login_gives_a_bearer_token_for_the_api(user, password):
    token = _bearer(user, password)

    response = Client().get(ME, HTTP_AUTHORIZATION=f"Bearer {token}")

    assert response.status_code == 200 and response.json()["id"] == str(user.pk)


@pytest.mark.django_db
def test_bearer_patch_needs_no_csrf(user, password):
    token = _bearer(user, password)

    response = Client(enforce_csrf_checks=True).patch(
        ME, {"name": "From the app"}, content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {token}"
    )

    user.refresh_from_db()
    assert response.status_code == 200 and user.name == "From the app"


@pytest.mark.django_db
def test_bad_bearer_token_is_401(user):
    response = Client().get(ME, HTTP_AUTHORIZATION="Bearer not.a.jwt")

    assert response.status_code == 401 and response.json()["error"]["code"] == "UNAUTHORIZED"


@pytest.mark.django_db
def test_bearer_token_dies_with_its_session(user, password):
    token = _bearer(user, password)
    from accounts.services import end_sessions

    end_sessions(user=user)
    response = Client().get(ME, HTTP_AUTHORIZATION=f"Bearer {token}")

    assert response.status_code == 401


@pytest.mark.django_db
def test_me_patch_refuses_blank_name(client_for, user):
    response = client_for(user).patch(ME, {"name": "  "}, content_type="application/json")

    assert response.status_code == 400
    assert response.json()["error"]["details"] == {"name": ["This field may not be blank."]}

"""Google and LinkedIn (OpenID Connect) sign-in with state and PKCE, on recorded responses."""

from __future__ import annotations

import pytest
from allauth.account.models import EmailAddress
from allauth.socialaccount.models import SocialAccount
from django.test import Client
from django.urls import reverse

from accounts.models import User
from accounts.tests.conftest import GOOGLE_CLIENT_ID, LINKEDIN_CLIENT_ID
from accounts.tests.factories import UserFactory
from accounts.tests.recordings import mock_google, mock_linkedin, query_of

PROVIDERS = {
    "google": {
        "start": "/accounts/google/login/",
        "callback": "/accounts/google/login/callback/",
        "authorize": "https://accounts.google.com/o/oauth2/v2/auth",
        "mock": mock_google,
        "client_id": GOOGLE_CLIENT_ID,
    },
    "linkedin": {
        "start": "/accounts/oidc/linkedin/login/",
        "callback": "/accounts/oidc/linkedin/login/callback/",
        "authorize": "https://www.linkedin.com/oauth/v2/authorization",
        "mock": mock_linkedin,
        "client_id": LINKEDIN_CLIENT_ID,
    },
}


def _sign_in(client: Client, oauth_http, name: str, *, email: str, email_verified: bool = True, process: str = "login"):
    spec = PROVIDERS[name]
    spec["mock"](oauth_http, client_id=spec["client_id"], email=email, email_verified=email_verified)
    started = client.post(spec["start"], {"process": process})
    params = query_of(started["Location"])
    return started, params, client.get(spec["callback"], {"code": "recorded-auth-code", "state": params["state"]})


@pytest.mark.parametrize("name", PROVIDERS)
@pytest.mark.django_db
def test_oauth_start_sends_state_and_pkce_s256(client, providers, oauth_http, name):
    spec = PROVIDERS[name]
    if name == "linkedin":
        mock_linkedin(oauth_http, client_id=spec["client_id"], email="x@example.com")

    started = client.post(spec["start"])

    params = query_of(started["Location"])
    assert started["Location"].startswith(spec["authorize"])
    assert len(params["state"]) >= 12
    assert params["code_challenge_method"] == "S256" and len(params["code_challenge"]) == 43
    assert params["scope"].split() == ["openid", "email", "profile"] or set(params["scope"].split()) >= {"openid", "email"}


@pytest.mark.parametrize("name", PROVIDERS)
@pytest.mark.django_db
def test_oauth_new_verified_user_is_created_verified_and_signed_in(client, providers, oauth_http, name):
    _, _, done = _sign_in(client, oauth_http, name, email="ada@example.com")

    user = User.objects.get(email="ada@example.com")
    assert done.status_code == 302 and done["Location"] == reverse("core:dashboard")
    assert client.session["_auth_user_id"] == str(user.pk)
    assert user.name == "Ada Seeker" and user.has_usable_password() is False
    assert EmailAddress.objects.get(user=user).verified is True
    assert SocialAccount.objects.get(user=user).provider in {"google", "linkedin"}


@pytest.mark.django_db
def test_oauth_token_exchange_sends_the_pkce_verifier(client, providers, oauth_http):
    _sign_in(client, oauth_http, "google", email="ada@example.com")

    token_call = next(c for c in oauth_http.calls if c.request.url.startswith("https://oauth2.googleapis.com/token"))
    body = token_call.request.body if isinstance(token_call.request.body, str) else token_call.request.body.decode()
    assert "code_verifier=" in body and "code=recorded-auth-code" in body


@pytest.mark.django_db
def test_oauth_callback_with_a_wrong_state_is_refused(client, providers, oauth_http):
    mock_google(oauth_http, client_id=GOOGLE_CLIENT_ID, email="ada@example.com")
    client.post(PROVIDERS["google"]["start"])

    response = client.get(PROVIDERS["google"]["callback"], {"code": "recorded-auth-code", "state": "forged-state"})

    assert response.status_code == 401 and b"Third-Party Login Failure" in response.content
    assert not User.objects.filter(email="ada@example.com").exists()
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize("name", PROVIDERS)
@pytest.mark.django_db
def test_oauth_links_when_both_sides_verified_the_email(client, providers, oauth_http, name):
    existing = UserFactory(email="ada@example.com")

    _, _, done = _sign_in(client, oauth_http, name, email="ADA@example.com")

    assert done.status_code == 302
    assert client.session["_auth_user_id"] == str(existing.pk)
    assert User.objects.filter(email__iexact="ada@example.com").count() == 1
    assert SocialAccount.objects.get().user == existing


@pytest.mark.parametrize("name", PROVIDERS)
@pytest.mark.django_db
def test_oauth_refuses_when_the_provider_did_not_verify_the_email(client, providers, oauth_http, name):
    existing = UserFactory(email="ada@example.com")

    _, _, done = _sign_in(client, oauth_http, name, email="ada@example.com", email_verified=False)

    assert done.status_code == 409
    assert b"Sign in with the method you used before" in done.content
    assert "_auth_user_id" not in client.session
    assert User.objects.filter(email__iexact="ada@example.com").count() == 1
    assert not SocialAccount.objects.exists()
    existing.refresh_from_db()
    assert existing.has_usable_password()


@pytest.mark.django_db
def test_oauth_refuses_when_the_address_is_unverified_on_a_verified_account(client, providers, oauth_http):
    existing = UserFactory(email="main@example.com")
    EmailAddress.objects.create(user=existing, email="ada@example.com", verified=False, primary=False)

    _, _, done = _sign_in(client, oauth_http, "google", email="ada@example.com")

    assert done.status_code == 409
    assert not SocialAccount.objects.exists()
    assert User.objects.count() == 1


@pytest.mark.django_db
def test_oauth_verified_email_takes_over_a_never_verified_password_account(client, providers, oauth_http, client_for):
    squatter = UserFactory(email="ada@example.com", verified=False)
    EmailAddress.objects.create(user=squatter, email="ada@example.com", verified=False, primary=True)
    squatter_session = client_for(squatter)

    _, _, done = _sign_in(client, oauth_http, "google", email="ada@example.com")

    squatter.refresh_from_db()
    assert done.status_code == 302
    assert client.session["_auth_user_id"] == str(squatter.pk)
    assert squatter.has_usable_password() is False
    assert EmailAddress.objects.get(user=squatter).verified is True
    assert squatter_session.get(reverse("accounts:settings")).status_code == 302


@pytest.mark.django_db
def test_oauth_new_unverified_user_must_verify_by_email(client, providers, oauth_http):
    _, _, done = _sign_in(client, oauth_http, "linkedin", email="new@example.com", email_verified=False)

    user = User.objects.get(email="new@example.com")
    assert done["Location"] == reverse("account_email_verification_sent")
    assert EmailAddress.objects.get(user=user).verified is False
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_oauth_existing_social_account_signs_in_even_after_email_change(client, providers, oauth_http):
    _sign_in(client, oauth_http, "google", email="ada@example.com")
    client.post(reverse("account_logout"))
    oauth_http.reset()

    _, _, done = _sign_in(Client(), oauth_http, "google", email="ada.new@example.com")

    assert done.status_code == 302
    assert User.objects.count() == 1


@pytest.mark.django_db
def test_connect_a_provider_from_settings_then_disconnect_it(client_for, user, providers, oauth_http):
    client = client_for(user)

    _, _, done = _sign_in(client, oauth_http, "google", email=user.email, process="connect")
    account = SocialAccount.objects.get(user=user)
    disconnected = client.post(reverse("socialaccount_connections"), {"account": account.pk})

    assert done.status_code == 302
    assert disconnected.status_code == 302
    assert not SocialAccount.objects.filter(user=user).exists()


@pytest.mark.django_db
def test_disconnecting_the_last_way_to_sign_in_is_refused(client, providers, oauth_http):
    _sign_in(client, oauth_http, "google", email="ada@example.com")
    account = SocialAccount.objects.get()

    response = client.post(reverse("socialaccount_connections"), {"account": account.pk})

    assert response.status_code == 200
    assert "no password" in response.content.decode().lower()
    assert SocialAccount.objects.filter(pk=account.pk).exists()


@pytest.mark.django_db
def test_oauth_login_still_asks_for_the_second_factor(client, providers, oauth_http):
    from allauth.mfa.totp.internal.auth import TOTP

    existing = UserFactory(email="ada@example.com")
    SocialAccount.objects.create(user=existing, provider="google", uid="110169484474386276334")
    TOTP.activate(existing, "JBSWY3DPEHPK3PXP")

    _, _, done = _sign_in(client, oauth_http, "google", email="ada@example.com")

    assert done["Location"] == reverse("mfa_authenticate")
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_oauth_links_to_the_verified_owner_when_someone_else_added_the_address_unverified(client, providers, oauth_http):
    owner = UserFactory(email="ada@example.com")
    squatter = UserFactory(email="squatter@example.com")
    EmailAddress.objects.create(user=squatter, email="ada@example.com", verified=False, primary=False)

    _, _, done = _sign_in(client, oauth_http, "google", email="ada@example.com")

    assert done.status_code == 302
    assert client.session["_auth_user_id"] == str(owner.pk)
    assert SocialAccount.objects.get().user == owner

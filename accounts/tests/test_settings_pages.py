"""The account settings hub, sessions page, name and account deletion."""

from __future__ import annotations

import re

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.usersessions.models import UserSession
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse

from accounts.models import MagicLink, User
from accounts.tests.factories import UserFactory


def _login(user, password, user_agent: str = "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0") -> Client:
    client = Client(HTTP_USER_AGENT=user_agent)
    client.post(reverse("account_login"), {"login": user.email, "password": password})
    return client


@pytest.mark.smoke
@pytest.mark.django_db
def test_settings_hub_summarises_every_section(user, password):
    client = _login(user, password)

    page = client.get(reverse("accounts:settings")).content.decode()

    for section in ("name-card", "email-card", "password-card", "mfa-card", "providers-card", "sessions-card", "delete-card"):
        assert f'id="{section}"' in page
    assert user.email in page and "Verified" in page
    assert "1 active session." in page
    assert reverse("account_change_password") in page


@pytest.mark.django_db
def test_settings_hub_offers_set_password_to_a_provider_user(client_for):
    user = UserFactory()
    user.set_unusable_password()
    user.save()

    page = client_for(user).get(reverse("accounts:settings")).content.decode()

    assert reverse("account_set_password") in page and "You have no password yet" in page


@pytest.mark.django_db
def test_settings_requires_sign_in(client):
    response = client.get(reverse("accounts:settings"))

    assert response.status_code == 302 and response["Location"].startswith(reverse("account_login"))


@pytest.mark.django_db
def test_update_name_by_htmx_returns_the_card_fragment(client_for, user):
    client = client_for(user)

    response = client.post(reverse("accounts:name-update"), {"name": "  Grace Hopper "}, HTTP_HX_REQUEST="true")

    user.refresh_from_db()
    body = response.content.decode()
    assert user.name == "Grace Hopper"
    assert body.lstrip().startswith('<section class="card" id="name-card">') and "<html" not in body
    assert "Saved" in body and response["Vary"].count("HX-Request") == 1


@pytest.mark.django_db
def test_update_name_plain_post_redirects_and_refuses_blank(client_for, user):
    client = client_for(user)

    saved = client.post(reverse("accounts:name-update"), {"name": "Grace"})
    blank = client.post(reverse("accounts:name-update"), {"name": "   "})

    user.refresh_from_db()
    assert saved.status_code == 302 and saved["Location"] == reverse("accounts:settings")
    assert blank.status_code == 400 and "This field is required." in blank.content.decode()
    assert user.name == "Grace"


@pytest.mark.django_db
def test_sessions_page_lists_device_ip_and_last_seen(user, password):
    _login(user, password, user_agent="Phone Safari/17")
    client = _login(user, password)

    page = client.get(reverse("usersessions_list")).content.decode()

    assert "Phone Safari/17" in page and "Firefox on Linux" in page
    assert "127.0.0.1" in page and "This browser" in page and "Last seen" in page
    assert len(re.findall(r'action="/accounts/sessions/\d+/end/"', page)) == 2


@pytest.mark.django_db
def test_sign_out_one_session(user, password):
    phone = _login(user, password, user_agent="Phone Safari/17")
    laptop = _login(user, password)
    phone_session = UserSession.objects.get(user=user, user_agent="Phone Safari/17")

    response = laptop.post(reverse("accounts:session-end", args=[phone_session.pk]))

    assert response["Location"] == reverse("usersessions_list")
    assert list(UserSession.objects.filter(user=user).values_list("user_agent", flat=True)) == ["Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0"]
    assert not Session.objects.filter(session_key=phone_session.session_key).exists()
    assert phone.get(reverse("accounts:settings")).status_code == 302
    assert laptop.get(reverse("accounts:settings")).status_code == 200


@pytest.mark.django_db
def test_sign_out_someone_elses_session_is_404(user, other_user, password):
    _login(other_user, password)
    theirs = UserSession.objects.get(user=other_user)
    client = _login(user, password)

    response = client.post(reverse("accounts:session-end", args=[theirs.pk]))

    assert response.status_code == 404
    assert UserSession.objects.filter(pk=theirs.pk).exists()


@pytest.mark.django_db
def test_sign_out_all_other_sessions(user, password):
    others = [_login(user, password, user_agent=f"Device {i}") for i in range(2)]
    client = _login(user, password)

    response = client.post(reverse("usersessions_list"))

    assert response.status_code == 302
    assert list(UserSession.objects.filter(user=user).values_list("session_key", flat=True)) == [client.session.session_key]
    assert [o.get(reverse("accounts:settings")).status_code for o in others] == [302, 302]


@pytest.mark.django_db
def test_delete_account_asks_for_reauthentication_then_confirmation(user, password):
    client = _login(user, password)

    first = client.get(reverse("accounts:delete"))
    client.post(reverse("account_reauthenticate"), {"password": password})
    page = client.get(reverse("accounts:delete"))
    wrong = client.post(reverse("accounts:delete"), {"confirm_email": "someone@else.com"})

    assert first["Location"].startswith(reverse("account_reauthenticate"))
    assert page.status_code == 200 and b"Type your email address" in page.content
    assert wrong.status_code == 400 and User.objects.filter(pk=user.pk).exists()


@pytest.mark.smoke
@pytest.mark.django_db
def test_delete_account_removes_everything_the_user_owns(user, other_user, password):
    Authenticator.objects.create(user=user, type=Authenticator.Type.RECOVERY_CODES, data={"seed": "x", "used_mask": 0})
    client = _login(user, password)
    client.post(reverse("accounts:magic-link-request"), {"email": user.email})
    other_device = _login(user, password)
    client.post(reverse("account_reauthenticate"), {"password": password})

    response = client.post(reverse("accounts:delete"), {"confirm_email": user.email.upper()})

    assert response["Location"] == reverse("account_login")
    assert not User.objects.filter(pk=user.pk).exists()
    assert EmailAddress.objects.filter(user_id=user.pk).count() == 0
    assert UserSession.objects.filter(user_id=user.pk).count() == 0
    assert MagicLink.objects.filter(user_id=user.pk).count() == 0
    assert Authenticator.objects.filter(user_id=user.pk).count() == 0
    assert other_device.get(reverse("accounts:settings")).status_code == 302
    assert User.objects.filter(pk=other_user.pk).exists()

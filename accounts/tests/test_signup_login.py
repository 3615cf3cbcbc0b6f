"""Signup with mandatory verification, login, logout, reset, change password."""

from __future__ import annotations

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.test import Client
from django.urls import reverse

from accounts.models import User
from accounts.tests.conftest import last_mail_to, links_in, path_of
from accounts.tests.factories import UserFactory

NEW_PASSWORD = "a-brand-new passphrase 77"


def _signup(client: Client, email: str, password: str):
    return client.post(reverse("account_signup"), {"email": email, "password1": password, "password2": password})


@pytest.mark.smoke
@pytest.mark.django_db
def test_signup_sends_verification_and_blocks_login_until_confirmed(client, password):
    response = _signup(client, "New.Seeker@Example.com", password)

    user = User.objects.get(email="new.seeker@example.com")
    assert response.status_code == 302 and response["Location"] == reverse("account_email_verification_sent")
    assert user.password.startswith("argon2")
    assert EmailAddress.objects.get(user=user).verified is False
    assert "confirm" in last_mail_to("new.seeker@example.com").subject.lower()

    blocked = Client().post(reverse("account_login"), {"login": "new.seeker@example.com", "password": password})
    assert blocked.status_code == 302 and blocked["Location"] == reverse("account_email_verification_sent")
    assert "_auth_user_id" not in blocked.client.session


@pytest.mark.smoke
@pytest.mark.django_db
def test_signup_confirmation_link_verifies_and_keeps_the_creators_password(client, password):
    _signup(client, "ada@example.com", password)
    link = path_of(links_in(last_mail_to("ada@example.com"))[0])

    page = client.get(link)
    confirmed = client.post(link)

    user = User.objects.get(email="ada@example.com")
    assert page.status_code == 200 and b"Confirm" in page.content
    assert confirmed.status_code == 302
    assert EmailAddress.objects.get(user=user).verified is True
    assert user.check_password(password)
    signed_in = Client()
    response = signed_in.post(reverse("account_login"), {"login": "ada@example.com", "password": password})
    assert response.status_code == 302 and response["Location"] == reverse("core:dashboard")
    assert signed_in.session["_auth_user_id"] == str(user.pk)


@pytest.mark.django_db
def test_signup_with_existing_address_reveals_nothing_and_creates_no_user(client, user, password):
    response = _signup(client, user.email.upper(), password)

    assert response.status_code == 302 and response["Location"] == reverse("account_email_verification_sent")
    assert User.objects.filter(email__iexact=user.email).count() == 1
    assert len(mail.outbox) == 1 and "already" in mail.outbox[0].body.lower()


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("short1!", "too short"),
        ("x" * 129, "too long"),
        ("password123", "too common"),
    ],
)
@pytest.mark.django_db
def test_signup_refuses_weak_passwords(client, password, message):
    response = _signup(client, "weak@example.com", password)

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not User.objects.filter(email="weak@example.com").exists()


@pytest.mark.django_db
def test_login_then_logout_ends_the_session(client, user, password):
    client.post(reverse("account_login"), {"login": user.email, "password": password})
    session_key = client.session.session_key

    client.post(reverse("account_logout"))

    assert "_auth_user_id" not in client.session
    from django.contrib.sessions.models import Session

    assert not Session.objects.filter(session_key=session_key).exists()


@pytest.mark.django_db
def test_login_wrong_password_and_unknown_email_answer_the_same(client, user):
    wrong = client.post(reverse("account_login"), {"login": user.email, "password": "not the password 1"})
    unknown = client.post(reverse("account_login"), {"login": "nobody@example.com", "password": "not the password 1"})

    def error_text(response) -> str:
        return str(response.context["form"].non_field_errors())

    assert wrong.status_code == unknown.status_code == 200
    assert error_text(wrong) == error_text(unknown) and "not correct" in error_text(wrong)


@pytest.mark.django_db
def test_password_reset_same_response_for_known_and_unknown(client, user):
    known = client.post(reverse("account_reset_password"), {"email": user.email})
    unknown = Client().post(reverse("account_reset_password"), {"email": "nobody@example.com"})

    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"] == reverse("account_reset_password_done")
    assert sorted(m.to[0] for m in mail.outbox) == sorted([user.email, "nobody@example.com"])


@pytest.mark.django_db
def test_password_reset_link_sets_a_new_password_and_ends_every_session(client, client_for, user, password):
    other_device = client_for(user)
    client.post(reverse("account_reset_password"), {"email": user.email})
    link = path_of(links_in(last_mail_to(user.email))[0])

    form_page = client.get(link, follow=True)
    done = client.post(form_page.redirect_chain[-1][0], {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})

    user.refresh_from_db()
    assert done.status_code == 302 and done["Location"] == reverse("account_reset_password_from_key_done")
    assert user.check_password(NEW_PASSWORD)
    assert other_device.get(reverse("accounts:settings")).status_code == 302


@pytest.mark.smoke
@pytest.mark.django_db
def test_change_password_keeps_caller_and_ends_other_sessions(client, client_for, user, password):
    client.post(reverse("account_login"), {"login": user.email, "password": password})
    other_device = client_for(user)
    assert other_device.get(reverse("accounts:settings")).status_code == 200

    response = client.post(
        reverse("account_change_password"),
        {"oldpassword": password, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )

    user.refresh_from_db()
    assert response.status_code == 302
    assert user.check_password(NEW_PASSWORD)
    assert client.get(reverse("accounts:settings")).status_code == 200
    from allauth.usersessions.models import UserSession

    assert list(UserSession.objects.filter(user=user).values_list("session_key", flat=True)) == [client.session.session_key]
    assert other_device.get(reverse("accounts:settings")).status_code == 302


@pytest.mark.django_db
def test_social_only_user_can_set_a_password(client_for):
    user = UserFactory()
    user.set_unusable_password()
    user.save()
    client = client_for(user)

    redirect = client.get(reverse("account_change_password"))
    response = client.post(reverse("account_set_password"), {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})

    user.refresh_from_db()
    assert redirect["Location"] == reverse("account_set_password")
    assert response.status_code == 302
    assert user.check_password(NEW_PASSWORD)


@pytest.mark.django_db
def test_change_password_mails_the_owner_a_notice(client, user, password):
    client.post(reverse("account_login"), {"login": user.email, "password": password})

    client.post(
        reverse("account_change_password"),
        {"oldpassword": password, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )

    notice = last_mail_to(user.email)
    assert "password" in notice.subject.lower() and "changed" in notice.body.lower()

"""Email addresses from the settings hub: add, verify, make primary, remove."""

from __future__ import annotations

import pytest
from allauth.account.models import EmailAddress
from django.test import Client
from django.urls import reverse

from accounts.tests.conftest import last_mail_to, links_in, path_of


def _signed_in(user, password) -> Client:
    client = Client()
    client.post(reverse("account_login"), {"login": user.email, "password": password})
    return client


@pytest.mark.django_db
def test_add_verify_make_primary_and_remove_an_address(user, password):
    client = _signed_in(user, password)
    old = user.email

    client.post(reverse("account_email"), {"action_add": "", "email": "new.home@example.com"})
    link = path_of(links_in(last_mail_to("new.home@example.com"))[0])
    client.post(link)
    client.post(reverse("account_email"), {"action_primary": "", "email": "new.home@example.com"})
    client.post(reverse("account_email"), {"action_remove": "", "email": old})

    user.refresh_from_db()
    assert list(EmailAddress.objects.filter(user=user).values_list("email", "verified", "primary")) == [
        ("new.home@example.com", True, True)
    ]
    assert user.email == "new.home@example.com"
    assert user.check_password(password)  # a second address proves nothing new: no wipe


@pytest.mark.django_db
def test_adding_an_address_another_account_uses_reveals_nothing_and_never_verifies(user, other_user, password):
    client = _signed_in(user, password)

    taken = client.post(reverse("account_email"), {"action_add": "", "email": other_user.email})
    fresh = client.post(reverse("account_email"), {"action_add": "", "email": "fresh@example.com"})

    assert (taken.status_code, taken["Location"]) == (fresh.status_code, fresh["Location"])
    assert EmailAddress.objects.filter(user=user, email=other_user.email, verified=True).count() == 0
    assert EmailAddress.objects.get(user=other_user, email=other_user.email).verified is True


@pytest.mark.django_db
def test_change_password_with_a_wrong_current_password_changes_nothing(user, password):
    client = _signed_in(user, password)

    response = client.post(
        reverse("account_change_password"),
        {"oldpassword": "not my password 1", "password1": "another good one 55", "password2": "another good one 55"},
    )

    user.refresh_from_db()
    assert response.status_code == 200 and "Please type your current password" in response.content.decode()
    assert user.check_password(password)

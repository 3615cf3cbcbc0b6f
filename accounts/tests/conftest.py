"""Fixtures for the accounts tests: mail links, OAuth apps, the requests edge."""

from __future__ import annotations

import re

import pytest
import responses
from django.core import mail

GOOGLE_CLIENT_ID = "recorded-google-client.apps.googleusercontent.com"
LINKEDIN_CLIENT_ID = "recorded-linkedin-client"


@pytest.fixture
def oauth_http():
    """The OAuth providers' HTTP edge: allauth talks to them through `requests`."""
    with responses.RequestsMock(assert_all_requests_are_fired=False) as rsps:
        yield rsps


@pytest.fixture
def providers(settings):
    """Google and LinkedIn configured the way the environment configures them."""
    providers = {**settings.SOCIALACCOUNT_PROVIDERS}
    providers["google"] = {
        **providers["google"],
        "APPS": [{"client_id": GOOGLE_CLIENT_ID, "secret": "recorded-google-secret", "key": ""}],
    }
    providers["openid_connect"] = {
        **providers["openid_connect"],
        "APPS": [
            {
                "provider_id": "linkedin",
                "name": "LinkedIn",
                "client_id": LINKEDIN_CLIENT_ID,
                "secret": "recorded-linkedin-secret",
                "settings": {"server_url": "https://www.linkedin.com/oauth", "oauth_pkce_enabled": True},
            }
        ],
    }
    settings.SOCIALACCOUNT_PROVIDERS = providers
    return providers


def links_in(message) -> list[str]:
    return re.findall(r"https?://\S+", message.body)


def last_mail_to(address: str):
    matching = [m for m in mail.outbox if address in m.to]
    assert matching, f"no mail to {address} in {[m.to for m in mail.outbox]}"
    return matching[-1]


def path_of(url: str) -> str:
    return re.sub(r"^https?://[^/]+", "", url)

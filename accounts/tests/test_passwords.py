"""Password rules: 8-128 characters, not common, not like the email, not breached."""

from __future__ import annotations

import hashlib

import httpx
import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError

from accounts.models import User
from accounts.passwords import BreachedPasswordValidator, MaximumLengthValidator, breach_count
from accounts.tests.recordings import clean_range_response, range_response_with

BREACHED = "correct horse battery staple"


def _messages(password: str, user=None) -> list[str]:
    try:
        validate_password(password, user)
    except ValidationError as exc:
        return exc.messages
    return []


@pytest.mark.smoke
@pytest.mark.django_db
def test_validate_password_accepts_a_good_long_password():
    assert _messages("quiet meadow lantern 4417") == []


@pytest.mark.parametrize(
    ("password", "fragment"),
    [
        ("Ab1!xyz", "too short"),
        ("a" * 129, "at most 128"),
        ("iloveyou", "too common"),
    ],
)
@pytest.mark.django_db
def test_validate_password_refuses(password, fragment):
    assert any(fragment in m for m in _messages(password))


@pytest.mark.django_db
def test_validate_password_accepts_exactly_8_and_128_characters():
    assert _messages("zq8#Lm2v") == []
    assert _messages(("kv7" * 43)[:128]) == []


@pytest.mark.django_db
def test_validate_password_refuses_one_like_the_email():
    user = User(email="marguerite.okonkwo@example.com")

    assert any("too similar" in m for m in _messages("marguerite.okonkwo", user))


def test_maximum_length_validator_help_text_names_the_cap():
    assert MaximumLengthValidator(128).get_help_text() == "Your password must contain at most 128 characters."


def test_breach_count_sends_only_the_prefix_with_padding(breach_api):
    digest = hashlib.sha1(BREACHED.encode()).hexdigest().upper()
    route = breach_api.route(host="api.pwnedpasswords.com").mock(
        return_value=httpx.Response(200, text=range_response_with(BREACHED, count=3385))
    )

    count = breach_count(BREACHED)

    request = route.calls.last.request
    assert count == 3385
    assert request.url.path == f"/range/{digest[:5]}"
    assert request.headers["Add-Padding"] == "true"
    assert digest[5:] not in str(request.url) and BREACHED not in str(request.url)


def test_breach_count_is_zero_when_only_padding_or_other_suffixes_match():
    assert breach_count("quiet meadow lantern 4417") == 0
    assert sum(1 for line in clean_range_response().split("\r\n") if line.endswith(":0")) == 280


def test_breached_validator_refuses_a_breached_password(breach_api):
    breach_api.route(host="api.pwnedpasswords.com").mock(return_value=httpx.Response(200, text=range_response_with(BREACHED)))

    with pytest.raises(ValidationError) as exc:
        BreachedPasswordValidator().validate(BREACHED)

    assert exc.value.error_list[0].code == "password_breached"


@pytest.mark.parametrize("failure", [httpx.ConnectTimeout("timed out"), httpx.ConnectError("refused")])
def test_breached_validator_allows_and_logs_when_unreachable_by_default(breach_api, settings, caplog, failure):
    settings.BREACHED_PASSWORD_UNREACHABLE = "allow"
    breach_api.route(host="api.pwnedpasswords.com").mock(side_effect=failure)

    BreachedPasswordValidator().validate(BREACHED)

    assert "breached-password check unavailable, password allowed" in caplog.text


def test_breached_validator_refuses_when_unreachable_and_policy_is_deny(breach_api, settings):
    settings.BREACHED_PASSWORD_UNREACHABLE = "deny"
    breach_api.route(host="api.pwnedpasswords.com").mock(return_value=httpx.Response(503, text="unavailable"))

    with pytest.raises(ValidationError) as exc:
        BreachedPasswordValidator().validate(BREACHED)

    assert exc.value.error_list[0].code == "password_breach_check_unavailable"


def test_breach_check_uses_the_configured_timeout(breach_api, settings):
    settings.BREACHED_PASSWORD_TIMEOUT = 2.0
    route = breach_api.route(host="api.pwnedpasswords.com").mock(return_value=httpx.Response(200, text=clean_range_response()))

    breach_count("anything at all 12")

    assert route.calls.last.request.extensions["timeout"] == {"connect": 2.0, "read": 2.0, "write": 2.0, "pool": 2.0}


def test_breached_validator_can_be_switched_off(breach_api, settings):
    settings.BREACHED_PASSWORD_CHECK = False
    route = breach_api.route(host="api.pwnedpasswords.com").mock(return_value=httpx.Response(200, text=range_response_with(BREACHED)))

    BreachedPasswordValidator().validate(BREACHED)

    assert route.call_count == 0


@pytest.mark.django_db
def test_signup_refuses_a_breached_password(client, breach_api):
    breach_api.route(host="api.pwnedpasswords.com").mock(return_value=httpx.Response(200, text=range_response_with(BREACHED)))

    response = client.post("/accounts/signup/", {"email": "b@example.com", "password1": BREACHED, "password2": BREACHED})

    assert response.status_code == 200
    assert "appeared in a data breach" in response.content.decode()
    assert not User.objects.filter(email="b@example.com").exists()

"""The tracker settings page and GET/PATCH /api/v1/tracker-settings/."""

from __future__ import annotations

import pytest
from django.urls import reverse

from reminders import services
from tracker.services import settings_for

VALID = {
    "theme": "dark",
    "default_layout": "list",
    "default_sort": "company",
    "auto_refresh_seconds": "30",
    "hide_inactive_after_days": "60",
    "time_zone": "Asia/Tokyo",
    "follow_up_days": "5",
    "digest_hour": "7",
    "digest_opt_out": "",
}


@pytest.mark.smoke
@pytest.mark.django_db
def test_settings_page_saves_every_setting_and_the_theme(client_for, user):
    response = client_for(user).post(reverse("reminders:settings"), VALID)

    prefs = settings_for(user)
    user.refresh_from_db()
    assert response.status_code == 302
    assert (prefs.default_layout, prefs.default_sort, prefs.auto_refresh_seconds, prefs.hide_inactive_after_days) == (
        "list", "company", 30, 60,
    )
    assert (prefs.time_zone, prefs.follow_up_days, prefs.digest_hour, prefs.digest_opt_out) == ("Asia/Tokyo", 5, 7, False)
    assert user.theme == "dark"


@pytest.mark.django_db
def test_settings_page_htmx_post_with_errors_returns_the_form_fragment(client_for, user):
    response = client_for(user).post(
        reverse("reminders:settings"), VALID | {"time_zone": "Mars/Olympus", "follow_up_days": "0"}, HTTP_HX_REQUEST="true"
    )

    body = response.content.decode()
    assert body.lstrip().startswith('<section class="card" id="settings-form"')
    assert "Select a valid choice" in body
    assert "Ensure this value is greater than or equal to 1." in body
    assert settings_for(user).time_zone == "UTC"


@pytest.mark.django_db
def test_settings_page_shows_the_users_current_values(client_for, user):
    services.update_tracker_settings(user, time_zone="America/Los_Angeles", digest_hour=6)

    response = client_for(user).get(reverse("reminders:settings"))

    form = response.context["form"]
    assert (form["time_zone"].value(), form["digest_hour"].value()) == ("America/Los_Angeles", 6)


@pytest.mark.django_db
def test_update_tracker_settings_refuses_unknown_fields_and_bad_values(user):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as unknown:
        services.update_tracker_settings(user, digest_unsubscribe_token="mine")
    with pytest.raises(ValidationError) as bad:
        services.update_tracker_settings(user, digest_hour=24)

    assert unknown.value.message_dict == {"digest_unsubscribe_token": ["Unknown setting."]}
    assert "digest_hour" in bad.value.message_dict


@pytest.mark.django_db
def test_api_tracker_settings_get_and_patch(client_for, user, other_user):
    client = client_for(user)

    before = client.get("/api/v1/tracker-settings/").json()
    patched = client.patch(
        "/api/v1/tracker-settings/", {"time_zone": "Asia/Tokyo", "digest_hour": 6, "theme": "light"}, content_type="application/json"
    ).json()
    others = client_for(other_user).get("/api/v1/tracker-settings/").json()

    assert before == {
        "theme": "system", "default_sort": "activity", "default_layout": "board", "auto_refresh_seconds": 0,
        "hide_inactive_after_days": None, "time_zone": "UTC", "follow_up_days": 7, "digest_hour": 8, "digest_opt_out": False,
    }
    assert patched == before | {"time_zone": "Asia/Tokyo", "digest_hour": 6, "theme": "light"}
    assert others == before


@pytest.mark.django_db
def test_api_tracker_settings_patch_rejects_bad_values_in_the_envelope(client_for, user):
    response = client_for(user).patch(
        "/api/v1/tracker-settings/", {"time_zone": "Nowhere/Land", "digest_hour": 25}, content_type="application/json"
    )

    error = response.json()["error"]
    assert response.status_code == 400
    assert error["code"] == "VALIDATION_ERROR"
    assert set(error["details"]) == {"time_zone", "digest_hour"}
    assert settings_for(user).time_zone == "UTC"


@pytest.mark.django_db
def test_api_tracker_settings_anonymous_is_401(client):
    response = client.get("/api/v1/tracker-settings/")

    assert (response.status_code, response.json()["error"]["code"]) == (401, "UNAUTHORIZED")

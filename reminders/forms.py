"""The tracker settings form (settings page)."""

from __future__ import annotations

import zoneinfo
from functools import lru_cache

from django import forms

from accounts.models import User
from tracker.models import Layout, Sort

AUTO_REFRESH_CHOICES = [(0, "Off"), (10, "Every 10 seconds"), (30, "Every 30 seconds"), (60, "Every minute"), (300, "Every 5 minutes")]
HOUR_CHOICES = [(hour, f"{hour:02d}:00") for hour in range(24)]


@lru_cache(maxsize=1)
def time_zone_names() -> tuple[str, ...]:
    return tuple(sorted(name for name in zoneinfo.available_timezones() if "/" in name or name == "UTC"))


class TrackerSettingsForm(forms.Form):
    theme = forms.ChoiceField(choices=User.Theme.choices, widget=forms.Select(attrs={"data-theme-preview": ""}))
    default_layout = forms.ChoiceField(choices=Layout.choices, label="Open the tracker as")
    default_sort = forms.ChoiceField(choices=Sort.choices, label="Default sort")
    auto_refresh_seconds = forms.TypedChoiceField(
        choices=AUTO_REFRESH_CHOICES, coerce=int, label="Refresh the board and list",
        help_text="Paused while the tab is hidden or you are typing.",
    )
    hide_inactive_after_days = forms.IntegerField(
        required=False, min_value=1, max_value=3650, label="Hide applications inactive for more than (days)",
        help_text="Leave empty to show everything. Nothing is deleted; lists have an “include inactive” switch.",
    )
    time_zone = forms.ChoiceField(label="Time zone", help_text="Used for the digest hour and the times in emails.")
    follow_up_days = forms.IntegerField(
        min_value=1, max_value=365, label="Follow up after (days of silence)",
        help_text="An application needs a follow-up when its next action is due, or nothing happened for this long.",
    )
    digest_hour = forms.TypedChoiceField(choices=HOUR_CHOICES, coerce=int, label="Send the daily digest at")
    digest_opt_out = forms.BooleanField(required=False, label="Don't email me a daily digest")

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["time_zone"].choices = [(name, name.replace("_", " ")) for name in time_zone_names()]

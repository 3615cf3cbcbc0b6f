from __future__ import annotations

from rest_framework import serializers

from accounts.models import User
from reminders.forms import time_zone_names
from tracker.models import Layout, Sort


class TrackerSettingsSerializer(serializers.Serializer):
    """The caller's tracker settings and theme. PATCH any subset; the unsubscribe secret is never shown."""

    theme = serializers.ChoiceField(choices=User.Theme.choices)
    default_sort = serializers.ChoiceField(choices=Sort.choices)
    default_layout = serializers.ChoiceField(choices=Layout.choices)
    auto_refresh_seconds = serializers.IntegerField(min_value=0, max_value=3600, help_text="0: off.")
    hide_inactive_after_days = serializers.IntegerField(
        min_value=1, max_value=3650, allow_null=True, help_text="null: show everything."
    )
    time_zone = serializers.CharField(max_length=64, help_text="An IANA name, e.g. Europe/Berlin.")
    follow_up_days = serializers.IntegerField(min_value=1, max_value=365)
    digest_hour = serializers.IntegerField(min_value=0, max_value=23, help_text="Local hour of the daily digest.")
    digest_opt_out = serializers.BooleanField()

    def validate_time_zone(self, value: str) -> str:
        if value not in time_zone_names():
            raise serializers.ValidationError("Not a known time zone (use an IANA name such as Europe/Berlin).")
        return value

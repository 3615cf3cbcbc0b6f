from django.contrib import admin

from reminders.models import CalendarFeedToken, DigestLog
from tenancy.admin import OwnedAdmin


@admin.register(DigestLog)
class DigestLogAdmin(OwnedAdmin):
    list_display = ("owner", "local_date", "time_zone", "outcome", "follow_ups", "interviews", "sent_at")
    list_filter = ("outcome",)
    list_select_related = ("owner",)
    search_fields = ("owner__email",)
    date_hierarchy = "local_date"


@admin.register(CalendarFeedToken)
class CalendarFeedTokenAdmin(OwnedAdmin):
    list_display = ("owner", "hint", "created_at", "last_used_at", "revoked_at")
    list_select_related = ("owner",)
    search_fields = ("owner__email",)
    readonly_fields = ("owner", "hint", "created_at", "last_used_at")

from django.urls import path

from reminders import views

app_name = "reminders"

urlpatterns = [
    path("settings/tracker/", views.tracker_settings, name="settings"),
    path("settings/tracker/calendar-feed/rotate/", views.feed_rotate, name="feed-rotate"),
    path("settings/tracker/calendar-feed/revoke/", views.feed_revoke, name="feed-revoke"),
    path("reminders/unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("calendar/<str:token>.ics", views.calendar_feed, name="calendar-feed"),
]

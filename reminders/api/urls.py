from django.urls import path

from reminders.api import views

urlpatterns = [
    path("tracker-settings/", views.TrackerSettingsView.as_view(), name="api-tracker-settings"),
]

"""Our account pages under /accounts/ (allauth's own are included after these)."""

from django.urls import path

from accounts.views import magic_links, settings

app_name = "accounts"

urlpatterns = [
    path("settings/", settings.settings_page, name="settings"),
    path("settings/name/", settings.update_name, name="name-update"),
    path("settings/delete/", settings.delete_account, name="delete"),
    path("sessions/<int:session_id>/end/", settings.end_session, name="session-end"),
    path("magic-link/", magic_links.request_link, name="magic-link-request"),
    path("magic-link/code/", magic_links.enter_code, name="magic-link-sent"),
    path("magic-link/<str:token>/", magic_links.confirm_link, name="magic-link-confirm"),
]

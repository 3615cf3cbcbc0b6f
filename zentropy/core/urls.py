from django.urls import path

from zentropy.core import views

app_name = "core"

urlpatterns = [
    path("", views.home, name="home"),
    path("dashboard/", views.dashboard, name="dashboard"),
    path("dashboard/rescore/", views.rescore_matches, name="rescore-matches"),
    path("settings/theme/", views.set_theme, name="set-theme"),
]

from django.urls import path

from scouter import views

app_name = "scouter"

urlpatterns = [
    path("personas/<uuid:persona_pk>/scout/", views.scout_now, name="scout-now"),
    path("personas/<uuid:persona_pk>/search-profile/", views.search_profile, name="search-profile"),
    path("personas/<uuid:persona_pk>/search-profile/approve/", views.search_profile_approve, name="search-profile-approve"),
    path(
        "personas/<uuid:persona_pk>/search-profile/regenerate/",
        views.search_profile_regenerate,
        name="search-profile-regenerate",
    ),
    path("personas/<uuid:persona_pk>/sources/", views.source_preferences, name="source-preferences"),
    path("runs/<uuid:pk>/", views.run_detail, name="run-detail"),
    path("sources/", views.source_status, name="source-status"),
]

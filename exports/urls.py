from django.urls import path

from exports import views

app_name = "exports"

urlpatterns = [
    path("", views.index, name="index"),
    path("applications.csv", views.applications_csv, name="applications-csv"),
    path("applications.json", views.applications_json, name="applications-json"),
    path("all.json", views.everything_json, name="all-json"),
    path("imports/", views.import_upload, name="import-upload"),
    path("imports/<uuid:pk>/", views.import_preview, name="import-preview"),
    path("imports/<uuid:pk>/commit/", views.import_commit, name="import-commit"),
]

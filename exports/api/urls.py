from django.urls import path

from exports.api import views

urlpatterns = [
    path("exports/applications.csv", views.ApplicationsCsvExport.as_view(), name="api-export-applications-csv"),
    path("exports/applications.json", views.ApplicationsJsonExport.as_view(), name="api-export-applications-json"),
    path("exports/all.json", views.EverythingJsonExport.as_view(), name="api-export-all-json"),
]

from django.urls import path

from jobpool import views

app_name = "jobpool"

urlpatterns = [
    path("", views.feed, name="feed"),
    path("dismissed/", views.dismissed, name="dismissed"),
    path("new/", views.job_add, name="job-add"),
    path("paste/", views.job_paste, name="job-paste"),
    path("paste/<uuid:token>/", views.job_paste_confirm, name="job-paste-confirm"),
    path("bulk/", views.jobs_bulk, name="jobs-bulk"),
    path("<uuid:pk>/", views.job_detail, name="job-detail"),
    path("<uuid:pk>/favorite/", views.job_favorite, name="job-favorite"),
    path("<uuid:pk>/dismiss/", views.job_dismiss, name="job-dismiss"),
    path("<uuid:pk>/report/", views.job_report, name="job-report"),
    path("<uuid:pk>/expired/", views.job_expire, name="job-expire"),
]

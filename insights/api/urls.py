from django.urls import path

from insights.api import views

urlpatterns = [
    path("insights/", views.InsightsView.as_view(), name="api-insights"),
]

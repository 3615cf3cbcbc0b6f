"""Only the persona pages, at their real prefix, for walking them on their own (test_pages_isolation)."""

from django.urls import include, path

urlpatterns = [path("personas/", include("personas.urls"))]

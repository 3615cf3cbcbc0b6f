"""Top-level routes: pages, /api/v1/, /_allauth/ (headless), /accounts/ (allauth pages), /admin/.

The one DRF router lives here; each app's viewsets are registered below.
"""

from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import SimpleRouter

from zentropy.core import views as core_views

router = SimpleRouter(use_regex_path=False)

urlpatterns = [
    path("healthz", core_views.healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path("accounts/", include("accounts.urls")),
    path("accounts/", include("allauth.urls")),
    path("_allauth/", include("allauth.headless.urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("api/docs/", SpectacularSwaggerSplitView.as_view(url_name="api-schema"), name="api-docs"),
    path("api/v1/", include("accounts.api.urls")),
    path("api/v1/", include(router.urls)),
    path("", include("zentropy.core.urls")),
]

handler404 = "zentropy.core.views.page_not_found"
handler500 = "zentropy.core.views.server_error"

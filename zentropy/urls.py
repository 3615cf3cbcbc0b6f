"""Top-level routes: pages, /api/v1/, /_allauth/ (headless), /accounts/ (allauth pages), /admin/.

The one DRF router lives here; each app's viewsets are registered below.
"""

from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import SimpleRouter

from personas.api import views as persona_api
from zentropy.core import views as core_views

router = SimpleRouter(use_regex_path=False)
router.register("personas", persona_api.PersonaViewSet, basename="persona")
router.register("personas/<uuid:persona_pk>/skills", persona_api.PersonaSkillViewSet, basename="persona-skill")
router.register("personas/<uuid:persona_pk>/work-history", persona_api.WorkHistoryViewSet, basename="persona-work-history")
router.register("personas/<uuid:persona_pk>/work-history/<uuid:work_history_pk>/bullets", persona_api.BulletViewSet, basename="persona-bullet")
router.register("personas/<uuid:persona_pk>/education", persona_api.EducationViewSet, basename="persona-education")
router.register("personas/<uuid:persona_pk>/certifications", persona_api.CertificationViewSet, basename="persona-certification")
router.register("personas/<uuid:persona_pk>/stories", persona_api.AchievementStoryViewSet, basename="persona-story")
router.register("personas/<uuid:persona_pk>/dealbreakers", persona_api.CustomDealbreakerViewSet, basename="persona-dealbreaker")

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
    path("personas/", include("personas.urls")),
    path("", include("zentropy.core.urls")),
]

handler404 = "zentropy.core.views.page_not_found"
handler500 = "zentropy.core.views.server_error"
handler429 = "zentropy.core.views.ratelimited"  # allauth renders its own 429s through this

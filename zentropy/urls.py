"""Top-level routes: pages, /api/v1/, /_allauth/ (headless), /accounts/ (allauth pages), /admin/.

The one DRF router lives here; each app's viewsets are registered below.
"""

from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import SimpleRouter

from jobpool.api import views as jobpool_api
from personas.api import views as persona_api
from tracker.api import views as tracker_api
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
router.register("applications", tracker_api.ApplicationViewSet, basename="application")
router.register("applications/<uuid:application_pk>/timeline", tracker_api.TimelineViewSet, basename="application-timeline")
router.register("applications/<uuid:application_pk>/interviews", tracker_api.InterviewViewSet, basename="application-interview")
router.register("applications/<uuid:application_pk>/notes", tracker_api.NoteViewSet, basename="application-note")
router.register("interviews", tracker_api.AllInterviewsViewSet, basename="interview")
router.register("saved-views", tracker_api.SavedViewViewSet, basename="saved-view")
router.register("job-postings", jobpool_api.JobPostingViewSet, basename="job-posting")

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
    path("api/v1/", include("reminders.api.urls")),
    path("api/v1/", include("exports.api.urls")),
    path("api/v1/", include("insights.api.urls")),
    path("personas/", include("personas.urls")),
    path("jobs/", include("jobpool.urls")),
    path("applications/", include("tracker.urls")),
    path("scouting/", include("scouter.urls")),
    path("exports/", include("exports.urls")),
    path("", include("reminders.urls")),
    path("", include("insights.urls")),
    path("", include("zentropy.core.urls")),
]

handler404 = "zentropy.core.views.page_not_found"
handler500 = "zentropy.core.views.server_error"
handler429 = "zentropy.core.views.ratelimited"  # allauth renders its own 429s through this

"""Persona pages under /personas/. Part routes are generated per kind, so every kind has its own named routes."""

from django.urls import path

from personas.views import onboarding, parts, personas, resume
from personas.views.registry import FIELD_SECTIONS, PART_SECTIONS

app_name = "personas"

urlpatterns = [
    path("", personas.persona_list, name="list"),
    path("new/", personas.persona_create, name="create"),
    path("onboarding/", onboarding.onboarding_resume, name="onboarding-resume"),
    path("import/", resume.import_new, name="import-new"),
    path("import/review/", resume.import_review, name="import-review"),
    path("import/discard/", resume.import_discard, name="import-discard"),
    path("<uuid:pk>/", personas.persona_detail, name="detail"),
    path("<uuid:pk>/delete/", personas.persona_delete, name="delete"),
    path("<uuid:pk>/import/", resume.import_into, name="import-into"),
    path("<uuid:pk>/onboarding/", onboarding.onboarding_start, name="onboarding"),
    path("<uuid:pk>/onboarding/<slug:step>/", onboarding.onboarding_step, name="onboarding-step"),
    path("<uuid:pk>/sections/<slug:section>/", parts.section, name="section"),
]

for slug in FIELD_SECTIONS:
    urlpatterns.append(path(f"<uuid:pk>/{slug}/edit/", parts.fields_edit, {"section": slug}, name=f"{slug}-edit"))

for slug in [*PART_SECTIONS, "bullets"]:
    kind = {"kind": slug}
    if slug == "bullets":
        # Bullets are added and reordered under their role; once one exists it is addressed by its own id.
        urlpatterns += [
            path("<uuid:pk>/work-history/<uuid:item>/bullets/add/", parts.part_add, kind, name="bullets-add"),
            path(
                "<uuid:pk>/work-history/<uuid:item>/bullets/reorder/", parts.part_reorder, kind, name="bullets-reorder"
            ),
        ]
    else:
        urlpatterns += [
            path(f"<uuid:pk>/{slug}/add/", parts.part_add, kind, name=f"{slug}-add"),
            path(f"<uuid:pk>/{slug}/reorder/", parts.part_reorder, kind, name=f"{slug}-reorder"),
        ]
    urlpatterns += [
        path(f"<uuid:pk>/{slug}/<uuid:item>/edit/", parts.part_edit, kind, name=f"{slug}-edit"),
        path(f"<uuid:pk>/{slug}/<uuid:item>/delete/", parts.part_delete, kind, name=f"{slug}-delete"),
        path(f"<uuid:pk>/{slug}/<uuid:item>/move/", parts.part_move, kind, name=f"{slug}-move"),
    ]

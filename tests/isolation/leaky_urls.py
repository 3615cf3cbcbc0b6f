"""A test urlconf with deliberately unscoped views, to prove the walk catches them."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.urls import include, path
from rest_framework.decorators import api_view
from rest_framework.response import Response

from personas.models import Persona
from personas.tests.factories import PersonaFactory
from tenancy.isolation import Fixture, Registry
from tenancy.shortcuts import get_owned_or_404
from zentropy.urls import urlpatterns as project_urlpatterns


@login_required
def leaky_detail(request, pk):
    # The bug the walk exists for: a lookup that ignores the caller.
    persona = Persona.unscoped.get(pk=pk)
    return HttpResponse(persona.full_name)


@login_required
def leaky_list(request):
    return HttpResponse(", ".join(p.full_name for p in Persona.unscoped.all()))


@login_required
def scoped_detail(request, pk):
    return HttpResponse(get_owned_or_404(Persona, request.user, pk=pk).full_name)


@api_view(["GET", "PATCH"])
def write_then_404(request, pk):
    # Reads are scoped, but the write lands before the ownership check.
    if request.method == "PATCH":
        Persona.unscoped.filter(pk=pk).update(full_name="Overwritten")
    return Response({"full_name": get_owned_or_404(Persona, request.user, pk=pk).full_name})


@login_required
def operators_only(request):
    # Classified "admin" but forgets the staff check.
    return HttpResponse("every user's numbers")


def forgotten(request):
    return HttpResponse("nobody classified me")


leaky_patterns = (
    [
        path("personas/<uuid:pk>/", leaky_detail, name="persona-detail"),
        path("personas/", leaky_list, name="persona-list"),
        path("forgotten/", forgotten, name="forgotten"),
        path("ops/", operators_only, name="ops"),
        path("api/personas/<uuid:pk>/", write_then_404, name="persona-write"),
    ],
    "leaky",
)
scoped_patterns = ([path("personas/<uuid:pk>/", scoped_detail, name="persona-detail")], "scoped")

# The project's routes stay in so pages (404, login) render as usual.
urlpatterns = [
    path("leaky/", include(leaky_patterns)),
    path("scoped/", include(scoped_patterns)),
    *project_urlpatterns,
]


def _persona(user) -> Fixture:
    persona = PersonaFactory(owner=user, full_name=f"Owner {user.pk.hex[:8]}")
    return Fixture({"pk": persona.pk}, marker=persona.full_name)


def leaky_registry() -> Registry:
    registry = Registry()
    registry.owner("leaky:persona-detail", build=_persona)
    registry.owner("leaky:persona-list", build=lambda user: Fixture({}, marker=_persona(user).marker), lists=True)
    registry.owner("scoped:persona-detail", build=_persona)
    registry.owner("leaky:persona-write", build=_persona)
    registry.admin("leaky:ops")
    return registry

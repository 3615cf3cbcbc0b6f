"""Editing one section of a persona in place: fields, and parts (add, edit, move, delete).

Every view answers an HTMX request with the re-rendered section
(`personas/_section.html`, errors included) and a plain request with a full
page or a redirect back to `next`, so the pages work without JavaScript.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers

from personas import page_selectors, page_services, services
from personas.onboarding import voice_of
from personas.views.auth import login_required
from personas.views.context import detail_url, safe_next, section_context
from personas.views.registry import ALL_PARTS, FIELD_SECTIONS, PAGE_ORDER, PART_SECTIONS

HOST_SECTION = {"bullets": "work-history"}


def render_section(request: HttpRequest, persona_pk: UUID, slug: str, *, return_to: str, **state: Any) -> HttpResponse:
    persona = page_selectors.persona_with_parts(request.user, persona_pk)
    return render(
        request, "personas/_section.html", {"s": section_context(persona, slug, return_to=return_to, **state)}
    )


def with_article(noun: str) -> str:
    return f"{'an' if noun[:1].lower() in 'aeiou' else 'a'} {noun}"


def apply_errors(form: Any, exc: ValidationError) -> None:
    """Show a service's validation errors next to the form's fields."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc.messages)


@login_required
@require_GET
@vary_on_headers("HX-Request")
def section(request: HttpRequest, pk: UUID, section: str) -> HttpResponse:
    """One section: its own page, or (HTMX) the section in display state, e.g. the "Cancel" of a form."""
    if section not in PAGE_ORDER:
        return redirect(detail_url(page_selectors.persona_for(request.user, pk)))
    persona = page_selectors.persona_with_parts(request.user, pk)
    here = reverse("personas:section", kwargs={"pk": persona.pk, "section": section})
    if request.htmx:
        return_to = safe_next(request, detail_url(persona, section))
        return render(request, "personas/_section.html", {"s": section_context(persona, section, return_to=return_to)})
    context = {
        "persona": persona,
        "s": section_context(persona, section, return_to=here),
        "nav": [
            {
                "slug": slug,
                "title": (PART_SECTIONS.get(slug) or FIELD_SECTIONS[slug]).title,
                "is_current": slug == section,
            }
            for slug in PAGE_ORDER
        ],
    }
    return render(request, "personas/section_page.html", context)


# ------------------------------------------------------------------ field sections
@login_required
@require_http_methods(["GET", "POST"])
@vary_on_headers("HX-Request")
def fields_edit(request: HttpRequest, pk: UUID, section: str) -> HttpResponse:
    persona = page_selectors.persona_for(request.user, pk)
    spec = FIELD_SECTIONS[section]
    return_to = safe_next(request, detail_url(persona, section))
    instance = voice_of(persona) if section == "voice" else persona
    form = spec.form(request.POST or None, instance=instance, prefix=section)
    if request.method == "POST" and form.is_valid():
        try:
            if section == "voice":
                services.set_voice(persona, **form.cleaned_data)
            else:
                services.update_persona(persona, **form.cleaned_data)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            if request.htmx:
                return render_section(request, persona.pk, section, return_to=return_to, focus="edit")
            messages.success(request, f"{spec.title} saved.")
            return redirect(return_to)
    if request.htmx:
        return render_section(request, persona.pk, section, return_to=return_to, editing_form=form)
    context = {"persona": persona, "form": form, "title": f"Edit {spec.title.lower()}", "cancel_url": return_to}
    return render(request, "personas/part_form.html", {**context, "action": request.get_full_path()})


# ------------------------------------------------------------------ parts
@login_required
@require_http_methods(["GET", "POST"])
@vary_on_headers("HX-Request")
def part_add(request: HttpRequest, pk: UUID, kind: str, item: UUID | None = None) -> HttpResponse:
    """Add a part; for bullets, `item` is the role they belong to."""
    persona = page_selectors.persona_for(request.user, pk)
    spec = ALL_PARTS[kind]
    host = HOST_SECTION.get(kind, kind)
    role = page_selectors.part_for(request.user, persona, "work_history", item) if kind == "bullets" else None
    return_to = safe_next(request, detail_url(persona, host))
    form = spec.form(request.POST or None, persona=persona, prefix=f"{kind}-new")
    if request.method == "POST" and form.is_valid():
        try:
            extra = {"work_history": role} if role is not None else {}
            services.add_child(persona, spec.kind, **extra, **form.cleaned_data)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            if request.htmx:
                return render_section(request, persona.pk, host, return_to=return_to, focus="add")
            messages.success(request, f"Added the {spec.singular}.")
            return redirect(return_to)
    if request.htmx:
        state = {"adding_bullet_for": role.pk, "editing_form": form} if role else {"adding_form": form}
        return render_section(request, persona.pk, host, return_to=return_to, **state)
    title = f"Add an accomplishment to {role}" if role else f"Add {with_article(spec.singular)}"
    context = {"persona": persona, "form": form, "title": title, "cancel_url": return_to}
    return render(request, "personas/part_form.html", {**context, "action": request.get_full_path()})


@login_required
@require_http_methods(["GET", "POST"])
@vary_on_headers("HX-Request")
def part_edit(request: HttpRequest, pk: UUID, kind: str, item: UUID) -> HttpResponse:
    persona = page_selectors.persona_for(request.user, pk)
    spec = ALL_PARTS[kind]
    host = HOST_SECTION.get(kind, kind)
    obj = page_selectors.part_for(request.user, persona, spec.kind, item)
    return_to = safe_next(request, detail_url(persona, host))
    form = spec.form(request.POST or None, instance=obj, persona=persona, prefix=f"{kind}-edit")
    if request.method == "POST" and form.is_valid():
        try:
            services.update_child(persona, obj, **form.cleaned_data)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            if request.htmx:
                return render_section(request, persona.pk, host, return_to=return_to, focus=f"{kind}-{obj.pk}")
            messages.success(request, f"Saved the {spec.singular}.")
            return redirect(return_to)
    if request.htmx:
        return render_section(request, persona.pk, host, return_to=return_to, editing=obj, editing_form=form)
    context = {"persona": persona, "form": form, "title": f"Edit {spec.singular}", "cancel_url": return_to}
    return render(request, "personas/part_form.html", {**context, "action": request.get_full_path()})


@login_required
@require_http_methods(["GET", "POST"])
@vary_on_headers("HX-Request")
def part_delete(request: HttpRequest, pk: UUID, kind: str, item: UUID) -> HttpResponse:
    """GET: a confirmation page (the no-JS path). POST: delete, then the section or a redirect."""
    persona = page_selectors.persona_for(request.user, pk)
    spec = ALL_PARTS[kind]
    host = HOST_SECTION.get(kind, kind)
    obj = page_selectors.part_for(request.user, persona, spec.kind, item)
    return_to = safe_next(request, detail_url(persona, host))
    if request.method == "POST":
        services.delete_child(persona, obj)
        if request.htmx:
            return render_section(request, persona.pk, host, return_to=return_to, focus="add")
        messages.success(request, f"Deleted the {spec.singular}.")
        return redirect(return_to)
    warnings = page_selectors.references_to(obj)
    if kind == "work-history":
        bullet_count = obj.bullets.count()
        if bullet_count:
            warnings.insert(
                0, f"Its {bullet_count} accomplishment{'s' if bullet_count != 1 else ''} will be deleted too."
            )
    context = {"persona": persona, "obj": obj, "spec": spec, "warnings": warnings, "cancel_url": return_to}
    return render(request, "personas/confirm_delete.html", {**context, "action": request.get_full_path()})


@login_required
@require_POST
@vary_on_headers("HX-Request")
def part_move(request: HttpRequest, pk: UUID, kind: str, item: UUID) -> HttpResponse:
    persona = page_selectors.persona_for(request.user, pk)
    spec = ALL_PARTS[kind]
    host = HOST_SECTION.get(kind, kind)
    obj = page_selectors.part_for(request.user, persona, spec.kind, item)
    return_to = safe_next(request, detail_url(persona, host))
    direction = request.POST.get("direction", "")
    if direction in {page_services.UP, page_services.DOWN}:
        role = obj.work_history if kind == "bullets" else None
        page_services.move_part(persona, spec.kind, obj, direction, work_history=role)
    if request.htmx:
        return render_section(request, persona.pk, host, return_to=return_to, focus=f"{kind}-{obj.pk}-{direction}")
    return redirect(return_to)


@login_required
@require_POST
@vary_on_headers("HX-Request")
def part_reorder(request: HttpRequest, pk: UUID, kind: str, item: UUID | None = None) -> HttpResponse:
    """Put the parts in the order of the posted `ids` (drag and drop); for bullets, `item` is their role.

    An id that is not one of this persona's parts of that kind is a 404 and nothing changes.
    """
    persona = page_selectors.persona_for(request.user, pk)
    spec = ALL_PARTS[kind]
    host = HOST_SECTION.get(kind, kind)
    role = page_selectors.part_for(request.user, persona, "work_history", item) if kind == "bullets" else None
    return_to = safe_next(request, detail_url(persona, host))
    try:
        services.reorder_children(persona, spec.kind, request.POST.getlist("ids"), work_history=role)
    except services.UnknownIdsError:
        raise Http404("Not found.")
    except ValidationError:
        pass  # a repeated id: keep the order as it was and show it
    if request.htmx:
        return render_section(request, persona.pk, host, return_to=return_to)
    return redirect(return_to)

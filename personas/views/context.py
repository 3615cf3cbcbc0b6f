"""What a persona section template needs: rows to show, item URLs, the form being edited.

Built from a persona loaded by `page_selectors.persona_with_parts`, so
rendering every section costs no further queries.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.http import HttpRequest
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

from personas import page_selectors
from personas.models import Persona
from personas.onboarding import voice_of
from personas.views.registry import ALL_PARTS, FIELD_SECTIONS, PART_SECTIONS, PartSection


def safe_next(request: HttpRequest, default: str) -> str:
    """The `next` the page came with, if it stays on this site; otherwise `default`."""
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if candidate and url_has_allowed_host_and_scheme(candidate, {request.get_host()}, request.is_secure()):
        return candidate
    return default


def with_next(url: str, next_url: str) -> str:
    return f"{url}?{urlencode({'next': next_url})}" if next_url else url


def detail_url(persona: Persona, slug: str | None = None) -> str:
    url = reverse("personas:detail", kwargs={"pk": persona.pk})
    return f"{url}#section-{slug}" if slug else url


def section_context(
    persona: Persona,
    slug: str,
    *,
    return_to: str,
    readonly: bool = False,
    adding_form: Any = None,
    editing: Any = None,
    editing_form: Any = None,
    adding_bullet_for: Any = None,
    focus: str = "",
) -> dict[str, Any]:
    """The `s` a `personas/_section.html` renders: one section in display, add or edit state."""
    section = PART_SECTIONS.get(slug) or FIELD_SECTIONS[slug]
    base = {
        "slug": slug,
        "title": section.title,
        "hint": section.hint,
        "readonly": readonly,
        "return_to": return_to,
        "focus": focus,
        "section_url": reverse("personas:section", kwargs={"pk": persona.pk, "section": slug}),
        "persona": persona,
    }
    if isinstance(section, PartSection):
        return {
            **base,
            **_parts_context(persona, section, return_to, adding_form, editing, editing_form, adding_bullet_for),
        }
    edit_url = reverse(f"personas:{slug}-edit", kwargs={"pk": persona.pk})
    return {
        **base,
        "is_parts": False,
        "rows": FIELD_ROWS[slug](persona),
        "edit_url": edit_url,
        "edit_link": with_next(edit_url, return_to),
        "editing_form": editing_form,
    }


def _parts_context(persona, section, return_to, adding_form, editing, editing_form, adding_bullet_for) -> dict:
    objects = list(getattr(persona, section.kind).all())
    items = []
    for index, obj in enumerate(objects):
        item = _item(persona, section, obj, index, len(objects), return_to, editing, editing_form)
        if section.kind == "work_history":
            bullets = list(obj.bullets.all())
            item["bullets"] = [
                _item(persona, ALL_PARTS["bullets"], b, i, len(bullets), return_to, editing, editing_form)
                for i, b in enumerate(bullets)
            ]
            item["bullet_reorder_url"] = reverse("personas:bullets-reorder", kwargs={"pk": persona.pk, "item": obj.pk})
            add_url = reverse("personas:bullets-add", kwargs={"pk": persona.pk, "item": obj.pk})
            item["bullet_add_url"] = add_url
            item["bullet_add_link"] = with_next(add_url, return_to)
            item["adding_bullet_form"] = editing_form if adding_bullet_for == obj.pk else None
            item["confirm"] = _role_confirm(obj, bullets, item["refs"])
        items.append(item)
    add_url = reverse(f"personas:{section.slug}-add", kwargs={"pk": persona.pk})
    return {
        "is_parts": True,
        "kind": section.kind,
        "singular": section.singular,
        "empty": section.empty,
        "items": items,
        "item_template": section.item_template,
        "add_url": add_url,
        "add_link": with_next(add_url, return_to),
        "adding_form": adding_form,
        "reorder_url": reverse(f"personas:{section.slug}-reorder", kwargs={"pk": persona.pk}),
    }


def _item(persona, section, obj, index, total, return_to, editing, editing_form) -> dict[str, Any]:
    kwargs = {"pk": persona.pk, "item": obj.pk}
    delete_url = reverse(f"personas:{section.slug}-delete", kwargs=kwargs)
    edit_url = reverse(f"personas:{section.slug}-edit", kwargs=kwargs)
    refs = page_selectors.references_to(obj, persona) if section.kind == "work_history" else []
    is_editing = editing is not None and type(editing) is type(obj) and editing.pk == obj.pk
    return {
        "obj": obj,
        "dom_id": f"{section.slug}-{obj.pk}",
        "label": str(obj),
        "edit_url": edit_url,
        "edit_link": with_next(edit_url, return_to),
        "delete_url": delete_url,
        "delete_link": with_next(delete_url, return_to),
        "move_url": with_next(reverse(f"personas:{section.slug}-move", kwargs=kwargs), return_to),
        "is_first": index == 0,
        "is_last": index == total - 1,
        "refs": refs,
        "confirm": f"Delete this {section.singular}? This cannot be undone." + "".join(f" {r}" for r in refs),
        "editing_form": editing_form if is_editing else None,
    }


def _role_confirm(role, bullets, refs) -> str:
    text = "Delete this role"
    if bullets:
        text += f" and its {len(bullets)} accomplishment{'s' if len(bullets) != 1 else ''}"
    return text + "? This cannot be undone." + "".join(f" {r}" for r in refs)


# ------------------------------------------------------------------ display rows of field sections
def _row(label: str, value: Any, kind: str = "text") -> dict[str, Any]:
    return {"label": label, "value": value, "kind": kind}


def _place(p: Persona) -> str:
    return ", ".join(x for x in (p.home_city, p.home_state, p.home_country) if x)


def _basics_rows(p: Persona) -> list[dict]:
    role = " at ".join(x for x in (p.current_role, p.current_company) if x)
    return [
        _row("Name", p.full_name),
        _row("Email", p.email),
        _row("Phone", p.phone),
        _row("Home", _place(p)),
        _row("LinkedIn", p.linkedin_url, "url"),
        _row("Portfolio", p.portfolio_url, "url"),
        _row("Current role", role),
        _row("Years of experience", p.years_experience if p.years_experience is not None else ""),
        _row("Summary", p.professional_summary, "paragraph"),
    ]


def _targets_rows(p: Persona) -> list[dict]:
    salary = f"{p.minimum_base_salary:,} {p.salary_currency}" if p.minimum_base_salary else ""
    return [
        _row("Target roles", p.target_roles, "list"),
        _row("Skills to grow", p.target_skills, "list"),
        _row("Remote preference", p.get_remote_preference_display()),
        _row("Commutable cities", p.commutable_cities, "list"),
        _row("Would relocate to", p.relocation_cities, "list"),
        _row("Minimum base salary", salary),
        _row("Needs visa sponsorship", "Yes" if p.visa_sponsorship_required else "No"),
        _row("Industries to avoid", p.industry_exclusions, "list"),
        _row("Companies to avoid", p.company_exclusions, "list"),
        _row("Stretch appetite", p.get_stretch_appetite_display()),
        _row("Minimum fit", f"{p.minimum_fit_threshold} / 100"),
        _row("Look for new jobs", p.get_polling_frequency_display()),
    ]


def _voice_rows(p: Persona) -> list[dict]:
    voice = voice_of(p)
    if voice is None:
        return []
    return [
        _row("Tone", voice.tone),
        _row("Style", voice.style, "paragraph"),
        _row("Words you like", voice.vocabulary),
        _row("Avoid", voice.things_to_avoid, "list"),
        _row("Sample phrases", voice.sample_phrases, "list"),
    ]


FIELD_ROWS = {"basics": _basics_rows, "targets": _targets_rows, "voice": _voice_rows}

"""Every `.unscoped` use in code carries its reason."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings

from tenancy.audit import unexplained_unscoped_uses

# Apps held to the rule here; add an app once its uses carry reasons.
AUDITED_APPS = ["tenancy", "personas"]


def test_unscoped_uses_in_audited_apps_carry_a_reason():
    roots = [Path(settings.BASE_DIR) / app for app in AUDITED_APPS]

    assert unexplained_unscoped_uses(roots) == []


def test_audit_flags_a_use_without_a_reason(tmp_path):
    app = tmp_path / "app"
    app.mkdir()
    (app / "services.py").write_text(
        "def ok():\n"
        "    # Reason: the nightly sweep reads every owner's rows.\n"
        "    return Thing.unscoped.all()\n"
        "\n"
        "\n"
        "\n"
        "def bad():\n"
        "    return Thing.unscoped.filter(x=1)\n"
    )

    findings = unexplained_unscoped_uses([app])

    assert findings == [f"{app / 'services.py'}:8: return Thing.unscoped.filter(x=1)"]

"""Settings come from the environment: malformed values stop start-up, every variable is documented."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]


def _load_settings(tmp_path, **env) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL", "CELERY_BROKER_URL"}}
    environment.update({"DJANGO_SETTINGS_MODULE": "zentropy.settings", "DATA_DIR": str(tmp_path)}, **env)
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup(); from django.conf import settings; print(settings.DEBUG)"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("DEBUG", "maybe", "DEBUG must be a boolean"),
        ("DB_CONN_MAX_AGE", "ten", "DB_CONN_MAX_AGE must be an integer"),
        ("CORS_ALLOWED_ORIGINS", "https://a.example,*", "may not contain '*'"),
        ("BREACHED_PASSWORD_UNREACHABLE", "sometimes", "must be 'allow' or 'deny'"),
        ("SECRETS_FROM_ENV_ONLY", "true", "SECRET_KEY must be set"),
    ],
)
def test_settings_refuse_malformed_values(tmp_path, name, value, message):
    result = _load_settings(tmp_path, **{name: value})

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert message in result.stderr


def test_settings_default_to_the_embedded_default(tmp_path):
    result = _load_settings(tmp_path)

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"
    assert (tmp_path / "secret_key").exists()
    assert (tmp_path / "jwt_private_key.pem").read_text().startswith("-----BEGIN PRIVATE KEY-----")


def test_every_environment_variable_is_documented_in_env_example():
    readers = re.compile(r"""env_(?:str|bool|int|float|list)\(\s*["']([A-Z0-9_]+)["']|persisted_secret\(\s*["']([A-Z0-9_]+)["']""")
    used: set[str] = set()
    for path in ROOT.glob("**/*.py"):
        if ".venv" in path.parts or "tests" in path.parts:
            continue
        for match in readers.finditer(path.read_text()):
            used.add(match.group(1) or match.group(2))
    documented = set(re.findall(r"^([A-Z0-9_]+)=", (ROOT / ".env.example").read_text(), flags=re.M))

    assert used, "no settings readers found"
    assert sorted(used - documented) == []


def test_deploy_checks_pass_with_production_values():
    result = subprocess.run(["bash", "scripts/check_deploy.sh"], cwd=ROOT, capture_output=True, text=True, timeout=120)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout

"""The embedded default's mail: printed to the console and kept as .eml files."""

from __future__ import annotations

import email
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.mail import EmailMessage, get_connection

from accounts.mail import ConsoleAndFolderBackend

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.smoke
@pytest.mark.django_db  # the autouse cache reset touches the database cache on SQLite
def test_console_and_folder_backend_writes_one_eml_per_message_and_prints(tmp_path, capsys):
    backend = get_connection("accounts.mail.ConsoleAndFolderBackend", file_path=str(tmp_path / "mail"))
    messages = [
        EmailMessage("Confirm your address", "Open https://scout.example/accounts/confirm-email/abc/", "from@x.example", ["a@example.com"]),
        EmailMessage("Second", "Body two", "from@x.example", ["b@example.com"]),
    ]

    sent = backend.send_messages(messages)

    files = sorted((tmp_path / "mail").glob("*.eml"))
    parsed = [email.message_from_bytes(f.read_bytes()) for f in files]
    assert sent == 2 and len(files) == 2
    assert sorted(p["To"] for p in parsed) == ["a@example.com", "b@example.com"]
    assert any("confirm-email/abc/" in p.get_payload() for p in parsed)
    assert "Subject: Confirm your address" in capsys.readouterr().out


def test_console_and_folder_backend_sends_nothing_for_no_messages(tmp_path):
    assert ConsoleAndFolderBackend(file_path=str(tmp_path / "mail")).send_messages([]) == 0
    assert not (tmp_path / "mail").exists()


def test_embedded_default_uses_the_console_and_folder_backend(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in {"EMAIL_BACKEND", "EMAIL_FILE_PATH", "DJANGO_SETTINGS_MODULE"}}
    env.update({"DJANGO_SETTINGS_MODULE": "zentropy.settings", "DATA_DIR": str(tmp_path)})
    probe = "import django; django.setup(); from django.conf import settings as s; print(s.EMAIL_BACKEND, s.EMAIL_FILE_PATH)"

    result = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)

    assert result.stdout.split() == ["accounts.mail.ConsoleAndFolderBackend", str(tmp_path / "mail")]

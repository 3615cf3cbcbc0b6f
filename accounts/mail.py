"""The embedded default's mail: printed to the console and kept as .eml files.

A newcomer without a mail server opens data/mail/*.eml (or reads the
console) to click their verification link.
"""

from __future__ import annotations

import uuid
from pathlib import Path

from django.conf import settings
from django.core.mail.backends.base import BaseEmailBackend
from django.core.mail.backends.console import EmailBackend as ConsoleBackend
from django.utils import timezone


class ConsoleAndFolderBackend(BaseEmailBackend):
    def __init__(self, *args, file_path: str | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.folder = Path(file_path or settings.EMAIL_FILE_PATH)
        self.console = ConsoleBackend(*args, **kwargs)

    def send_messages(self, email_messages) -> int:
        if not email_messages:
            return 0
        self.folder.mkdir(parents=True, exist_ok=True)
        stamp = timezone.now().strftime("%Y%m%d-%H%M%S")
        for message in email_messages:
            name = f"{stamp}-{uuid.uuid4().hex[:8]}.eml"
            (self.folder / name).write_bytes(message.message().as_bytes())
        self.console.send_messages(email_messages)
        return len(email_messages)

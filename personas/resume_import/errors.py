"""Errors a resume upload can end in, each with a message a person can act on."""

from __future__ import annotations


class ResumeImportError(Exception):
    """The upload cannot become a draft. `code` is stable, `message` is shown to the user."""

    code = "invalid"

    def __init__(self, message: str, *, code: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        if code:
            self.code = code


class UnsupportedType(ResumeImportError):
    code = "unsupported_type"


class TooLarge(ResumeImportError):
    code = "too_large"


class Encrypted(ResumeImportError):
    code = "encrypted"


class Unreadable(ResumeImportError):
    code = "unreadable"


class NoText(ResumeImportError):
    code = "no_text"

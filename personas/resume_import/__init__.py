"""Resume import: an uploaded PDF or DOCX becomes a draft the user reviews.

Nothing here touches the database; the review page decides what is saved.

    draft = read_resume(uploaded_file)   # raises ResumeImportError with a user-facing message
"""

from __future__ import annotations

from typing import BinaryIO

from personas.resume_import.detect import ResumeType, detect_type
from personas.resume_import.draft import DraftCertification, DraftEducation, DraftRole, ResumeDraft
from personas.resume_import.errors import Encrypted, NoText, ResumeImportError, TooLarge, Unreadable, UnsupportedType
from personas.resume_import.extract import extract_text
from personas.resume_import.parse import parse_resume_text

MAX_RESUME_BYTES = 10 * 1024 * 1024

__all__ = [
    "MAX_RESUME_BYTES",
    "DraftCertification",
    "DraftEducation",
    "DraftRole",
    "Encrypted",
    "NoText",
    "ResumeDraft",
    "ResumeImportError",
    "ResumeType",
    "TooLarge",
    "Unreadable",
    "UnsupportedType",
    "read_resume",
    "read_resume_bytes",
]


def read_resume(upload: BinaryIO, *, size: int | None = None) -> ResumeDraft:
    """Read an uploaded file (a Django UploadedFile or any binary stream) into a draft."""
    if size is not None and size > MAX_RESUME_BYTES:
        raise _too_large()
    data = upload.read(MAX_RESUME_BYTES + 1)
    return read_resume_bytes(data)


def read_resume_bytes(data: bytes) -> ResumeDraft:
    if len(data) > MAX_RESUME_BYTES:
        raise _too_large()
    if not data:
        raise NoText("The file is empty.")
    kind = detect_type(data)
    return parse_resume_text(extract_text(data, kind))


def _too_large() -> TooLarge:
    return TooLarge(f"The file is larger than {MAX_RESUME_BYTES // (1024 * 1024)} MB. Upload a smaller PDF or .docx.")

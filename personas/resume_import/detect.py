"""Decide what an uploaded file really is from its bytes.

The file name and the browser's content type are chosen by the client and can
lie (a PNG renamed `resume.pdf`), so only the content decides.
"""

from __future__ import annotations

import io
import zipfile
from enum import StrEnum

from personas.resume_import.errors import UnsupportedType

PDF_MAGIC = b"%PDF-"
ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy .doc / .xls
IMAGE_MAGICS = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"GIF87a", b"GIF89a", b"RIFF", b"II*\x00", b"MM\x00*")

# The PDF header may be preceded by a little junk; readers look in the first KB.
PDF_HEADER_WINDOW = 1024
# A DOCX that inflates past this is refused before any XML is parsed (zip bombs).
MAX_DOCX_UNCOMPRESSED_BYTES = 60 * 1024 * 1024


class ResumeType(StrEnum):
    PDF = "pdf"
    DOCX = "docx"


def detect_type(data: bytes) -> ResumeType:
    """Return the resume type of `data`, or raise UnsupportedType with a helpful message."""
    if PDF_MAGIC in data[:PDF_HEADER_WINDOW]:
        return ResumeType.PDF
    if data.startswith(ZIP_MAGIC):
        _check_docx_package(data)
        return ResumeType.DOCX
    if data.startswith(OLE_MAGIC):
        raise UnsupportedType(
            "This is an older Word (.doc) file. Save it as .docx or PDF in your word processor and upload that."
        )
    if data.startswith(IMAGE_MAGICS):
        raise UnsupportedType(
            "This file is an image, not a PDF or Word document. Upload the resume as a PDF or .docx file."
        )
    raise UnsupportedType("Only PDF and Word (.docx) resumes can be imported. This file is neither.")


def _check_docx_package(data: bytes) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            inflated = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, ValueError):
        raise UnsupportedType("This file looks like a damaged archive, not a Word (.docx) document.")
    if "word/document.xml" not in names:
        raise UnsupportedType("This archive is not a Word (.docx) document. Upload a PDF or .docx resume.")
    if inflated > MAX_DOCX_UNCOMPRESSED_BYTES:
        raise UnsupportedType("This Word document expands to an unreasonable size and cannot be imported.")

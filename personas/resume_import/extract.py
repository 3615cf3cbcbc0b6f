"""Turn a PDF or DOCX resume into plain text lines (pypdf and python-docx)."""

from __future__ import annotations

import io
import logging
import zipfile

from personas.resume_import.detect import ResumeType
from personas.resume_import.errors import Encrypted, NoText, Unreadable

logger = logging.getLogger(__name__)

MAX_PAGES = 30
MAX_TEXT_CHARS = 200_000
BULLET = "•"


def extract_text(data: bytes, kind: ResumeType) -> str:
    """Return the document's text with one line per visual line; raise when there is none."""
    text = _extract_pdf(data) if kind is ResumeType.PDF else _extract_docx(data)
    text = text[:MAX_TEXT_CHARS]
    if not any(ch.isalnum() for ch in text):
        raise NoText(
            "We could not find any text in this resume. If it is a scanned image, export it from your "
            "word processor as a PDF or .docx with real text and try again."
        )
    return text


def _extract_pdf(data: bytes) -> str:
    from pypdf import PdfReader
    from pypdf.errors import FileNotDecryptedError, PyPdfError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise Encrypted(
                "This PDF is password-protected. Remove the password (or print it to a new PDF) and upload it again."
            )
        pages = reader.pages[:MAX_PAGES]
        return "\n".join(page.extract_text() or "" for page in pages)
    except Encrypted:
        raise
    except FileNotDecryptedError:
        raise Encrypted(
            "This PDF is password-protected. Remove the password (or print it to a new PDF) and upload it again."
        )
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError) as exc:
        logger.info("resume import: unreadable PDF (%s)", type(exc).__name__)
        raise Unreadable("This PDF is damaged or in a form we cannot read. Try saving it again as a PDF.")


def _extract_docx(data: bytes) -> str:
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        logger.info("resume import: unreadable DOCX (%s)", type(exc).__name__)
        raise Unreadable("This Word document is damaged or in a form we cannot read. Try saving it again as .docx.")
    except Exception as exc:  # lxml raises its own parse errors for broken XML
        logger.info("resume import: unreadable DOCX (%s)", type(exc).__name__)
        raise Unreadable("This Word document is damaged or in a form we cannot read. Try saving it again as .docx.")

    lines: list[str] = []
    for section in document.sections[:1]:
        if not section.header.is_linked_to_previous:
            lines.extend(p.text for p in section.header.paragraphs if p.text.strip())
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            lines.extend(_table_lines(block))
        else:
            lines.append(_paragraph_line(block))
    return "\n".join(lines)


def _paragraph_line(paragraph) -> str:
    text = paragraph.text
    p_pr = paragraph._p.pPr
    is_list = (p_pr is not None and p_pr.numPr is not None) or (
        paragraph.style is not None and paragraph.style.name.startswith("List")
    )
    return f"{BULLET} {text}" if is_list and text.strip() else text


def _table_lines(table) -> list[str]:
    lines = []
    for row in table.rows:
        seen: list[str] = []
        for cell in row.cells:
            # Merged cells repeat; keep each cell's text once, and one line per paragraph inside it.
            if cell.text in seen:
                continue
            seen.append(cell.text)
            lines.extend(_paragraph_line(p) for p in cell.paragraphs)
    return lines

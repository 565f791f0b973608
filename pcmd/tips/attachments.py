"""Checks on the photos and documents sent with a tip: how many, how large, and what they really are.

The type is read from the file's first bytes (its "magic number"), never from its name or the browser's
Content-Type: a script renamed "anh.jpg" is refused. A .docx must also open as a zip holding a Word document.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from typing import IO

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from pcmd.core.services import Errors, add_error

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ALLOWED_TYPES_TEXT = "JPEG, PNG, WebP, HEIC, PDF, DOCX"
_HEIF_BRANDS = {b"heic", b"heix", b"hevc", b"heim", b"heis", b"mif1", b"msf1"}

TOO_MANY_FILES = _("Chỉ được gửi tối đa %(max)s tệp.")
FILE_TOO_LARGE = _("Tệp «%(name)s» lớn hơn %(mb)s MB.")
FILE_EMPTY = _("Tệp «%(name)s» rỗng.")
FILE_TYPE_REFUSED = _(
    "Tệp «%(name)s» không phải ảnh hoặc tài liệu được nhận (%(types)s). Nội dung tệp được kiểm tra, "
    "không dựa vào tên tệp."
)


def max_files() -> int:
    return int(getattr(settings, "PCMD_TIP_MAX_ATTACHMENTS", 5))


def max_megabytes() -> int:
    return int(getattr(settings, "PCMD_TIP_MAX_ATTACHMENT_MB", 10))


@dataclass(frozen=True)
class CheckedFile:
    upload: IO[bytes]
    name: str
    content_type: str
    size: int


def _is_docx(upload: IO[bytes]) -> bool:
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return False
    finally:
        upload.seek(0)
    return "[Content_Types].xml" in names and "word/document.xml" in names


def sniff(upload: IO[bytes]) -> str | None:
    """The content type the bytes prove, or None when they are not an accepted kind."""
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    if head[4:8] == b"ftyp" and head[8:12] in _HEIF_BRANDS:
        return "image/heic"
    if head.startswith(b"%PDF-"):
        return "application/pdf"
    if head.startswith(b"PK\x03\x04") and _is_docx(upload):
        return DOCX
    return None


def _size_of(upload: IO[bytes]) -> int:
    size = getattr(upload, "size", None)
    if size is not None:
        return int(size)
    upload.seek(0, 2)
    size = upload.tell()
    upload.seek(0)
    return int(size)


def check_uploads(
    uploads: Iterable[IO[bytes]], errors: Errors, field: str = "attachments"
) -> list[CheckedFile]:
    """Every file's type and size, and their number; problems go to `errors[field]`, all at once."""
    uploads = list(uploads)
    checked: list[CheckedFile] = []
    limit, megabytes = max_files(), max_megabytes()
    if len(uploads) > limit:
        add_error(errors, field, TOO_MANY_FILES, "too_many", max=limit)
        return []
    for upload in uploads:
        name = str(getattr(upload, "name", "") or "")[:200]
        size = _size_of(upload)
        if size == 0:
            add_error(errors, field, FILE_EMPTY, "empty", name=name)
            continue
        if size > megabytes * 1024 * 1024:
            add_error(errors, field, FILE_TOO_LARGE, "too_large", name=name, mb=megabytes)
            continue
        content_type = sniff(upload)
        if content_type is None:
            add_error(errors, field, FILE_TYPE_REFUSED, "type_refused", name=name, types=ALLOWED_TYPES_TEXT)
            continue
        checked.append(CheckedFile(upload=upload, name=name, content_type=content_type, size=size))
    return checked

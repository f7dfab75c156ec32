"""Store an upload for one required document of an application.

The type is decided by the file's content (`filetype` reads the magic bytes), never by its name
or the browser's Content-Type; the size is checked while reading, before anything is written.
Files live in UPLOAD_FOLDER under a random name; the row keeps the original name for display.
"""

from __future__ import annotations

import hashlib
import secrets
from pathlib import Path
from typing import IO, Any

import filetype
from sqlalchemy.orm import Session

from runtime.models import Application, UploadedDocument, User, utcnow

#: definition `accept` names → the MIME types `filetype` reports for them
ACCEPT_MIME = {"pdf": "application/pdf", "jpg": "image/jpeg", "png": "image/png"}
_CHUNK = 64 * 1024


class UploadRefused(Exception):
    """The file was not stored; `code` says why (empty, too_large, wrong_type)."""

    def __init__(self, code: str, **details: Any) -> None:
        super().__init__(code)
        self.code = code
        self.details = details


def read_limited(stream: IO[bytes], max_bytes: int) -> bytes:
    """Read at most `max_bytes`; refuse (without reading further) when the file is larger."""
    chunks: list[bytes] = []
    size = 0
    while chunk := stream.read(_CHUNK):
        size += len(chunk)
        if size > max_bytes:
            raise UploadRefused("too_large", max_mb=max_bytes / 1024 / 1024)
        chunks.append(chunk)
    if size == 0:
        raise UploadRefused("empty")
    return b"".join(chunks)


def sniff(content: bytes, accept: list[str]) -> str:
    """The MIME type of `content` when it is one of `accept`; raise UploadRefused otherwise."""
    kind = filetype.guess(content[:8192])
    allowed = {ACCEPT_MIME[a] for a in accept if a in ACCEPT_MIME}
    if kind is None or kind.mime not in allowed:
        raise UploadRefused("wrong_type", found=kind.extension if kind else None, accept=accept)
    return str(kind.mime)


def store_upload(
    session: Session,
    application: Application,
    document: dict[str, Any],
    stream: IO[bytes],
    original_name: str,
    folder: str | Path,
    *,
    uploaded_by: User | None,
) -> UploadedDocument:
    """Check and store a file for `document` (a definition document dict); the previous file
    for the same code, if any, is marked superseded. Raises UploadRefused."""
    max_bytes = int(float(document.get("max_size_mb", 2)) * 1024 * 1024)
    content = read_limited(stream, max_bytes)
    mime = sniff(content, list(document.get("accept", [])))
    stored_name = secrets.token_hex(20)
    path = Path(folder) / stored_name
    path.write_bytes(content)
    path.chmod(0o600)
    for old in current_documents(application).get(document["code"], []):
        old.superseded_at = utcnow()
    row = UploadedDocument(
        application=application,
        code=document["code"],
        original_name=Path(original_name or "dokumen").name[:255],
        stored_name=stored_name,
        mime_type=mime,
        size=len(content),
        sha256=hashlib.sha256(content).hexdigest(),
        uploaded_by_id=uploaded_by.id if uploaded_by else None,
    )
    session.add(row)
    session.flush()
    return row


def current_documents(application: Application) -> dict[str, list[UploadedDocument]]:
    """Not-superseded uploads of an application, by document code."""
    found: dict[str, list[UploadedDocument]] = {}
    for doc in application.documents:
        if doc.superseded_at is None:
            found.setdefault(doc.code, []).append(doc)
    return found


def open_stored(document: UploadedDocument, folder: str | Path) -> Path:
    """Path of the stored file (the name is ours, never the applicant's)."""
    path = Path(folder) / document.stored_name
    if not path.is_file() or path.parent.resolve() != Path(folder).resolve():
        raise FileNotFoundError(document.stored_name)
    return path

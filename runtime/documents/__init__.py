"""Uploaded documents: checked by content and size, stored outside the web root under random
names, streamed back only to those allowed to see them."""

from runtime.documents.storage import (
    UploadRefused,
    current_documents,
    open_stored,
    store_upload,
)

__all__ = ["UploadRefused", "current_documents", "open_stored", "store_upload"]

"""Field-level encryption at rest for sensitive data (informants, tip text, support cases; DESIGN.md §4).

- `EncryptedTextField` / `EncryptedJSONField` store a Fernet token (AES-128-CBC + HMAC-SHA256, authenticated)
  instead of the value; a database dump, a backup or a DBA's query shows ciphertext only.
- Keys come from settings.PCMD_FIELD_ENCRYPTION_KEYS, newest first, through MultiFernet: a new key encrypts,
  older keys still decrypt, and `manage.py rotate_field_keys` re-encrypts every row with the newest key.
- Encrypted columns cannot be searched. Where a lookup is needed (same phone number, same licence), store a
  `blind_index()` of the normalised value beside it: an HMAC with its own key, never the value's plain hash.
- Uploaded files of sensitive records use `EncryptedFileSystemStorage`: the bytes on disk are encrypted.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from functools import lru_cache
from typing import Any

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.files.base import ContentFile, File
from django.core.files.storage import FileSystemStorage
from django.db import models
from django.utils.deconstruct import deconstructible

from pcmd.core.vietnamese import search_key


class DecryptionError(RuntimeError):
    """A stored value does not decrypt with any configured key (a key was removed too early, or tampering)."""


@lru_cache(maxsize=4)
def _cipher_for(keys: tuple[str, ...]) -> MultiFernet:
    if not keys:
        raise ImproperlyConfigured("PCMD_FIELD_ENCRYPTION_KEYS is empty.")
    try:
        return MultiFernet([Fernet(key.encode()) for key in keys])
    except ValueError as exc:  # a malformed key: fail loudly at first use, never store plain text
        raise ImproperlyConfigured(f"PCMD_FIELD_ENCRYPTION_KEYS holds an invalid Fernet key: {exc}") from exc


def cipher() -> MultiFernet:
    return _cipher_for(tuple(settings.PCMD_FIELD_ENCRYPTION_KEYS))


def encrypt_bytes(data: bytes) -> bytes:
    return cipher().encrypt(data)


def decrypt_bytes(token: bytes) -> bytes:
    try:
        return cipher().decrypt(token)
    except InvalidToken as exc:
        raise DecryptionError("An encrypted value could not be decrypted with the configured keys.") from exc


def encrypt_text(value: str) -> str:
    return encrypt_bytes(value.encode("utf-8")).decode("ascii")


def decrypt_text(token: str) -> str:
    return decrypt_bytes(token.encode("ascii")).decode("utf-8")


def rotate_token(token: str) -> str:
    """The same value encrypted with the newest key (what `rotate_field_keys` does to every row)."""
    try:
        return cipher().rotate(token.encode("ascii")).decode("ascii")
    except InvalidToken as exc:
        raise DecryptionError("An encrypted value could not be decrypted with the configured keys.") from exc


def blind_index(value: str, *, purpose: str) -> str:
    """A keyed hash of the normalised value (case, diacritics and spaces ignored) for equality lookups.

    `purpose` separates the indexes of different fields, so equal values in two fields do not match.
    """
    normalised = search_key(value or "")
    if not normalised:
        return ""
    message = f"{purpose}\x00{normalised}".encode()
    return hmac.new(settings.PCMD_BLIND_INDEX_KEY.encode(), message, hashlib.sha256).hexdigest()


class EncryptedTextField(models.TextField):
    """Text stored encrypted. Only `isnull` lookups work on it: filter on a blind index instead."""

    description = "Text encrypted at rest"

    def from_db_value(self, value: str | None, expression: Any, connection: Any) -> str | None:
        if value is None or value == "":
            return value
        return decrypt_text(value)

    def get_prep_value(self, value: Any) -> Any:
        value = super().get_prep_value(value)
        if value is None or value == "":
            return value
        return encrypt_text(str(value))

    def get_lookup(self, lookup_name: str) -> Any:
        # An equality lookup would compare against a fresh token (random IV) and silently match nothing.
        if lookup_name != "isnull":
            raise NotImplementedError(f"Encrypted fields cannot be searched with '{lookup_name}'.")
        return super().get_lookup(lookup_name)


class EncryptedJSONField(EncryptedTextField):
    """A JSON value (dict or list) stored encrypted as one token."""

    description = "JSON encrypted at rest"

    def from_db_value(self, value: str | None, expression: Any, connection: Any) -> Any:
        text = super().from_db_value(value, expression, connection)
        return json.loads(text) if text else None

    def to_python(self, value: Any) -> Any:
        if isinstance(value, str):
            try:
                return json.loads(value)
            except json.JSONDecodeError:
                return value
        return value

    def get_prep_value(self, value: Any) -> Any:
        if value is None:
            return None
        return encrypt_text(json.dumps(value, ensure_ascii=False, sort_keys=True))

    def value_to_string(self, obj: models.Model) -> str:
        return json.dumps(self.value_from_object(obj), ensure_ascii=False)


@deconstructible
class EncryptedFileSystemStorage(FileSystemStorage):
    """Files encrypted on disk; opened through the storage they read back decrypted."""

    def _save(self, name: str, content: File) -> str:
        content.seek(0)
        return super()._save(name, ContentFile(encrypt_bytes(content.read())))  # type: ignore[misc]

    def _open(self, name: str, mode: str = "rb") -> File:
        with super()._open(name, "rb") as stored:  # type: ignore[misc]
            token = stored.read()
        return ContentFile(decrypt_bytes(token), name=name)

    def size(self, name: str) -> int:
        """The plain size (the stored one is larger by the encryption overhead)."""
        return len(self._open(name).read())

    def rotate(self, name: str) -> None:
        """Re-encrypt the stored file with the newest key, in place."""
        plain = self._open(name).read()
        with open(self.path(name), "wb") as stored:
            stored.write(encrypt_bytes(plain))


def encrypted_fields() -> list[tuple[type[models.Model], list[str]]]:
    """Every model with encrypted columns, and their names (for key rotation)."""
    from django.apps import apps

    found = []
    for model in apps.get_models():
        names = [f.attname for f in model._meta.concrete_fields if isinstance(f, EncryptedTextField)]
        if names:
            found.append((model, names))
    return found


def encrypted_file_fields() -> list[tuple[type[models.Model], list[str]]]:
    """Every model with file fields stored through EncryptedFileSystemStorage."""
    from django.apps import apps

    found = []
    for model in apps.get_models():
        names = [
            f.attname
            for f in model._meta.concrete_fields
            if isinstance(f, models.FileField) and isinstance(f.storage, EncryptedFileSystemStorage)
        ]
        if names:
            found.append((model, names))
    return found


def rotate_all(batch_size: int = 500) -> dict[str, int]:
    """Re-encrypt every encrypted column and file with the newest key; returns rows/files per model."""
    counts: dict[str, int] = {}
    for model, names in encrypted_fields():
        rows = 0
        manager = model._base_manager
        # Reading decrypts with whichever key fits; update() encrypts again with the newest.
        for row in manager.values_list("pk", *names).iterator(chunk_size=batch_size):
            pk, values = row[0], row[1:]
            manager.filter(pk=pk).update(**dict(zip(names, values, strict=True)))
            rows += 1
        counts[model._meta.label] = rows
    for model, names in encrypted_file_fields():
        files = 0
        for row in model._base_manager.values_list(*names).iterator(chunk_size=batch_size):
            for name, stored in zip(names, row, strict=True):
                if stored:
                    field = model._meta.get_field(name)
                    storage = field.storage  # type: ignore[union-attr]
                    storage.rotate(stored)
                    files += 1
        counts[f"{model._meta.label} (tệp)"] = files
    return counts

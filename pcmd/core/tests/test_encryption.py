"""Field-level encryption: what is stored is ciphertext, keys rotate, lookups go through blind indexes."""

import pytest
from cryptography.fernet import Fernet
from django.core.files.base import ContentFile
from django.test import override_settings

from pcmd.core import encryption
from pcmd.core.encryption import (
    DecryptionError,
    EncryptedFileSystemStorage,
    EncryptedJSONField,
    EncryptedTextField,
    blind_index,
    decrypt_text,
    encrypt_text,
    rotate_token,
)

OLD_KEY = Fernet.generate_key().decode()
NEW_KEY = Fernet.generate_key().decode()


def test_a_value_is_stored_as_a_token_that_does_not_contain_it():
    field = EncryptedTextField()
    stored = field.get_prep_value("Nguyễn Văn Tố Giác, 0912 345 678")
    assert "Nguyễn" not in stored and "0912" not in stored
    assert field.from_db_value(stored, None, None) == "Nguyễn Văn Tố Giác, 0912 345 678"


def test_the_same_value_encrypts_differently_each_time():
    assert encrypt_text("bí mật") != encrypt_text("bí mật")


def test_empty_and_null_are_left_as_they_are():
    field = EncryptedTextField()
    assert field.get_prep_value("") == ""
    assert field.get_prep_value(None) is None
    assert field.from_db_value(None, None, None) is None


def test_json_round_trips_encrypted():
    field = EncryptedJSONField()
    stored = field.get_prep_value({"ten": "Lò Thị A", "sdt": "0987"})
    assert "Lò" not in stored
    assert field.from_db_value(stored, None, None) == {"ten": "Lò Thị A", "sdt": "0987"}


def test_searching_an_encrypted_field_is_refused_rather_than_silently_matching_nothing():
    with pytest.raises(NotImplementedError):
        EncryptedTextField().get_lookup("icontains")
    with pytest.raises(NotImplementedError):
        EncryptedTextField().get_lookup("exact")
    assert EncryptedTextField().get_lookup("isnull") is not None


def test_after_a_key_rotation_old_tokens_still_decrypt_and_rotate_to_the_new_key():
    with override_settings(PCMD_FIELD_ENCRYPTION_KEYS=[OLD_KEY]):
        old_token = encrypt_text("nội dung tố giác")
    with override_settings(PCMD_FIELD_ENCRYPTION_KEYS=[NEW_KEY, OLD_KEY]):
        assert decrypt_text(old_token) == "nội dung tố giác"
        new_token = rotate_token(old_token)
    with override_settings(PCMD_FIELD_ENCRYPTION_KEYS=[NEW_KEY]):
        assert decrypt_text(new_token) == "nội dung tố giác"
        with pytest.raises(DecryptionError):
            decrypt_text(old_token)


def test_a_tampered_token_is_an_error_not_garbage():
    token = encrypt_text("abc")
    tampered = token[:-4] + ("AAAA" if not token.endswith("AAAA") else "BBBB")
    with pytest.raises(DecryptionError):
        decrypt_text(tampered)


def test_blind_indexes_ignore_case_diacritics_and_spaces_and_differ_per_purpose():
    assert blind_index("Nguyễn  Văn A", purpose="name") == blind_index("nguyen van a", purpose="name")
    assert blind_index("Nguyễn Văn A", purpose="name") != blind_index("Nguyễn Văn A", purpose="phone")
    assert blind_index("", purpose="name") == ""
    assert "nguyen" not in blind_index("Nguyễn", purpose="name")


def test_blind_indexes_depend_on_their_key():
    value = blind_index("0912345678", purpose="phone")
    with override_settings(PCMD_BLIND_INDEX_KEY="another-key"):
        assert blind_index("0912345678", purpose="phone") != value


def test_files_are_encrypted_on_disk_and_read_back_plain(tmp_path):
    storage = EncryptedFileSystemStorage(location=tmp_path)
    name = storage.save("anh.jpg", ContentFile(b"\xff\xd8\xff JPEG bytes of a photo"))
    on_disk = (tmp_path / name).read_bytes()
    assert b"JPEG bytes" not in on_disk
    assert storage.open(name).read() == b"\xff\xd8\xff JPEG bytes of a photo"
    assert storage.size(name) == len(b"\xff\xd8\xff JPEG bytes of a photo")


def test_a_file_rotates_to_the_new_key_in_place(tmp_path):
    with override_settings(PCMD_FIELD_ENCRYPTION_KEYS=[OLD_KEY]):
        storage = EncryptedFileSystemStorage(location=tmp_path)
        name = storage.save("tai-lieu.pdf", ContentFile(b"%PDF secret"))
    with override_settings(PCMD_FIELD_ENCRYPTION_KEYS=[NEW_KEY, OLD_KEY]):
        storage.rotate(name)
    with override_settings(PCMD_FIELD_ENCRYPTION_KEYS=[NEW_KEY]):
        assert storage.open(name).read() == b"%PDF secret"


def test_a_malformed_key_fails_loudly():
    from django.core.exceptions import ImproperlyConfigured

    with override_settings(PCMD_FIELD_ENCRYPTION_KEYS=["not-a-key"]), pytest.raises(ImproperlyConfigured):
        encryption.encrypt_text("x")


def _import_production_settings(**extra: str):
    import os
    import subprocess
    import sys

    env = {
        "PATH": os.environ.get("PATH", ""),
        "DJANGO_SECRET_KEY": "x" * 50,
        "DJANGO_ALLOWED_HOSTS": "pcmd.example.gov.vn",
        "DATABASE_URL": "postgres://u:p@127.0.0.1:5432/db",
        "REDIS_URL": "redis://127.0.0.1:6379/0",
        **extra,
    }
    return subprocess.run(
        [sys.executable, "-c", "import config.settings.production"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_production_refuses_to_start_without_its_own_encryption_keys():
    result = _import_production_settings()
    assert result.returncode != 0
    assert "PCMD_FIELD_ENCRYPTION_KEYS must be set in production" in result.stderr
    result = _import_production_settings(PCMD_FIELD_ENCRYPTION_KEYS=NEW_KEY)
    assert "PCMD_BLIND_INDEX_KEY must be set in production" in result.stderr
    result = _import_production_settings(PCMD_FIELD_ENCRYPTION_KEYS=NEW_KEY, PCMD_BLIND_INDEX_KEY="k" * 64)
    assert result.returncode == 0, result.stderr

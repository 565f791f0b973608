"""The portal's offline captcha (django-simple-captcha): a small sum drawn as an image by Pillow.

The package's widget expects its URLs at the site root; here the image is served under the portal
(/to-giac/captcha/…), so it falls under the portal's no-store and no-log rules. The API uses the same
challenges: it asks for one, shows the image, and sends back the key and the answer.
"""

from __future__ import annotations

from typing import Any

from captcha.fields import CaptchaField, CaptchaTextInput
from captcha.models import CaptchaStore
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

CAPTCHA_WRONG = _("Kết quả phép tính chưa đúng (hoặc đã hết hạn). Hãy tính lại với ảnh mới.")
CAPTCHA_REQUIRED = _("Hãy nhập kết quả phép tính trong ảnh.")


def image_url(key: str) -> str:
    return reverse("tips_public:captcha-image", kwargs={"key": key})


class PortalCaptchaInput(CaptchaTextInput):
    template_name = "tips/public/_captcha.html"

    def fetch_captcha_store(self, name: str, value: Any, attrs: Any = None, generator: Any = None) -> None:
        key = CaptchaStore.generate_key(generator)
        self._value = [key, ""]
        self._key = key
        self.id_ = self.build_attrs(attrs or {}).get("id", None)

    def image_url(self) -> str:
        return image_url(self._key)

    def audio_url(self) -> None:
        return None

    def refresh_url(self) -> str:
        return ""


def portal_captcha_field() -> CaptchaField:
    return CaptchaField(
        label=_("Mã kiểm tra"),
        widget=PortalCaptchaInput(attrs={"inputmode": "numeric", "class": "form-control"}),
        error_messages={
            "invalid": CAPTCHA_WRONG,
            "required": CAPTCHA_REQUIRED,
            "incomplete": CAPTCHA_REQUIRED,
        },
    )


def new_challenge() -> str:
    """A new challenge's key (the API shows `image_url(key)`)."""
    return str(CaptchaStore.generate_key())


def challenge_passes(key: str, answer: str) -> bool:
    """One attempt per challenge: the challenge is used up whether the answer is right or not."""
    CaptchaStore.remove_expired()
    store = CaptchaStore.objects.filter(
        hashkey=(key or "").strip().lower()[:40], expiration__gt=timezone.now()
    ).first()
    if store is None:
        return False
    store.delete()
    return bool(answer) and store.response == answer.strip().lower()

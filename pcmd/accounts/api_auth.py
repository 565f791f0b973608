from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions
from rest_framework.authentication import TokenAuthentication


class ActiveTokenAuthentication(TokenAuthentication):
    """DRF token authentication with a Vietnamese message for unknown tokens and disabled users."""

    def authenticate_credentials(self, key):  # type: ignore[no-untyped-def]
        model = self.get_model()
        try:
            token = model.objects.select_related("user").get(key=key)
        except model.DoesNotExist:
            raise exceptions.AuthenticationFailed(_("Mã truy cập (token) không hợp lệ.")) from None
        if not token.user.is_active:
            raise exceptions.AuthenticationFailed(_("Tài khoản đã bị khóa hoặc không còn hoạt động."))
        return (token.user, token)

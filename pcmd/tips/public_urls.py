"""The citizens' portal (no account): report a tip, follow it with the receipt."""

from django.urls import path, re_path

from pcmd.tips import public_views

app_name = "tips_public"

urlpatterns = [
    path("", public_views.submit, name="submit"),
    path("xa-phuong/", public_views.communes, name="communes"),
    path("tra-cuu/", public_views.status, name="status"),
    path("tra-cuu/tra-loi/", public_views.reply, name="reply"),
    re_path(r"^captcha/(?P<key>[0-9a-f]{40})/$", public_views.captcha_image, name="captcha-image"),
]

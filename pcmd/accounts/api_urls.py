from django.urls import path

from pcmd.accounts import api

urlpatterns = [
    path("auth/token/", api.TokenObtainView.as_view(), name="api-auth-token"),
    path("me/", api.MeView.as_view(), name="api-me"),
]

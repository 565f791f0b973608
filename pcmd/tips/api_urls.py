"""/api/v1/ routes of tips: the officers' queue and the citizens' portal (public/)."""

from django.urls import path

from pcmd.tips import api, public_api

urlpatterns = [
    path("tips/", api.TipListView.as_view(), name="api-tip-list"),
    path("tips/<int:tip_id>/", api.TipDetailView.as_view(), name="api-tip-detail"),
    path("tips/<int:tip_id>/transitions/", api.TipTransitionView.as_view(), name="api-tip-transitions"),
    path("tips/<int:tip_id>/messages/", api.TipMessageView.as_view(), name="api-tip-messages"),
    path("public/tips/", public_api.PublicTipSubmitView.as_view(), name="api-public-tip-submit"),
    path("public/tips/status", public_api.PublicTipStatusView.as_view(), name="api-public-tip-status"),
    path("public/tips/messages", public_api.PublicTipMessageView.as_view(), name="api-public-tip-messages"),
    path("public/tips/captcha", public_api.PublicCaptchaView.as_view(), name="api-public-tip-captcha"),
    path("public/tips/units", public_api.PublicUnitsView.as_view(), name="api-public-tip-units"),
]

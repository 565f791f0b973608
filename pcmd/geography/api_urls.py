from django.urls import path

from pcmd.geography import api

urlpatterns = [
    path("units/", api.UnitListView.as_view(), name="api-unit-list"),
    path("units/<str:code>/", api.UnitDetailView.as_view(), name="api-unit-detail"),
    path("units/<str:code>/successors/", api.UnitSuccessorsView.as_view(), name="api-unit-successors"),
]

"""/api/v1/ routes of hotspots."""

from django.urls import path

from pcmd.hotspots import api

urlpatterns = [
    path("hotspots/", api.HotspotListView.as_view(), name="api-hotspot-list"),
    path("hotspots/<int:hotspot_id>/", api.HotspotDetailView.as_view(), name="api-hotspot-detail"),
    path("hotspots/<int:hotspot_id>/events/", api.HotspotEventListView.as_view(), name="api-hotspot-events"),
]

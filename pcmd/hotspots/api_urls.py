"""/api/v1/ routes of hotspots."""

urlpatterns: list = []

"""/api/v1/ routes of legal."""

urlpatterns: list = []

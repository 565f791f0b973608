"""/api/v1/ routes of tips."""

urlpatterns: list = []

"""/api/v1/ routes of planning."""

urlpatterns: list = []

"""/api/v1/ routes of establishments."""

urlpatterns: list = []

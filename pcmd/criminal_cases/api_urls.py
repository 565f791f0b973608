"""/api/v1/ routes of criminal_cases."""

urlpatterns: list = []

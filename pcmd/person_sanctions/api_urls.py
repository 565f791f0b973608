"""/api/v1/ routes of person_sanctions."""

urlpatterns: list = []

app_name = "person_sanctions"

urlpatterns: list = []

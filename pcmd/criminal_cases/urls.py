app_name = "criminal_cases"

urlpatterns: list = []

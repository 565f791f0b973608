"""The citizens' portal (no account): report a tip, follow it with the receipt."""

app_name = "tips_public"

urlpatterns: list = []

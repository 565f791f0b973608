from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from pcmd.accounts.selectors import workspace_summary


def home(request: HttpRequest) -> HttpResponse:
    """The user's start page: who they act as and what their jurisdiction holds."""
    return render(request, "accounts/home.html", {"summary": workspace_summary(request.user)})  # type: ignore[arg-type]

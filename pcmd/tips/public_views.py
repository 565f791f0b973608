"""The citizens' portal (/to-giac/): report a tip without an account, then follow it with the receipt alone.

Every response here goes through `portal_view`: open without login, `Cache-Control: no-store`, no
referrer sent to other sites, and django-auditlog neither records nor sees the client's address. No IP
address, user agent or other request detail is stored with the tip or logged (pcmd.tips.log_privacy);
rate limiting counts an HMAC of the address (pcmd.tips.throttling). The receipt is only ever sent in a POST
body, never in a URL.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from auditlog.context import disable_auditlog, set_extra_data
from captcha import views as captcha_views
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from pcmd.tips import selectors, services, throttling, workflow
from pcmd.tips.models import Tip
from pcmd.tips.public_forms import PortalTipForm, ReceiptForm, ReplyForm

RECEIPT_NOT_FOUND = _(
    "Không tìm thấy tin báo với mã tiếp nhận này. Hãy kiểm tra lại từng ký tự (chữ O và số 0, chữ I và số 1 "
    "được coi là như nhau)."
)
REPLY_SENT = _("Đã gửi trả lời của bạn.")
UPDATE_COMMUNES = "cap_nhat_xa"

View = Callable[..., HttpResponse]


def portal_view(view: View) -> View:
    @login_not_required
    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        # Whatever is saved during the request is not copied into the change log, and auditlog's context
        # forgets the address the middleware put there.
        with (
            disable_auditlog(),
            set_extra_data(context_data={"actor": None, "remote_addr": None, "remote_port": None}),
        ):
            response = view(request, *args, **kwargs)
        add_never_cache_headers(response)
        # Not "no-referrer": the browser would then send "Origin: null" and fail Django's CSRF check.
        response["Referrer-Policy"] = "same-origin"
        return response

    return wrapper


def _throttled(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "tips/public/message.html",
        {"message": throttling.TOO_MANY_REQUESTS, "is_error": True},
        status=429,
    )


@portal_view
@require_http_methods(["GET", "POST"])
def submit(request: HttpRequest) -> HttpResponse:
    if request.method == "GET":
        return render(request, "tips/public/form.html", {"form": PortalTipForm()})
    if UPDATE_COMMUNES in request.POST:
        # Without JavaScript: show the communes of the chosen province, keeping what was typed (not files).
        initial = {key: request.POST.get(key, "") for key in request.POST if key != "csrfmiddlewaretoken"}
        return render(request, "tips/public/form.html", {"form": PortalTipForm(initial=initial)})
    if not throttling.allow(request, throttling.SUBMIT):
        return _throttled(request)
    form = PortalTipForm(request.POST, request.FILES)
    if form.is_valid():
        province, commune = form.location()
        try:
            submitted = services.tip_submit_public(
                category=form.cleaned_data["category"],
                province=province,
                location_unit=commune,
                place=form.cleaned_data["place"],
                content=form.cleaned_data["content"],
                attachments=form.cleaned_data["attachments"],
                contact=form.contact(),
            )
        except ValidationError as exc:
            _show_service_errors(form, exc)
        else:
            return render(
                request, "tips/public/receipt.html", {"receipt": submitted.receipt, "tip": submitted.tip}
            )
    return render(request, "tips/public/form.html", {"form": form})


def _show_service_errors(form: Any, exc: ValidationError) -> None:
    names = {"location_unit": "commune"}
    for field, errors in exc.error_dict.items():
        target = names.get(field, field)
        for error in errors:
            form.add_error(target if target in form.fields else None, error)


@portal_view
@require_GET
def communes(request: HttpRequest) -> HttpResponse:
    """The <option>s of a province's communes (htmx swaps them into the commune list)."""
    options = selectors.portal_communes(request.GET.get("province", "")[:2])
    return render(request, "tips/public/_commune_options.html", {"communes": options})


def _status_page(request: HttpRequest, tip: Tip, code: str, **context: Any) -> HttpResponse:
    return render(
        request,
        "tips/public/status.html",
        {
            "tip": tip,
            "thread": selectors.citizen_messages(tip),
            "reply_form": context.pop("reply_form", None) or ReplyForm(initial={"receipt": code}),
            "can_reply": tip.status in workflow.REPLY_STATUSES,
            **context,
        },
    )


def _not_found(request: HttpRequest) -> HttpResponse:
    return render(request, "tips/public/lookup.html", {"form": ReceiptForm(), "not_found": RECEIPT_NOT_FOUND})


@portal_view
@require_http_methods(["GET", "POST"])
def status(request: HttpRequest) -> HttpResponse:
    if request.method == "GET":
        return render(request, "tips/public/lookup.html", {"form": ReceiptForm()})
    if not throttling.allow(request, throttling.LOOKUP):
        return _throttled(request)
    code = str(request.POST.get("receipt", ""))[:60]
    tip = selectors.tip_by_receipt(code)
    if tip is None:
        return _not_found(request)
    return _status_page(request, tip, code)


@portal_view
@require_POST
def reply(request: HttpRequest) -> HttpResponse:
    if not throttling.allow(request, throttling.LOOKUP):
        return _throttled(request)
    form = ReplyForm(request.POST)
    code = str(request.POST.get("receipt", ""))[:60]
    tip = selectors.tip_by_receipt(code)
    if tip is None:
        return _not_found(request)
    if form.is_valid():
        try:
            services.tip_reply_from_citizen(tip=tip, body=form.cleaned_data["body"])
        except ValidationError as exc:
            _show_service_errors(form, exc)
        else:
            return _status_page(request, tip, code, sent=REPLY_SENT)
    return _status_page(request, tip, code, reply_form=form)


@portal_view
@require_GET
def captcha_image(request: HttpRequest, key: str) -> HttpResponse:
    return captcha_views.captcha_image(request, key, scale=1)

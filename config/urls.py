from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerView

from pcmd.accounts.views import home

urlpatterns = [
    path("", home, name="home"),
    path("", include("pcmd.core.urls")),
    path("tai-khoan/", include("pcmd.accounts.urls")),
    path("don-vi/", include("pcmd.geography.urls")),
    path("co-quan/", include("pcmd.agencies.urls")),
    path("nhat-ky/", include("pcmd.audit.urls")),
    path("xu-phat-ca-nhan/", include("pcmd.person_sanctions.urls")),
    path("vu-an/", include("pcmd.criminal_cases.urls")),
    path("tin-bao/", include("pcmd.tips.urls")),
    path("to-giac/", include("pcmd.tips.public_urls")),
    path("ke-hoach/", include("pcmd.planning.urls")),
    path("kiem-tra/", include("pcmd.inspections.urls")),
    path("diem-phuc-tap/", include("pcmd.hotspots.urls")),
    path("co-so/", include("pcmd.establishments.urls")),
    path("van-ban-phap-luat/", include("pcmd.legal.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("quan-tri/", admin.site.urls),
    path("api/v1/", include("config.api_urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("api/docs/", SpectacularSwaggerView.as_view(url_name="api-schema"), name="api-docs"),
    path("api/redoc/", SpectacularRedocView.as_view(url_name="api-schema"), name="api-redoc"),
]

handler400 = "pcmd.core.views.bad_request"
handler403 = "pcmd.core.views.permission_denied"
handler404 = "pcmd.core.views.page_not_found"
handler500 = "pcmd.core.views.server_error"

# Uploaded files are never served from MEDIA_URL, not even in DEBUG: each is downloaded through its app's
# view, which checks the jurisdiction (photos of inspections, evidence, attachments of tips).

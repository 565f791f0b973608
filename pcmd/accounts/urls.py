from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy
from django.utils.translation import gettext_lazy as _

from pcmd.accounts import auth_views as pcmd_auth_views
from pcmd.accounts import views
from pcmd.accounts.forms import PcmdAuthenticationForm

app_name = "accounts"
urlpatterns = [
    path(
        "dang-nhap/",
        auth_views.LoginView.as_view(
            template_name="accounts/login.html",
            authentication_form=PcmdAuthenticationForm,
            redirect_authenticated_user=True,
        ),
        name="login",
    ),
    path("dang-xuat/", pcmd_auth_views.PcmdLogoutView.as_view(), name="logout"),
    path("chuyen-phan-cong/", pcmd_auth_views.switch_membership, name="switch-membership"),
    path("xac-thuc-2-buoc/", pcmd_auth_views.two_factor_verify, name="two-factor"),
    path("xac-thuc-2-buoc/cai-dat/", pcmd_auth_views.two_factor_setup, name="two-factor-setup"),
    path(
        "doi-mat-khau/",
        auth_views.PasswordChangeView.as_view(
            template_name="accounts/form_page.html",
            success_url=reverse_lazy("accounts:password-change-done"),
            extra_context={"page_title": _("Đổi mật khẩu"), "submit_label": _("Đổi mật khẩu")},
        ),
        name="password-change",
    ),
    path(
        "doi-mat-khau/xong/",
        auth_views.PasswordChangeDoneView.as_view(
            template_name="accounts/message_page.html",
            extra_context={
                "page_title": _("Đã đổi mật khẩu"),
                "message": _("Mật khẩu của bạn đã được thay đổi."),
            },
        ),
        name="password-change-done",
    ),
    path(
        "quen-mat-khau/",
        auth_views.PasswordResetView.as_view(
            template_name="accounts/plain_form_page.html",
            form_class=pcmd_auth_views.PcmdPasswordResetForm,
            email_template_name="accounts/email/password_reset.txt",
            subject_template_name="accounts/email/password_reset_subject.txt",
            success_url=reverse_lazy("accounts:password-reset-done"),
            extra_context={
                "page_title": _("Quên mật khẩu"),
                "intro": _(
                    "Nhập địa chỉ thư điện tử của tài khoản; hệ thống sẽ gửi đường dẫn đặt mật khẩu mới."
                ),
                "submit_label": _("Gửi hướng dẫn"),
            },
        ),
        name="password-reset",
    ),
    path(
        "quen-mat-khau/da-gui/",
        auth_views.PasswordResetDoneView.as_view(
            template_name="accounts/plain_message_page.html",
            extra_context={
                "page_title": _("Đã gửi hướng dẫn"),
                "message": _(
                    "Nếu địa chỉ thư điện tử có trong hệ thống, hướng dẫn đặt lại mật khẩu đã được gửi. "
                    "Hãy kiểm tra hộp thư (kể cả thư rác)."
                ),
            },
        ),
        name="password-reset-done",
    ),
    path(
        "dat-lai-mat-khau/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            template_name="accounts/plain_form_page.html",
            success_url=reverse_lazy("accounts:password-reset-complete"),
            extra_context={"page_title": _("Đặt mật khẩu mới"), "submit_label": _("Đặt mật khẩu")},
        ),
        name="password-reset-confirm",
    ),
    path(
        "dat-lai-mat-khau/xong/",
        auth_views.PasswordResetCompleteView.as_view(
            template_name="accounts/plain_message_page.html",
            extra_context={
                "page_title": _("Đã đặt lại mật khẩu"),
                "message": _("Bạn có thể đăng nhập bằng mật khẩu mới."),
                "show_login_link": True,
            },
        ),
        name="password-reset-complete",
    ),
    path("nguoi-dung/", views.user_list, name="user-list"),
    path("nguoi-dung/them/", views.user_create, name="user-create"),
    path("nguoi-dung/<int:user_id>/", views.user_detail, name="user-detail"),
    path("nguoi-dung/<int:user_id>/vo-hieu-hoa/", views.user_deactivate, name="user-deactivate"),
    path("nguoi-dung/goi-y-don-vi/", views.unit_options, name="unit-options"),
    path("nguoi-dung/co-quan-theo-don-vi/", views.membership_choices, name="membership-choices"),
]

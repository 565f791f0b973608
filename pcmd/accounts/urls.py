from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from pcmd.accounts import auth_views as pcmd_auth_views
from pcmd.accounts.forms import PcmdAuthenticationForm

app_name = "accounts"
urlpatterns = [
    path(
        "dang-nhap/",
        auth_views.LoginView.as_view(
            template_name="accounts/login.html", authentication_form=PcmdAuthenticationForm,
            redirect_authenticated_user=True,
        ),
        name="login",
    ),
    path("dang-xuat/", auth_views.LogoutView.as_view(), name="logout"),
    path("chuyen-phan-cong/", pcmd_auth_views.switch_membership, name="switch-membership"),
    path("xac-thuc-2-buoc/", pcmd_auth_views.two_factor_verify, name="two-factor"),
    path("xac-thuc-2-buoc/cai-dat/", pcmd_auth_views.two_factor_setup, name="two-factor-setup"),
    path(
        "doi-mat-khau/",
        auth_views.PasswordChangeView.as_view(
            template_name="accounts/form_page.html", success_url=reverse_lazy("accounts:password-change-done"),
            extra_context={"page_title": "Đổi mật khẩu"},
        ),
        name="password-change",
    ),
    path(
        "doi-mat-khau/xong/",
        auth_views.PasswordChangeDoneView.as_view(template_name="accounts/message_page.html",
                                                  extra_context={"page_title": "Đã đổi mật khẩu"}),
        name="password-change-done",
    ),
    path(
        "quen-mat-khau/",
        auth_views.PasswordResetView.as_view(
            template_name="accounts/plain_form_page.html",
            email_template_name="accounts/email/password_reset.txt",
            subject_template_name="accounts/email/password_reset_subject.txt",
            success_url=reverse_lazy("accounts:password-reset-done"),
            extra_context={"page_title": "Quên mật khẩu"},
        ),
        name="password-reset",
    ),
    path(
        "quen-mat-khau/da-gui/",
        auth_views.PasswordResetDoneView.as_view(
            template_name="accounts/plain_message_page.html",
            extra_context={"page_title": "Đã gửi hướng dẫn",
                           "message": "Nếu địa chỉ thư điện tử có trong hệ thống, hướng dẫn đặt lại mật khẩu đã được gửi."},
        ),
        name="password-reset-done",
    ),
    path(
        "dat-lai-mat-khau/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            template_name="accounts/plain_form_page.html",
            success_url=reverse_lazy("accounts:password-reset-complete"),
            extra_context={"page_title": "Đặt mật khẩu mới"},
        ),
        name="password-reset-confirm",
    ),
    path(
        "dat-lai-mat-khau/xong/",
        auth_views.PasswordResetCompleteView.as_view(
            template_name="accounts/plain_message_page.html",
            extra_context={"page_title": "Đã đặt lại mật khẩu", "message": "Bạn có thể đăng nhập bằng mật khẩu mới."},
        ),
        name="password-reset-complete",
    ),
]

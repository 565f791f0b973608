"""Browser tests: Playwright drives Debian's Chromium against pytest-django's live server.

They are required in CI (CI=true): a missing browser is then an error, elsewhere a skip.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from pcmd.accounts.capabilities import Role
from pcmd.accounts.tests.factories import PASSWORD, MembershipFactory, UserFactory

CHROMIUM = Path("/usr/bin/chromium")
PHONE = {"width": 375, "height": 667}

# Playwright's sync API runs an event loop in the test thread; Django must still allow its ORM there.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_runtest_setup(item: pytest.Item) -> None:
    if CHROMIUM.exists():
        return
    if os.environ.get("CI") == "true":
        pytest.fail(
            f"{CHROMIUM} is missing: the browser tests are required in CI (apt-get install chromium)."
        )
    pytest.skip(f"{CHROMIUM} is not installed")


@pytest.fixture
def two_hat_officer(transactional_db, son_la, commune, health_department):
    """A Sở Y tế coordinator who is also a commune officer of Phường Tô Hiệu."""
    user = UserFactory.create(username="hai.phancong", full_name="Lường Văn Hai")
    MembershipFactory.create(
        user=user, unit=son_la, agency=health_department, role=Role.PROVINCIAL_COORDINATOR
    )
    MembershipFactory.create(user=user, unit=commune, role=Role.COMMUNE_OFFICER)
    return user


@pytest.fixture
def log_in(live_server, page):  # type: ignore[no-untyped-def]
    """Log in through the real login form; returns the page on the home screen."""

    def _log_in(username: str, password: str = PASSWORD):  # type: ignore[no-untyped-def]
        page.goto(f"{live_server.url}/tai-khoan/dang-nhap/")
        page.get_by_label("Tên đăng nhập").fill(username)
        page.get_by_label("Mật khẩu").fill(password)
        page.get_by_role("button", name="Đăng nhập").click()
        page.wait_for_load_state()
        return page

    return _log_in

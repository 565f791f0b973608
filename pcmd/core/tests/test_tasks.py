"""The same task function runs eagerly in the embedded default and on a real worker with Redis in CI."""

import os
import time

import pytest
from django.core import mail

from pcmd.core.tasks import send_email


def test_send_email_runs_in_process_without_a_broker():
    # when
    result = send_email.delay("Chủ đề", "Nội dung", ["a@example.vn"])
    # then
    assert result.get() == 1
    assert mail.outbox[-1].subject == "Chủ đề"


REDIS_URL = os.environ.get("PCMD_TEST_REDIS_URL", "")


@pytest.mark.skipif(not REDIS_URL and os.environ.get("CI") != "true", reason="needs Redis (CI starts one)")
def test_send_email_goes_through_a_real_redis_broker_and_worker(settings):
    from celery.contrib.testing.worker import start_worker

    from config.celery import app

    assert REDIS_URL, "CI must export PCMD_TEST_REDIS_URL"
    # given the app pointed at Redis, not eager
    app.conf.update(broker_url=REDIS_URL, task_always_eager=False)
    try:
        with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=10):
            # when the task is published to Redis and consumed by the worker thread
            with app.connection_for_write(REDIS_URL) as connection:
                send_email.apply_async(("Qua Redis", "Nội dung", ["b@example.vn"]), connection=connection)  # type: ignore[call-arg]
            deadline = time.monotonic() + 20
            while time.monotonic() < deadline and not mail.outbox:
                time.sleep(0.1)
    finally:
        app.conf.update(broker_url="memory://", task_always_eager=True)
    # then the worker sent it
    assert [message.subject for message in mail.outbox] == ["Qua Redis"]

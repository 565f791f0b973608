import pytest


@pytest.mark.django_db
def test_healthz_reports_the_database_without_login(client):
    # when
    response = client.get("/healthz")
    # then
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["database"]["ok"] is True
    assert "redis" not in body
    assert response["Cache-Control"].startswith("max-age=0")


@pytest.mark.django_db
def test_healthz_reports_redis_down_as_503(client, settings):
    # given a Redis URL where nothing listens
    settings.REDIS_URL = "redis://127.0.0.1:1/0"
    # when
    response = client.get("/healthz")
    # then
    assert response.status_code == 503
    assert response.json()["redis"]["ok"] is False

"""Single sign-on end to end: a real OIDC provider (oidc-provider-mock) on loopback, the hub
in OIDC mode, and a real chromium that logs in and lands in JupyterLab; the groups claim
decides courses, the teacher role and admin status."""

from __future__ import annotations

import json
import re
import threading

import pytest
import werkzeug.serving
from oidc_provider_mock import User, app as oidc_app

pytestmark = [pytest.mark.hub, pytest.mark.browser]

PEOPLE = [
    User(sub="ada", claims={"preferred_username": "ada", "groups": ["teachers", "course-7a"]}),
    User(sub="bob", claims={"preferred_username": "bob", "groups": ["course-7a"]}),
    User(sub="cyd", claims={"preferred_username": "cyd", "groups": ["admins"]}),
]


@pytest.fixture(scope="module")
def provider():
    """The OIDC provider, on a free loopback port, in a thread."""
    server = werkzeug.serving.make_server("127.0.0.1", 0, oidc_app(user_claims=PEOPLE),
                                          threaded=True)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1})
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join()


@pytest.fixture(scope="module")
def hub(hub_launcher, provider, tmp_path_factory):
    env = {"TIMEWARP_HUB_AUTH": "oidc", "TIMEWARP_OIDC_ISSUER": provider,
           "TIMEWARP_OIDC_CLIENT_ID": "timewarp-hub", "TIMEWARP_OIDC_CLIENT_SECRET": "secret"}
    with hub_launcher(tmp_path_factory.mktemp("sso-hub"), env, args=(), admin=False) as running:
        yield running


def sign_in(browser, hub, who: str):
    """Log in through the provider's page as ``who``; returns the page, now at the hub."""
    page = browser.new_context().new_page()
    page.set_default_timeout(60_000)
    page.goto(hub.url + "/hub/oauth_login")
    page.get_by_role("button", name=who, exact=True).click()
    return page


def hub_user_model(page, hub) -> dict:
    """What the hub says about the logged-in user (a page visit, so the cookie counts)."""
    page.goto(hub.url + "/hub/api/user")
    return json.loads(page.inner_text("body"))


def test_teacher_signs_in_and_lands_in_jupyterlab(browser, hub):
    page = sign_in(browser, hub, "ada")
    # A teacher may choose a profile; the form offers both.
    page.wait_for_url(re.compile(r"/hub/spawn"))
    assert page.get_by_text("Time Warp + IoT").is_visible()
    page.get_by_role("button", name="Start").click()
    page.wait_for_url(re.compile(r"/user/ada/lab"))
    page.wait_for_selector("#jp-main-dock-panel")
    model = hub_user_model(page, hub)
    assert model["name"] == "ada"
    assert sorted(model["groups"]) == ["course-7a", "teachers"]
    assert set(model["roles"]) == {"timewarp-member", "teacher-course-7a"}
    assert model["admin"] is False
    assert model["servers"][""]["ready"]
    page.context.close()


def test_student_gets_the_course_group_and_no_teacher_role(browser, hub):
    page = sign_in(browser, hub, "bob")
    page.wait_for_url(re.compile(r"/hub/|/user/bob/"))
    model = hub_user_model(page, hub)
    assert model["groups"] == ["course-7a"]
    assert model["roles"] == ["timewarp-member"]
    assert model["admin"] is False
    page.context.close()


def test_admin_group_makes_an_admin(browser, hub):
    page = sign_in(browser, hub, "cyd")
    page.wait_for_url(re.compile(r"/hub/|/user/cyd/"))
    model = hub_user_model(page, hub)
    assert model["admin"] is True
    assert "timewarp-admin" in model["roles"]
    page.context.close()

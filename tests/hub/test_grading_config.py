"""The hub's grading set-up without a running hub: course ids, nbgrader's groups and roles,
the per-role configuration and the course services (as the hub's own account, not root)."""

from __future__ import annotations

import json

import pytest
from timewarp_grading.hub_course_list import formgrader_links
from timewarp_hub.authenticators import ConfigurationError
from timewarp_hub.courses import course_id
from timewarp_hub.grading import check_prefixes, configure_grading, grading_auth_model
from timewarp_hub.passwords import PasswordStore
from timewarp_hub.settings import load_settings
from traitlets.config import Config

pytestmark = pytest.mark.hub


@pytest.fixture
def settings(monkeypatch, tmp_path):
    monkeypatch.setenv("TIMEWARP_HUB_DATA", str(tmp_path / "data"))
    monkeypatch.setenv("TIMEWARP_HUB_GRADING_DIR", str(tmp_path / "grading"))
    monkeypatch.delenv("TIMEWARP_HUB_CONFIG", raising=False)
    store = PasswordStore(tmp_path / "data" / "passwords.sqlite")
    store.set("teacher1", "x", ["teachers", "7a"])
    store.set("student1", "x", ["7a", "Math Club"])
    return load_settings()


def test_course_ids_are_safe_and_never_shared():
    assert course_id("demo-course") == "demo-course"
    assert course_id("Math Club") != course_id("math-club")
    assert course_id("Math Club").startswith("math-club-")
    assert course_id("org:team").startswith("org-team-")


def test_prefixes_that_could_collide_are_refused(monkeypatch, settings):
    settings.grader_unix_prefix = "tw-g"
    with pytest.raises(ConfigurationError, match="grader_unix_prefix"):
        check_prefixes(settings)
    settings.grader_unix_prefix = "twg-"
    check_prefixes(settings)


def test_login_adds_nbgrader_groups_and_the_formgrader_role(settings):
    graded = {"7a"}
    teacher = grading_auth_model({"name": "t", "groups": ["teachers", "7a"], "roles": []},
                                 settings, graded)
    assert teacher["groups"] == ["7a", "formgrade-7a", "teachers"]
    assert teacher["roles"][0]["scopes"] == ["access:services!service=7a"]
    student = grading_auth_model({"name": "s", "groups": ["7a", "nbgrader-old"], "roles": []},
                                 settings, graded)
    assert student["groups"] == ["7a", "nbgrader-7a"]
    assert student["roles"] == []


def test_course_list_links_open_formgrader_and_the_csv():
    links = formgrader_links("7a 7a", "/hub-prefix/")
    assert [link["url"] for link in links] == ["/hub-prefix/services/7a/formgrader",
                                               "/hub-prefix/services/7a/timewarp/grades.csv"]


def test_one_service_per_course_and_a_configuration_per_role(settings):
    c = Config()
    c.JupyterHub.services = [{"name": "metrics"}]
    graded = configure_grading(c, settings, as_root=False)
    assert sorted(course.group for course in graded) == ["7a", "Math Club"]
    services = {s["name"]: s for s in c.JupyterHub.services}
    assert set(services) == {"metrics", "7a", course_id("Math Club")}
    assert services["7a"]["oauth_no_confirm"] and services["7a"]["cwd"].endswith("twg-7a")
    assert "read:users:groups!user" in c.Spawner.server_token_scopes
    config = settings.grading_dir + "/config"
    student = json.load(open(f"{config}/student/jupyter_server_config.json"))
    extensions = student["ServerApp"]["jpserver_extensions"]
    assert not extensions["nbgrader.server_extensions.formgrader"]
    assert extensions["nbgrader.server_extensions.assignment_list"]
    course = json.load(open(f"{config}/course-7a/nbgrader_config.json"))
    assert course["CourseDirectory"]["course_id"] == "7a"
    assert course["ExchangeFactory"]["collect"].endswith("HubCollect")

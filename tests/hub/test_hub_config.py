"""The hub's configuration code without a running hub: settings, roles, passwords, accounts,
login-method group mapping, and the JupyterHub configuration it produces."""

from __future__ import annotations

import os
import pwd
import re
import stat
import subprocess
import sys

import pytest
from jupyterhub.roles import _validate_role_name
from timewarp_hub.accounts import AccountError, ensure_account, unix_name, unreadable_paths
from timewarp_hub.authenticators import (ConfigurationError, github_groups, lti_groups,
                                         LTI_CONTEXT, LTI_ROLES)
from timewarp_hub.configure import apply_settings
from timewarp_hub.passwords import PasswordStore
from timewarp_hub.roles import complete_auth_model, teacher_role_name
from timewarp_hub.settings import load_settings
from traitlets.config import Config

pytestmark = pytest.mark.hub

INSTRUCTOR = "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor"
LEARNER = "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"


@pytest.fixture
def settings(monkeypatch, tmp_path):
    monkeypatch.setenv("TIMEWARP_HUB_DATA", str(tmp_path / "data"))
    monkeypatch.delenv("TIMEWARP_HUB_CONFIG", raising=False)
    return load_settings()


def test_teacher_gets_one_role_per_course(settings):
    model = complete_auth_model({"name": "ada", "groups": ["7a", "teachers", "8b"]}, settings)
    names = [r["name"] for r in model["roles"]]
    assert names == ["timewarp-member", "teacher-7a", "teacher-8b"]
    assert "access:servers!group=8b" in model["roles"][2]["scopes"]
    assert not any("!group=teachers" in s for r in model["roles"] for s in r["scopes"])
    assert model["admin"] is False


def test_student_is_only_a_member(settings):
    model = complete_auth_model({"name": "bob", "groups": ["7a"]}, settings)
    assert [r["name"] for r in model["roles"]] == ["timewarp-member"]
    # Their own server, and sharing it (fenced by course in timewarp_hub.sharing).
    assert model["roles"][0]["scopes"] == ["self", "shares!user", "read:users:name", "list:users"]


def test_admin_by_group_or_by_name(settings):
    assert complete_auth_model({"name": "cyd", "groups": ["admins"]}, settings)["admin"]
    named = complete_auth_model({"name": "admin", "groups": []}, settings)
    assert named["admin"] and named["roles"][-1]["name"] == "timewarp-admin"


def test_course_prefix_limits_which_groups_are_courses(monkeypatch, settings):
    monkeypatch.setenv("TIMEWARP_HUB_COURSE_PREFIX", "course-")
    model = complete_auth_model({"name": "ada", "groups": ["teachers", "course-7a", "staff"]},
                                load_settings())
    assert [r["name"] for r in model["roles"]] == ["timewarp-member", "teacher-course-7a"]


@pytest.mark.parametrize("course", ["7a", "Course 7A/2026", "ÉCOLE", "-x-"])
def test_teacher_role_names_are_valid_jupyterhub_role_names(course):
    _validate_role_name(teacher_role_name(course))


def test_password_store_checks_hashes_and_keeps_groups(tmp_path):
    store = PasswordStore(tmp_path / "p.sqlite")
    store.set("ada", "correct horse", ["teachers", "7a"])
    assert store.check("ada", "correct horse") == ["7a", "teachers"]
    assert store.check("ada", "wrong") is None
    assert store.check("nobody", "correct horse") is None
    store.set("ada", "new one")
    assert store.check("ada", "new one") == ["7a", "teachers"]
    assert b"new one" not in (tmp_path / "p.sqlite").read_bytes()
    assert stat.S_IMODE((tmp_path / "p.sqlite").stat().st_mode) == 0o600
    assert store.remove("ada") and "ada" not in store


def test_lti_launch_gives_the_course_and_the_teacher_group(settings):
    teacher = {LTI_CONTEXT: {"id": "c-1", "label": "CS101"}, LTI_ROLES: [INSTRUCTOR]}
    assert lti_groups(teacher, settings) == ["CS101", "teachers"]
    assert lti_groups({LTI_CONTEXT: {"id": "c-1"}, LTI_ROLES: [LEARNER]}, settings) == ["c-1"]


def test_github_teams_become_groups():
    state = {"teams": [{"slug": "class-7a", "organization": {"login": "school"}}]}
    assert github_groups(state) == ["school:class-7a"]


def test_yaml_overrides_environment_and_config_overrides_yaml(monkeypatch, tmp_path):
    monkeypatch.setenv("TIMEWARP_HUB_IDLE_TIMEOUT", "100")
    monkeypatch.setenv("TIMEWARP_HUB_MEM_LIMIT", "3G")
    assert load_settings().idle_timeout == 100
    (tmp_path / "hub.yaml").write_text("idle_timeout: 200\nimage: x/y:1\n")
    monkeypatch.setenv("TIMEWARP_HUB_CONFIG", str(tmp_path / "hub.yaml"))
    from_yaml = load_settings()
    assert (from_yaml.idle_timeout, from_yaml.image, from_yaml.mem_limit) == (200, "x/y:1", "3G")
    c = Config()
    c.HubSettings.idle_timeout = 300
    assert load_settings(c).idle_timeout == 300


def test_admin_by_name_only_with_the_password_login(monkeypatch, settings):
    assert settings.admin_users == ["admin"]
    monkeypatch.setenv("TIMEWARP_HUB_AUTH", "oidc")
    assert load_settings().admin_users == []


def test_oidc_without_an_issuer_is_a_clear_error(monkeypatch, settings):
    monkeypatch.setenv("TIMEWARP_HUB_AUTH", "oidc")
    with pytest.raises(ConfigurationError, match="oidc_issuer"):
        apply_settings(Config())


def test_jupyterhub_configuration(settings):
    c = Config()
    apply_settings(c)
    assert c.JupyterHub.port == 8000 and c.JupyterHub.ip == "127.0.0.1"
    assert c.JupyterHub.db_url.startswith("sqlite:///")
    assert c.ConfigurableHTTPProxy.command[0].endswith("node_modules/.bin/configurable-http-proxy")
    assert os.access(c.ConfigurableHTTPProxy.command[0], os.X_OK)
    assert {s["name"] for s in c.JupyterHub.services} == {"metrics", "idle-culler"}
    assert c.Authenticator.manage_groups and c.Authenticator.manage_roles
    expected = "AccountSpawner" if os.geteuid() == 0 else "SimpleLocalProcessSpawner"
    assert c.JupyterHub.spawner_class.__name__ == expected
    assert c.Spawner.cmd[0] == os.path.join(sys.prefix, "bin", "jupyterhub-singleuser")


def test_unreadable_directories_on_the_way_are_reported(tmp_path):
    private = tmp_path / "private"
    (private / "venv").mkdir(parents=True)
    tmp_path.chmod(0o755)
    private.chmod(0o700)
    assert str(private) in unreadable_paths([private / "venv"])
    private.chmod(0o755)
    assert str(private) not in unreadable_paths([private / "venv"])


def test_account_names_are_prefixed_and_made_safe():
    assert unix_name("tw-", "ada") == "tw-ada"
    unsafe = ["a" * 40, "a" * 41, "ada;rm -rf", "Ada@school.edu", "ada@school-edu", "ÉCOLE"]
    names = [unix_name("tw-", n) for n in unsafe]
    assert len(set(names)) == len(unsafe)
    for name in names:
        assert re.fullmatch(r"tw-[a-z0-9_.-]+", name) and len(name) <= 32, name
    with pytest.raises(AccountError):
        unix_name("x" * 30, "ada@school.edu")


@pytest.mark.skipif(os.geteuid() != 0, reason="needs root")
def test_existing_system_account_is_never_adopted():
    home = pwd.getpwnam("daemon").pw_dir
    before = os.stat(home).st_mode if os.path.exists(home) else None
    with pytest.raises(AccountError, match="not created by the hub"):
        ensure_account("daemon")
    assert (os.stat(home).st_mode if os.path.exists(home) else None) == before


def test_launcher_adds_users_with_generated_passwords(tmp_path):
    env = {**os.environ, "TIMEWARP_HUB_DATA": str(tmp_path)}
    out = subprocess.run([sys.executable, "-m", "timewarp_hub", "user", "add", "eve",
                          "--group", "7a"], env=env, capture_output=True, text=True, check=True)
    name, _, password = out.stdout.strip().partition(" / ")
    assert name == "eve" and len(password) == 19
    assert PasswordStore(tmp_path / "passwords.sqlite").check("eve", password) == ["7a"]


def test_every_setting_is_documented_with_its_variable():
    from pathlib import Path

    from timewarp_hub.settings import HubSettings
    doc = (Path(__file__).resolve().parents[2] / "docs" / "hub.md").read_text()
    for name, trait in HubSettings.class_traits(config=True).items():
        assert f"| `{name}` |" in doc, name
        for variable in set(re.findall(r"TIMEWARP_[A-Z_]+", trait.help)):
            assert f"`{variable}`" in doc, variable


def test_without_root_everyone_shares_one_account_with_a_loud_warning(monkeypatch, settings,
                                                                      caplog):
    from timewarp_hub import configure
    monkeypatch.setattr(configure.os, "geteuid", lambda: 1000)
    c = Config()
    apply_settings(c)
    assert c.JupyterHub.spawner_class.__name__ == "SimpleLocalProcessSpawner"
    assert c.SimpleLocalProcessSpawner.home_dir_template.startswith(settings.data_dir)
    assert "NOT running as root" in caplog.text
    monkeypatch.setenv("TIMEWARP_HUB_ALLOW_SHARED_ACCOUNT", "false")
    with pytest.raises(ConfigurationError, match="not running as root"):
        apply_settings(Config())

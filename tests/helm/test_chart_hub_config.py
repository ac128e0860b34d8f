"""The hub configuration the chart passes, run as the hub runs it: the settings files and
secrets from the rendered chart, the chart's hub.extraConfig executed on a JupyterHub config,
then KubeSpawner's own get_pod_manifest() for real JupyterHub users (no cluster: a
placeholder kubeconfig, as in tests/hub/test_kubernetes.py)."""

from __future__ import annotations

import asyncio
import base64
from pathlib import Path

import kubernetes_validate
import pytest
import yaml
from jupyterhub import orm
from jupyterhub.objects import Hub
from jupyterhub.user import User
from kubernetes_asyncio.client import ApiClient
from kubernetes_asyncio.config import kube_config
from kubespawner import KubeSpawner
from timewarp_hub import authenticators
from traitlets.config import Config

pytestmark = pytest.mark.hub

CHART = Path(__file__).resolve().parents[2] / "helm"
KUBECONFIG = """apiVersion: v1
kind: Config
clusters: [{name: none, cluster: {server: "https://127.0.0.1:9"}}]
contexts: [{name: none, context: {cluster: none, user: none}}]
current-context: none
users: [{name: none, user: {token: placeholder}}]
"""
#: What the identity provider's discovery document would say (a third party: not here).
ENDPOINTS = {"authorization_endpoint": "https://login.example.edu/auth",
             "token_endpoint": "https://login.example.edu/token",
             "userinfo_endpoint": "https://login.example.edu/userinfo"}


@pytest.fixture
def hub_config(render, example_values, monkeypatch, tmp_path):
    """``hub_config(example) -> (Config, rendered objects)``, as the chart's hub would load it."""
    kubeconfig = tmp_path / "kubeconfig"
    kubeconfig.write_text(KUBECONFIG)
    monkeypatch.setattr(kube_config, "KUBE_CONFIG_DEFAULT_LOCATION", str(kubeconfig))
    monkeypatch.setattr(authenticators, "discover", lambda issuer: ENDPOINTS)

    monkeypatch.delenv("TIMEWARP_ADMIN_PASSWORD", raising=False)

    def load(example: str | dict):
        values = example_values[example] if isinstance(example, str) else example
        objects = render(values)
        settings = next(o for o in objects if o["metadata"]["name"] == "timewarp-hub-settings")
        for key, variable in (("hub-settings.yaml", "TIMEWARP_HUB_CONFIG"),
                              ("chart.yaml", "TIMEWARP_CHART_CONFIG")):
            (tmp_path / key).write_text(settings["data"][key])
            monkeypatch.setenv(variable, str(tmp_path / key))
        secret = next((o for o in objects if o["metadata"]["name"] == "timewarp-hub-secrets"),
                      None)
        for key, variable in (("metrics-token", "TIMEWARP_HUB_METRICS_TOKEN"),
                              ("oidc-client-secret", "TIMEWARP_OIDC_CLIENT_SECRET"),
                              ("github-client-secret", "TIMEWARP_GITHUB_CLIENT_SECRET")):
            if secret and key in secret["data"]:
                monkeypatch.setenv(variable, base64.b64decode(secret["data"][key]).decode())
        monkeypatch.setenv("TIMEWARP_HUB_DB_URL", "postgresql://hub:pw@db.example.edu/hub")
        for key, variable in (("admin-password", "TIMEWARP_ADMIN_PASSWORD"),):
            if secret and key in secret["data"]:
                monkeypatch.setenv(variable, base64.b64decode(secret["data"][key]).decode())
        # What z2jh's own configuration would have set before ours runs; the hub's files go
        # to tmp_path, not the pod's /srv/jupyterhub (c.HubSettings wins over the YAML file).
        c = Config()
        c.HubSettings.data_dir = str(tmp_path / "data")
        c.JupyterHub.services = [{"name": "z2jh-service", "api_token": "x"}]
        defaults = yaml.safe_load((CHART / "values.yaml").read_text())
        extra = defaults["jupyterhub"]["hub"]["extraConfig"]
        for name in sorted(extra):
            exec(compile(extra[name], f"extraConfig.{name}", "exec"), {"c": c})
        return c, objects
    return load


def real_user(name: str, groups: list[str]) -> User:
    db = orm.new_session_factory("sqlite://")()
    orm_user = orm.User(name=name)
    db.add(orm_user)
    orm_user.groups = [orm.Group(name=g) for g in groups]
    db.commit()
    return User(orm_user, settings={}, db=db)


async def _pod(config: Config, user: User, profile: str | None) -> dict:
    spawner = KubeSpawner(config=config, user=user, hub=Hub(), _mock=True)
    spawner.user_options = {"profile": profile} if profile else {}
    await spawner._run_apply_user_options(spawner.user_options)
    await spawner.load_user_options()
    async with ApiClient() as api:
        return api.sanitize_for_serialization(await spawner.get_pod_manifest())


def pod(config: Config, user: User, profile: str | None = None) -> dict:
    manifest = asyncio.run(_pod(config, user, profile))
    for version in ("1.28.0", kubernetes_validate.latest_version()):
        kubernetes_validate.validate({"apiVersion": "v1", "kind": "Pod", **manifest}, version,
                                     strict=True)
    return manifest


def notebook(manifest: dict) -> dict:
    (container,) = manifest["spec"]["containers"]
    return container


def test_student_pod_from_the_default_chart(hub_config):
    c, _ = hub_config("defaults")
    manifest = pod(c, real_user("student1", ["7a"]))
    container = notebook(manifest)
    assert container["image"] == "timewarp-studio/notebook:0.1.0"
    assert container["resources"]["limits"] == {"cpu": 1.0, "memory": 2**30}
    assert container["resources"]["requests"] == {"cpu": 0.1, "memory": 256 * 2**20}
    security = container["securityContext"]
    assert security["runAsUser"] == 1000 and security["runAsNonRoot"] is True
    assert security["allowPrivilegeEscalation"] is False
    assert security["capabilities"] == {"drop": ["ALL"]}
    assert manifest["spec"]["securityContext"]["fsGroup"] == 100
    mounts = {m["name"]: m["mountPath"] for m in container["volumeMounts"]}
    assert mounts["home"] == "/home/jovyan"
    assert mounts["nbgrader-exchange"] == "/srv/nbgrader/exchange"
    claims = {v["name"]: v["persistentVolumeClaim"]["claimName"]
              for v in manifest["spec"]["volumes"] if "persistentVolumeClaim" in v}
    assert claims["nbgrader-exchange"] == "timewarp-nbgrader-exchange"
    assert claims["home"].startswith("claim-student1")
    env = {e["name"]: e.get("value") for e in container["env"]}
    assert env["TIMEWARP_NBGRADER_EXCHANGE"] == "/srv/nbgrader/exchange"
    assert "TIMEWARP_IOT" not in env
    assert c.KubeSpawner.namespace == "school"


def test_hub_gets_database_services_and_login_from_the_chart(hub_config, find):
    c, objects = hub_config("lint-values")
    assert c.JupyterHub.db_url == "postgresql://hub:pw@db.example.edu/hub"
    services = {s["name"]: s for s in c.JupyterHub.services}
    # z2jh's own services are kept; ours are added.
    assert set(services) == {"z2jh-service", "metrics", "idle-culler"}
    token = base64.b64decode(find(objects, "Secret", "timewarp-hub-secrets")["data"]
                             ["metrics-token"]).decode()
    assert services["metrics"]["api_token"] == token
    assert "--timeout=1800" in services["idle-culler"]["command"]
    assert "--cull-every=300" in services["idle-culler"]["command"]
    assert c.JupyterHub.authenticator_class == "generic-oauth"
    assert c.GenericOAuthenticator.client_secret == "lint-placeholder"
    assert c.GenericOAuthenticator.allowed_groups == {"students", "teachers", "lecturers"}
    assert c.Authenticator.manage_roles is True


def test_profiles_are_restricted_by_group_on_the_cluster(hub_config):
    c, _ = hub_config("lint-values")
    member = real_user("ada", ["course-robotics"])
    robots = notebook(pod(c, member, "robots"))
    assert robots["image"] == "registry.example.edu/timewarp-robots:1.0"
    assert robots["resources"]["limits"] == {"cpu": 2.0, "memory": 4 * 2**30}
    env = {e["name"]: e.get("value") for e in robots["env"]}
    assert env["TIMEWARP_IOT"] == "1"
    assert "--ServerApp.authenticate_prometheus=False" in robots["args"]
    with pytest.raises(ValueError, match="No such profile"):
        pod(c, real_user("bob", ["course-history"]), "robots")
    plain = notebook(pod(c, real_user("bob", ["course-history"])))
    assert plain["image"] == "timewarp-studio/notebook:0.1.0"
    assert plain["resources"]["limits"] == {"cpu": 2.0, "memory": 2 * 2**30}


def test_without_an_exchange_no_volume_is_added(hub_config):
    c, _ = hub_config({"exchange": {"enabled": False, "mountPath": "/srv/nbgrader/exchange"}})
    names = [v["name"] for v in pod(c, real_user("student1", []))["spec"]["volumes"]]
    assert "nbgrader-exchange" not in names


@pytest.mark.parametrize("example, authenticator", [
    ("defaults", "PasswordAuthenticator"),
    ("school-trial-k3s", "PasswordAuthenticator"),
    ("school-university-oidc", "generic-oauth"),
    ("school-district-lti", "ltiauthenticator.lti13.auth.LTI13Authenticator"),
])
def test_every_set_up_gets_its_login_with_courses_and_roles(hub_config, example, authenticator):
    c, _ = hub_config(example)
    chosen = c.JupyterHub.authenticator_class
    assert (chosen if isinstance(chosen, str) else chosen.__name__) == authenticator
    assert c.Authenticator.manage_groups is True and c.Authenticator.manage_roles is True
    # A teacher of course-7a logs in: from the provider's groups, or an LMS launch's claims.
    launch = {authenticators.LTI_CONTEXT: {"label": "course-7a"},
              authenticators.LTI_ROLES: ["http://purl.imsglobal.org/vocab/lis/v2/"
                                         "membership#Instructor"]}
    answer = c.Authenticator.post_auth_hook(None, None, {
        "name": "ada", "groups": ["teachers", "course-7a"], "auth_state": launch})
    assert "course-7a" in answer["groups"]
    assert any(r["name"] == "teacher-course-7a" for r in answer["roles"])


def test_github_login_takes_its_secret_from_the_chart_secret(hub_config):
    c, _ = hub_config({"timewarp": {
        "settings": {"auth": "github", "github_client_id": "Iv1.abc",
                     "github_organizations": ["example-school"],
                     "oauth_callback_url": "https://tw.example.edu/hub/oauth_callback"},
        "secrets": {"create": True, "githubClientSecret": "from-the-secret"}}})
    assert c.JupyterHub.authenticator_class == "github"
    assert c.GitHubOAuthenticator.client_secret == "from-the-secret"
    assert c.GitHubOAuthenticator.allowed_organizations == {"example-school"}


def test_the_exchange_in_every_pod_is_the_volume_the_chart_opens_to_all(hub_config, find):
    c, objects = hub_config("school-trial-k3s")
    manifest = pod(c, real_user("student1", ["7a"]))
    claim = next(v["persistentVolumeClaim"]["claimName"] for v in manifest["spec"]["volumes"]
                 if v["name"] == "nbgrader-exchange")
    volume = find(objects, "PersistentVolumeClaim", claim)
    assert volume["spec"]["accessModes"] == ["ReadWriteMany"]
    job = find(objects, "Job", "timewarp-exchange-permissions")
    spec = job["spec"]["template"]["spec"]
    assert spec["volumes"][0]["persistentVolumeClaim"]["claimName"] == claim
    (chmod,) = spec["containers"]
    mount = chmod["volumeMounts"][0]["mountPath"]
    # nbgrader's documented mode for the exchange: everyone writes, only owners delete.
    assert f"chmod 1777 {mount}" in chmod["command"][-1]


def test_the_trial_admin_logs_in_with_the_password_in_the_chart_secret(hub_config, find,
                                                                       tmp_path):
    from timewarp_hub.passwords import PasswordStore

    c, objects = hub_config("school-trial-k3s")
    password = base64.b64decode(find(objects, "Secret", "timewarp-hub-secrets")["data"]
                                ["admin-password"]).decode()
    store = PasswordStore(tmp_path / "data" / "passwords.sqlite")
    assert store.check("admin", password) is not None
    assert store.check("admin", password + "x") is None

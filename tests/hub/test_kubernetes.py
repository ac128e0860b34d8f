"""KubeSpawner with the hub's configuration, offline: pod and volume manifests for a student
and a teacher profile, built from real JupyterHub user objects and a placeholder kubeconfig
(no cluster), checked field by field and validated with kubernetes-validate --strict."""

from __future__ import annotations

import asyncio

import kubernetes_validate
import pytest
from jupyterhub import orm
from jupyterhub.objects import Hub
from jupyterhub.user import User
from kubernetes_asyncio.client import ApiClient
from kubernetes_asyncio.config import kube_config
from kubespawner import KubeSpawner
from timewarp_hub.settings import load_settings
from timewarp_hub.spawners import configure_kubernetes
from tornado import web
from traitlets.config import Config

pytestmark = pytest.mark.hub

KUBECONFIG = """apiVersion: v1
kind: Config
clusters:
- name: placeholder
  cluster: {server: "https://127.0.0.1:9"}
contexts:
- name: placeholder
  context: {cluster: placeholder, user: placeholder}
current-context: placeholder
users:
- name: placeholder
  user: {token: placeholder}
"""


@pytest.fixture
def hub_config(monkeypatch, tmp_path) -> Config:
    kubeconfig = tmp_path / "kubeconfig"
    kubeconfig.write_text(KUBECONFIG)
    # kubernetes_asyncio reads $KUBECONFIG when it is imported, so point its default there.
    monkeypatch.setattr(kube_config, "KUBE_CONFIG_DEFAULT_LOCATION", str(kubeconfig))
    monkeypatch.setenv("TIMEWARP_HUB_IMAGE", "registry.example/timewarp:1.2")
    monkeypatch.setenv("TIMEWARP_HUB_MEM_LIMIT", "1500M")
    c = Config()
    configure_kubernetes(c, load_settings())
    return c


def real_user(name: str, groups: list[str]) -> User:
    db = orm.new_session_factory("sqlite://")()
    orm_user = orm.User(name=name)
    db.add(orm_user)
    orm_user.groups = [orm.Group(name=g) for g in groups]
    db.commit()
    return User(orm_user, settings={}, db=db)


async def manifests(config: Config, user: User, profile: str | None):
    spawner = KubeSpawner(config=config, user=user, hub=Hub(), _mock=True)
    spawner.user_options = {"profile": profile} if profile else {}
    await spawner._run_apply_user_options(spawner.user_options)
    await spawner.load_user_options()
    async with ApiClient() as api:
        return (spawner, api.sanitize_for_serialization(await spawner.get_pod_manifest()),
                api.sanitize_for_serialization(spawner.get_pvc_manifest()))


def check_valid(obj: dict, kind: str) -> None:
    obj = {"apiVersion": "v1", "kind": kind, **obj}
    kubernetes_validate.validate(obj, kubernetes_validate.latest_version(), strict=True)


def container(pod: dict) -> dict:
    (notebook,) = pod["spec"]["containers"]
    return notebook


def test_student_pod_has_image_limits_volume_and_locked_down_security(hub_config):
    _, pod, pvc = asyncio.run(manifests(hub_config, real_user("student1", ["7a"]), None))
    check_valid(pod, "Pod")
    check_valid(pvc, "PersistentVolumeClaim")
    notebook = container(pod)
    assert notebook["image"] == "registry.example/timewarp:1.2"
    # KubeSpawner writes quantities as numbers: bytes (M = 2**20) and cores.
    assert notebook["resources"]["limits"] == {"cpu": 1.0, "memory": 1500 * 2**20}
    assert notebook["resources"]["requests"] == {"cpu": 0.1, "memory": 256 * 2**20}
    assert notebook["securityContext"]["runAsNonRoot"] is True
    assert notebook["securityContext"]["allowPrivilegeEscalation"] is False
    assert notebook["securityContext"]["runAsUser"] == 1000
    assert notebook["securityContext"]["capabilities"] == {"drop": ["ALL"]}
    assert pod["spec"]["securityContext"]["fsGroup"] == 100
    mounts = {m["name"]: m["mountPath"] for m in notebook["volumeMounts"]}
    assert mounts["home"] == "/home/jovyan"
    claim = next(v for v in pod["spec"]["volumes"] if v["name"] == "home")
    assert claim["persistentVolumeClaim"]["claimName"] == pvc["metadata"]["name"]
    assert pvc["spec"]["resources"]["requests"]["storage"] == "1Gi"
    env = {e["name"]: e.get("value") for e in notebook["env"]}
    assert env["JUPYTERHUB_USER"] == "student1"
    assert "TIMEWARP_IOT" not in env
    assert "access:servers!group=7a" in env["JUPYTERHUB_OAUTH_ACCESS_SCOPES"]


def test_teacher_iot_profile_overrides_environment_and_limits(hub_config):
    teacher = real_user("teacher1", ["teachers", "7a"])
    _, pod, _ = asyncio.run(manifests(hub_config, teacher, "timewarp-iot"))
    check_valid(pod, "Pod")
    notebook = container(pod)
    env = {e["name"]: e.get("value") for e in notebook["env"]}
    assert env["TIMEWARP_IOT"] == "1"
    assert notebook["resources"]["limits"] == {"cpu": 2.0, "memory": 2 * 2**30}


def test_student_cannot_start_the_teacher_profile(hub_config):
    with pytest.raises(ValueError, match="No such profile"):
        asyncio.run(manifests(hub_config, real_user("student1", ["7a"]), "timewarp-iot"))


def test_validation_would_catch_a_broken_manifest(hub_config):
    _, pod, _ = asyncio.run(manifests(hub_config, real_user("student1", ["7a"]), None))
    container(pod)["resources"]["limits"]["cpu"] = {"not": "a quantity"}
    with pytest.raises(kubernetes_validate.ValidationError):
        check_valid(pod, "Pod")


def test_local_profile_check_refuses_with_http_403():
    from timewarp_hub.profiles import choose
    from timewarp_hub.settings import DEFAULT_PROFILES

    class Spawner:
        user = real_user("student1", ["7a"])
    with pytest.raises(web.HTTPError) as refused:
        choose(Spawner, DEFAULT_PROFILES, {"profile": "timewarp-iot"})
    assert refused.value.status_code == 403
    assert choose(Spawner, DEFAULT_PROFILES, {})["slug"] == "timewarp"

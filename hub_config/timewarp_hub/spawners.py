"""Where users' servers run: local processes (one Unix account each, or one for all) or pods.

One setting (``HubSettings.spawner``) chooses; the profiles and their group check are the
same everywhere.
"""

from __future__ import annotations

import asyncio
import os
import pwd
import sys
from pathlib import Path

from jupyterhub.spawner import LocalProcessSpawner, SimpleLocalProcessSpawner
from traitlets import Unicode

from timewarp_hub import profiles as profile_rules
from timewarp_hub.accounts import ensure_account, unix_name
from timewarp_hub.settings import HubSettings


_ACCOUNTS_LOCK = asyncio.Lock()


class AccountSpawner(LocalProcessSpawner):
    """Runs each hub user's server as their own Unix account, created on first start."""

    unix_user_prefix = Unicode("tw-", help="Prefix of the Unix account names.").tag(config=True)
    home_root = Unicode("/home", help="Parent of the home directories.").tag(config=True)

    @property
    def unix_name(self) -> str:
        return unix_name(self.unix_user_prefix, self.user.name)

    def make_preexec_fn(self, name):
        return super().make_preexec_fn(self.unix_name)

    def user_env(self, env):
        entry = pwd.getpwnam(self.unix_name)
        env.update(USER=self.unix_name, HOME=entry.pw_dir, SHELL=entry.pw_shell)
        return env

    async def start(self):
        # useradd blocks for a while and refuses to run twice at once (it locks /etc/passwd):
        # one at a time, off the hub's event loop.
        async with _ACCOUNTS_LOCK:
            await asyncio.to_thread(ensure_account, self.unix_name, self.home_root)
        return await super().start()


def _apply_profile(settings: HubSettings):
    def apply(spawner, user_options):
        chosen = profile_rules.choose(spawner, settings.profiles, user_options)
        profile_rules.grant_course_access(spawner)
        spawner.environment = {**spawner.environment, **(chosen.get("env") or {}),
                               "TIMEWARP_PROFILE": chosen["slug"]}
    return apply


def _form(settings: HubSettings):
    return lambda spawner: profile_rules.options_form(spawner, settings.profiles)


def _profile_from_form(form_data: dict) -> dict:
    return {"profile": (form_data.get("profile") or [""])[0]}


def configure_local(c, settings: HubSettings, as_root: bool) -> None:
    """Local processes from this Python environment; own accounts as root, else shared."""
    bin_dir = Path(sys.prefix) / "bin"
    c.Spawner.cmd = [str(bin_dir / "jupyterhub-singleuser")]
    c.Spawner.default_url = settings.default_url
    c.Spawner.start_timeout = settings.start_timeout
    c.Spawner.http_timeout = settings.start_timeout
    # The kernels' command lines name "python"; the venv's bin must come first on PATH.
    c.Spawner.environment = {"PATH": f"{bin_dir}:{os.environ.get('PATH', '/usr/bin:/bin')}",
                             "JUPYTERHUB_ACTIVITY_INTERVAL": str(settings.activity_interval)}
    c.Spawner.options_form = _form(settings)
    c.Spawner.options_from_form = _profile_from_form
    c.Spawner.apply_user_options = _apply_profile(settings)
    if as_root:
        c.JupyterHub.spawner_class = AccountSpawner
        c.AccountSpawner.unix_user_prefix = settings.unix_user_prefix
        c.AccountSpawner.home_root = settings.home_root
    else:
        c.JupyterHub.spawner_class = SimpleLocalProcessSpawner
        c.SimpleLocalProcessSpawner.home_dir_template = os.path.join(
            settings.data_dir, "homes", "{username}")


def configure_kubernetes(c, settings: HubSettings) -> None:
    """KubeSpawner: the image, limits, a volume per user and the group-checked profiles."""
    c.JupyterHub.spawner_class = "kubespawner.KubeSpawner"
    c.JupyterHub.hub_ip = "0.0.0.0"
    c.JupyterHub.hub_connect_ip = settings.hub_connect_host
    k = c.KubeSpawner
    k.namespace = settings.namespace
    k.image = settings.image
    k.cmd = ["jupyterhub-singleuser"]
    k.default_url = settings.default_url
    k.start_timeout = settings.start_timeout
    k.cpu_limit = float(settings.cpu_limit)
    k.cpu_guarantee = float(settings.cpu_guarantee)
    k.mem_limit = settings.mem_limit
    k.mem_guarantee = settings.mem_guarantee
    k.uid = 1000
    k.gid = 100
    k.fs_gid = 100
    k.working_dir = "/home/jovyan"
    k.container_security_context = {
        "runAsNonRoot": True,
        "allowPrivilegeEscalation": False,
        "capabilities": {"drop": ["ALL"]},
        "seccompProfile": {"type": "RuntimeDefault"},
    }
    k.storage_pvc_ensure = True
    k.storage_capacity = settings.storage_capacity
    k.storage_access_modes = ["ReadWriteOnce"]
    if settings.storage_class:
        k.storage_class = settings.storage_class
    k.volumes = [{"name": "home", "persistentVolumeClaim": {"claimName": "{pvc_name}"}}]
    k.volume_mounts = [{"name": "home", "mountPath": "/home/jovyan"}]
    k.apply_user_options = lambda spawner, _options: profile_rules.grant_course_access(spawner)
    k.environment = {"JUPYTERHUB_ACTIVITY_INTERVAL": str(settings.activity_interval)}
    every_profile = profile_rules.kubespawner_profiles(settings.profiles)
    by_slug = {p["slug"]: p for p in every_profile}
    # A callable list is re-evaluated at start, so a slug outside the user's list is refused.
    k.profile_list = lambda spawner: [
        by_slug[p["slug"]] for p in profile_rules.profiles_for(spawner, settings.profiles)]

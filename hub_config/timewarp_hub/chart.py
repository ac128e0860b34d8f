"""The hub's side of the Helm chart: what the chart's ``hub.extraConfig`` calls.

Zero to JupyterHub's own jupyterhub_config.py has already wired the proxy, the hub's
address and KubeSpawner's basics when this runs.  Here the Time Warp settings take over,
from the same :class:`~timewarp_hub.settings.HubSettings` a single machine uses (read from
the YAML file the chart mounts as ``TIMEWARP_HUB_CONFIG``; secrets come as environment
variables): login, roles and courses, the KubeSpawner set-up and profiles, the idle
culler and the metrics token.  What only a cluster has is read from a second small file
the chart writes (``TIMEWARP_CHART_CONFIG``): the database URL's variable, and nbgrader's
exchange volume.
"""

from __future__ import annotations

import os
from pathlib import Path

import yaml

from timewarp_hub.authenticators import configure_authentication
from timewarp_hub.passwords import PasswordStore
from timewarp_hub.services import configure_services
from timewarp_hub.settings import HubSettings, load_settings
from timewarp_hub.spawners import configure_kubernetes

#: nbgrader's own default exchange directory, mounted at the same place in every pod.
DEFAULT_EXCHANGE_PATH = "/srv/nbgrader/exchange"


def chart_options() -> dict:
    """The chart-only options (database variable, exchange volume); empty off the chart."""
    path = os.environ.get("TIMEWARP_CHART_CONFIG")
    if not path:
        return {}
    with open(path, encoding="utf-8") as stream:
        return yaml.safe_load(stream) or {}


def configure_database(c, options: dict) -> None:
    """The hub database from the secret the chart passes as an environment variable."""
    variable = options.get("database_url_env", "TIMEWARP_HUB_DB_URL")
    url = os.environ.get(variable)
    if url:
        c.JupyterHub.db_url = url


def configure_exchange(c, options: dict) -> None:
    """Mount the shared ReadWriteMany exchange volume in every user's pod."""
    exchange = options.get("exchange") or {}
    if not exchange.get("claim_name"):
        return
    path = exchange.get("mount_path", DEFAULT_EXCHANGE_PATH)
    k = c.KubeSpawner
    k.volumes = [*k.volumes, {"name": "nbgrader-exchange",
                              "persistentVolumeClaim": {"claimName": exchange["claim_name"]}}]
    k.volume_mounts = [*k.volume_mounts, {"name": "nbgrader-exchange", "mountPath": path}]
    k.environment = {**k.environment, "TIMEWARP_NBGRADER_EXCHANGE": path}


def configure_kernel_metrics(c, options: dict) -> None:
    """Let Prometheus read each server's kernel counts; only it can reach the servers' port."""
    if options.get("kernel_metrics"):
        k = c.KubeSpawner
        k.args = [*k.get("args", []), "--ServerApp.authenticate_prometheus=False"]


def ensure_admin_password(settings: HubSettings) -> None:
    """With the password login, set the admins' password from the chart's secret."""
    password = os.environ.get("TIMEWARP_ADMIN_PASSWORD")
    if settings.auth != "password" or not password:
        return
    store = PasswordStore(Path(settings.data_dir) / "passwords.sqlite")
    for name in settings.admin_users:
        store.set(name, password)


def configure_from_chart(c) -> HubSettings:
    """Apply the Time Warp settings on top of Zero to JupyterHub's configuration."""
    settings = load_settings(c)
    options = chart_options()
    # z2jh registers services and roles of its own (hub.services, hub.loadRoles): keep them.
    services = list(c.JupyterHub.get("services", []))
    roles = list(c.JupyterHub.get("load_roles", []))
    configure_authentication(c, settings)
    configure_kubernetes(c, settings)
    configure_services(c, settings)
    c.JupyterHub.services = services + list(c.JupyterHub.services)
    c.JupyterHub.load_roles = roles + list(c.JupyterHub.load_roles)
    configure_database(c, options)
    configure_exchange(c, options)
    configure_kernel_metrics(c, options)
    ensure_admin_password(settings)
    return settings

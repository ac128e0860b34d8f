"""Turn the hub settings into JupyterHub configuration: what jupyterhub_config.py calls."""

from __future__ import annotations

import os
from pathlib import Path

from traitlets.log import get_logger

from timewarp_hub.accounts import environment_paths, unreadable_paths
from timewarp_hub.authenticators import ConfigurationError, configure_authentication
from timewarp_hub.grading import configure_grading
from timewarp_hub.services import configure_services
from timewarp_hub.settings import HubSettings, load_settings
from timewarp_hub.sharing import configure_sharing
from timewarp_hub.spawners import configure_kubernetes, configure_local

SHARED_ACCOUNT_WARNING = """
************************************************************************
  The hub is NOT running as root: every user's server runs as this one
  Unix account, so users can read and change each other's files.
  Run the hub as root for one Unix account per user.
************************************************************************"""


def configure_network(c, settings: HubSettings) -> None:
    data = Path(settings.data_dir)
    data.mkdir(parents=True, exist_ok=True, mode=0o700)
    c.JupyterHub.ip = settings.ip
    c.JupyterHub.port = settings.port
    c.JupyterHub.hub_port = settings.hub_port
    c.JupyterHub.db_url = f"sqlite:///{data / 'jupyterhub.sqlite'}"
    c.JupyterHub.cookie_secret_file = str(data / "jupyterhub_cookie_secret")
    c.ConfigurableHTTPProxy.command = list(settings.proxy_command)
    c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{settings.proxy_api_port}"
    c.ConfigurableHTTPProxy.pid_file = str(data / "jupyterhub-proxy.pid")


def check_local_users(settings: HubSettings, as_root: bool) -> None:
    """Fail early if users could not run this environment; warn loudly about a shared account."""
    if as_root:
        blocked = unreadable_paths(environment_paths())
        if blocked:
            raise ConfigurationError(
                "the hub runs as root, so users' servers run as their own Unix accounts, but "
                f"they cannot read the Python environment: {', '.join(blocked)}. Make these "
                "readable and searchable by others (chmod o+rx), or install the hub elsewhere.")
        return
    if not settings.allow_shared_account:
        raise ConfigurationError("not running as root and allow_shared_account is off")
    get_logger().warning(SHARED_ACCOUNT_WARNING)


def apply_settings(c) -> HubSettings:
    """Configure JupyterHub (the ``c`` of jupyterhub_config.py) from the hub settings."""
    settings = load_settings(c)
    configure_network(c, settings)
    configure_authentication(c, settings)
    if settings.spawner == "kubernetes":
        configure_kubernetes(c, settings)
    else:
        as_root = os.geteuid() == 0
        check_local_users(settings, as_root)
        configure_local(c, settings, as_root)
    configure_services(c, settings)
    if settings.spawner == "local":
        configure_grading(c, settings, as_root)
    configure_sharing(c, settings)
    return settings

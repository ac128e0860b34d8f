"""The hub's services: the idle culler, and the token that may read Prometheus metrics."""

from __future__ import annotations

import os
import secrets
import sys
from pathlib import Path

from timewarp_hub.settings import HubSettings

CULLER_SCOPES = ["list:users", "read:users:activity", "read:servers", "delete:servers"]


def culler_command(settings: HubSettings) -> list[str]:
    every = settings.cull_every or max(1, settings.idle_timeout // 2)
    return [sys.executable, "-m", "jupyterhub_idle_culler",
            f"--timeout={settings.idle_timeout}", f"--cull-every={every}"]


def metrics_token(settings: HubSettings) -> str:
    """The configured token, else one generated once and kept in the data directory."""
    if settings.metrics_token:
        return settings.metrics_token
    path = Path(settings.data_dir) / "metrics-token"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as stream:
            stream.write(secrets.token_hex(32))
    return path.read_text().strip()


def configure_services(c, settings: HubSettings) -> None:
    """Register the culler (when a timeout is set) and the metrics reader, with their roles."""
    services = [{"name": "metrics", "api_token": metrics_token(settings),
                 "display": False}]
    roles = [{"name": "metrics-reader", "description": "Read /hub/metrics.",
              "scopes": ["read:metrics"], "services": ["metrics"]}]
    if settings.idle_timeout > 0:
        services.append({"name": "idle-culler", "command": culler_command(settings),
                         "display": False})
        roles.append({"name": "idle-culler", "description": "Stop idle servers.",
                      "scopes": CULLER_SCOPES, "services": ["idle-culler"]})
    c.JupyterHub.services = services
    c.JupyterHub.load_roles = roles
    c.JupyterHub.authenticate_prometheus = True

c = get_config()  # noqa
# JupyterHub configuration for Time Warp Studio. Every setting is a trait of
# timewarp_hub.settings.HubSettings (docs/hub.md); set them here as c.HubSettings.<name>,
# in the YAML file named by TIMEWARP_HUB_CONFIG, or through environment variables.
from timewarp_hub.configure import apply_settings  # noqa: E402

apply_settings(c)

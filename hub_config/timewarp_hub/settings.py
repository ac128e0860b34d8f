"""Every setting an operator of the Time Warp hub may change, with its default.

Each setting is a trait of :class:`HubSettings`.  Its default comes from an environment
variable (named in the trait's help), which a YAML file (``TIMEWARP_HUB_CONFIG``) can
override, which ``c.HubSettings.<name>`` in jupyterhub_config.py can override in turn.
docs/hub.md lists them all.
"""

from __future__ import annotations

import os
from pathlib import Path

import yaml
from traitlets import Bool, CaselessStrEnum, Dict, Float, Int, List, Unicode, default
from traitlets.config import Config, Configurable

#: The profiles offered when the operator configures none: everyone may start the plain
#: environment; the IoT one (serial ports, sensors) is for teachers and the "iot" group.
DEFAULT_PROFILES = [
    {
        "slug": "timewarp",
        "display_name": "Time Warp",
        "description": "BASIC, Logo and PILOT with the turtle.",
        "groups": [],
        "default": True,
    },
    {
        "slug": "timewarp-iot",
        "display_name": "Time Warp + IoT",
        "description": "Time Warp with the IoT widgets for sensors and microcontrollers.",
        "groups": ["teachers", "iot"],
        "env": {"TIMEWARP_IOT": "1"},
        "cpu_limit": 2.0,
        "mem_limit": "2G",
    },
]


def _env(name: str, fallback: str) -> str:
    return os.environ.get(name, fallback)


def _env_list(name: str, fallback: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return list(fallback)
    return [item.strip() for item in raw.split(",") if item.strip()]


def _env_int(name: str, fallback: int) -> int:
    return int(os.environ.get(name, fallback))


def default_data_dir() -> str:
    """Where the hub keeps its database, secrets and password file."""
    if os.geteuid() == 0:
        return "/var/lib/timewarp-hub"
    return str(Path.home() / ".local" / "share" / "timewarp-hub")


def repository_root() -> Path:
    """The checkout (or install prefix) holding node_modules, found from this package."""
    return Path(__file__).resolve().parents[2]


class HubSettings(Configurable):
    """The Time Warp hub's own settings (the rest are JupyterHub's, set from these)."""

    data_dir = Unicode(help="Directory for the hub database, cookie secret, passwords and "
                            "tokens (TIMEWARP_HUB_DATA; /var/lib/timewarp-hub as root, else "
                            "~/.local/share/timewarp-hub).").tag(config=True)
    ip = Unicode(help="Public address (TIMEWARP_HUB_IP, 127.0.0.1).").tag(config=True)
    port = Int(help="Public port (TIMEWARP_HUB_PORT, 8000).").tag(config=True)
    hub_port = Int(help="Port of the hub's internal API (TIMEWARP_HUB_API_PORT, 8081)."
                   ).tag(config=True)
    proxy_api_port = Int(help="Port of the proxy's control API (TIMEWARP_PROXY_API_PORT, 8001)."
                         ).tag(config=True)
    proxy_command = List(Unicode(), help="configurable-http-proxy from npm "
                         "(TIMEWARP_PROXY_COMMAND; node_modules/.bin in the checkout, else "
                         "PATH).").tag(config=True)
    auth = CaselessStrEnum(["password", "oidc", "github", "lti13"],
                           help="How people log in (TIMEWARP_HUB_AUTH, password).").tag(config=True)
    spawner = CaselessStrEnum(["local", "kubernetes"],
                              help="Where servers run (TIMEWARP_HUB_SPAWNER, local)."
                              ).tag(config=True)
    admin_users = List(Unicode(), help="Hub admins by name (TIMEWARP_HUB_ADMINS; admin with the "
                       "password login, else none)."
                       ).tag(config=True)
    teacher_groups = List(Unicode(), help="Members of these groups teach every other group "
                          "(course) they belong to (TIMEWARP_HUB_TEACHER_GROUPS, teachers)."
                          ).tag(config=True)
    admin_groups = List(Unicode(), help="Members of these groups are hub admins "
                        "(TIMEWARP_HUB_ADMIN_GROUPS, admins).").tag(config=True)
    course_prefix = Unicode(help="Only groups starting with this are courses; empty means every "
                            "group except the teacher and admin groups "
                            "(TIMEWARP_HUB_COURSE_PREFIX, empty).").tag(config=True)
    unix_user_prefix = Unicode(help="Prefix of the Unix account each hub user runs as when the "
                               "hub runs as root, so hub names never collide with system "
                               "accounts (TIMEWARP_HUB_UNIX_PREFIX, tw-).").tag(config=True)
    home_root = Unicode(help="Parent of the users' home directories (TIMEWARP_HUB_HOME_ROOT, "
                        "/home).").tag(config=True)
    default_url = Unicode(help="Where a started server opens (TIMEWARP_HUB_DEFAULT_URL, /lab)."
                          ).tag(config=True)
    start_timeout = Int(help="Seconds a server may take to start "
                        "(TIMEWARP_HUB_START_TIMEOUT, 60).").tag(config=True)
    idle_timeout = Int(help="Seconds of inactivity before the idle culler stops a server; 0 "
                       "disables the culler (TIMEWARP_HUB_IDLE_TIMEOUT, 3600).").tag(config=True)
    cull_every = Int(help="Seconds between the culler's checks; 0 means half the timeout "
                     "(TIMEWARP_HUB_CULL_EVERY, 0).").tag(config=True)
    activity_interval = Int(help="Seconds between activity reports from servers to the hub "
                            "(TIMEWARP_HUB_ACTIVITY_INTERVAL, 300).").tag(config=True)
    metrics_token = Unicode(help="Token of the 'metrics' service allowed to read /hub/metrics "
                            "(TIMEWARP_HUB_METRICS_TOKEN; generated into data_dir/metrics-token "
                            "when empty).").tag(config=True)
    profiles = List(Dict(), help="Server profiles: slug, display_name, description, groups "
                    "(who may start it; empty = everyone), env, cpu_limit, mem_limit, image "
                    "(YAML only; two built-in profiles).").tag(config=True)
    image = Unicode(help="Container image on Kubernetes (TIMEWARP_HUB_IMAGE, "
                    "timewarp-studio/notebook:0.1.0).").tag(config=True)
    namespace = Unicode(help="Kubernetes namespace (TIMEWARP_HUB_NAMESPACE, timewarp)."
                        ).tag(config=True)
    hub_connect_host = Unicode(help="Host name under which pods reach the hub on Kubernetes "
                               "(TIMEWARP_HUB_CONNECT_HOST, hub).").tag(config=True)
    cpu_limit = Unicode(help="CPU limit per server, in cores (TIMEWARP_HUB_CPU_LIMIT, 1)."
                        ).tag(config=True)
    cpu_guarantee = Unicode(help="CPU request per server (TIMEWARP_HUB_CPU_GUARANTEE, 0.1)."
                            ).tag(config=True)
    mem_limit = Unicode(help="Memory limit per server (TIMEWARP_HUB_MEM_LIMIT, 1G)."
                        ).tag(config=True)
    mem_guarantee = Unicode(help="Memory request per server (TIMEWARP_HUB_MEM_GUARANTEE, 256M)."
                            ).tag(config=True)
    storage_capacity = Unicode(help="Size of each user's volume (TIMEWARP_HUB_STORAGE, 1Gi)."
                               ).tag(config=True)
    storage_class = Unicode(help="StorageClass of the users' volumes; empty means the "
                            "cluster default (TIMEWARP_HUB_STORAGE_CLASS, empty).").tag(config=True)
    oidc_issuer = Unicode(help="OIDC issuer URL; endpoints are read from its discovery "
                          "document (TIMEWARP_OIDC_ISSUER).").tag(config=True)
    oidc_client_id = Unicode(help="OIDC client id (TIMEWARP_OIDC_CLIENT_ID).").tag(config=True)
    oidc_client_secret = Unicode(help="OIDC client secret (TIMEWARP_OIDC_CLIENT_SECRET)."
                                 ).tag(config=True)
    oidc_username_claim = Unicode(help="Claim holding the user name "
                                  "(TIMEWARP_OIDC_USERNAME_CLAIM, preferred_username)."
                                  ).tag(config=True)
    oidc_groups_claim = Unicode(help="Claim holding the user's groups (TIMEWARP_OIDC_GROUPS_CLAIM,"
                                " groups).").tag(config=True)
    oidc_scopes = List(Unicode(), help="Scopes requested (TIMEWARP_OIDC_SCOPES, "
                       "openid,profile,email).").tag(config=True)
    oidc_allowed_groups = List(Unicode(), help="Only members of these groups may log in; empty "
                               "allows everyone the provider accepts "
                               "(TIMEWARP_OIDC_ALLOWED_GROUPS, empty).").tag(config=True)
    oauth_callback_url = Unicode(help="The hub's OAuth callback URL as the provider knows it "
                                 "(TIMEWARP_OAUTH_CALLBACK_URL, "
                                 "http://<ip>:<port>/hub/oauth_callback).").tag(config=True)
    github_client_id = Unicode(help="GitHub OAuth app id (TIMEWARP_GITHUB_CLIENT_ID)."
                               ).tag(config=True)
    github_client_secret = Unicode(help="GitHub OAuth app secret (TIMEWARP_GITHUB_CLIENT_SECRET)."
                                   ).tag(config=True)
    github_organizations = List(Unicode(), help="GitHub organisations (or org:team) allowed to "
                                "log in; their teams become groups (TIMEWARP_GITHUB_ORGS)."
                                ).tag(config=True)
    lti_issuer = Unicode(help="LTI 1.3 platform issuer (TIMEWARP_LTI_ISSUER).").tag(config=True)
    lti_client_id = Unicode(help="LTI 1.3 client id given by the LMS (TIMEWARP_LTI_CLIENT_ID)."
                            ).tag(config=True)
    lti_authorize_url = Unicode(help="LTI 1.3 platform OIDC login URL "
                                "(TIMEWARP_LTI_AUTHORIZE_URL).").tag(config=True)
    lti_jwks_url = Unicode(help="LTI 1.3 platform key set URL (TIMEWARP_LTI_JWKS_URL)."
                           ).tag(config=True)
    allow_shared_account = Bool(help="Allow running without root, every user in this one Unix "
                                "account (TIMEWARP_HUB_ALLOW_SHARED_ACCOUNT, true)."
                                ).tag(config=True)
    grading = Bool(help="Set up nbgrader: an exchange, and a formgrader service per course "
                   "(TIMEWARP_HUB_GRADING, true; local spawner only).").tag(config=True)
    grading_dir = Unicode(help="Directory holding nbgrader's exchange, the courses' folders and "
                          "gradebooks, and the per-role nbgrader configuration; every user must be "
                          "able to enter it (TIMEWARP_HUB_GRADING_DIR; /srv/timewarp-grading as "
                          "root, else data_dir/grading).").tag(config=True)
    grading_courses = List(Unicode(), help="Course groups that get a formgrader besides those "
                           "found in the password file, e.g. the courses an SSO provider sends "
                           "(TIMEWARP_HUB_COURSES, empty).").tag(config=True)
    grading_cell_seconds = Float(help="Time limit of each cell while autograding, in seconds; 0 "
                                 "keeps timewarp_grading's default, 10 "
                                 "(TIMEWARP_HUB_GRADING_CELL_SECONDS, 0).").tag(config=True)
    grader_unix_prefix = Unicode(help="Prefix of the Unix accounts that own each course's folder "
                                 "and run its formgrader; must not start with unix_user_prefix, "
                                 "nor it with this (TIMEWARP_HUB_GRADER_PREFIX; unix_user_prefix "
                                 "with g before its last dash, twg-).").tag(config=True)

    @default("data_dir")
    def _data_dir(self):
        return _env("TIMEWARP_HUB_DATA", default_data_dir())

    @default("ip")
    def _ip(self):
        return _env("TIMEWARP_HUB_IP", "127.0.0.1")

    @default("port")
    def _port(self):
        return _env_int("TIMEWARP_HUB_PORT", 8000)

    @default("hub_port")
    def _hub_port(self):
        return _env_int("TIMEWARP_HUB_API_PORT", 8081)

    @default("proxy_api_port")
    def _proxy_api_port(self):
        return _env_int("TIMEWARP_PROXY_API_PORT", 8001)

    @default("proxy_command")
    def _proxy_command(self):
        if "TIMEWARP_PROXY_COMMAND" in os.environ:
            return os.environ["TIMEWARP_PROXY_COMMAND"].split()
        local = repository_root() / "node_modules" / ".bin" / "configurable-http-proxy"
        return [str(local) if local.exists() else "configurable-http-proxy"]

    @default("auth")
    def _auth(self):
        return _env("TIMEWARP_HUB_AUTH", "password")

    @default("spawner")
    def _spawner(self):
        return _env("TIMEWARP_HUB_SPAWNER", "local")

    @default("admin_users")
    def _admin_users(self):
        # Only the password login has a built-in admin; with SSO a provider account that
        # happens to be called "admin" must not become one.
        return _env_list("TIMEWARP_HUB_ADMINS", ["admin"] if self.auth == "password" else [])

    @default("teacher_groups")
    def _teacher_groups(self):
        return _env_list("TIMEWARP_HUB_TEACHER_GROUPS", ["teachers"])

    @default("admin_groups")
    def _admin_groups(self):
        return _env_list("TIMEWARP_HUB_ADMIN_GROUPS", ["admins"])

    @default("course_prefix")
    def _course_prefix(self):
        return _env("TIMEWARP_HUB_COURSE_PREFIX", "")

    @default("unix_user_prefix")
    def _unix_user_prefix(self):
        return _env("TIMEWARP_HUB_UNIX_PREFIX", "tw-")

    @default("home_root")
    def _home_root(self):
        return _env("TIMEWARP_HUB_HOME_ROOT", "/home")

    @default("default_url")
    def _default_url(self):
        return _env("TIMEWARP_HUB_DEFAULT_URL", "/lab")

    @default("start_timeout")
    def _start_timeout(self):
        return _env_int("TIMEWARP_HUB_START_TIMEOUT", 60)

    @default("idle_timeout")
    def _idle_timeout(self):
        return _env_int("TIMEWARP_HUB_IDLE_TIMEOUT", 3600)

    @default("cull_every")
    def _cull_every(self):
        return _env_int("TIMEWARP_HUB_CULL_EVERY", 0)

    @default("activity_interval")
    def _activity_interval(self):
        return _env_int("TIMEWARP_HUB_ACTIVITY_INTERVAL", 300)

    @default("metrics_token")
    def _metrics_token(self):
        return _env("TIMEWARP_HUB_METRICS_TOKEN", "")

    @default("profiles")
    def _profiles(self):
        return [dict(p) for p in DEFAULT_PROFILES]

    @default("image")
    def _image(self):
        return _env("TIMEWARP_HUB_IMAGE", "timewarp-studio/notebook:0.1.0")

    @default("namespace")
    def _namespace(self):
        return _env("TIMEWARP_HUB_NAMESPACE", "timewarp")

    @default("hub_connect_host")
    def _hub_connect_host(self):
        return _env("TIMEWARP_HUB_CONNECT_HOST", "hub")

    @default("cpu_limit")
    def _cpu_limit(self):
        return _env("TIMEWARP_HUB_CPU_LIMIT", "1")

    @default("cpu_guarantee")
    def _cpu_guarantee(self):
        return _env("TIMEWARP_HUB_CPU_GUARANTEE", "0.1")

    @default("mem_limit")
    def _mem_limit(self):
        return _env("TIMEWARP_HUB_MEM_LIMIT", "1G")

    @default("mem_guarantee")
    def _mem_guarantee(self):
        return _env("TIMEWARP_HUB_MEM_GUARANTEE", "256M")

    @default("storage_capacity")
    def _storage_capacity(self):
        return _env("TIMEWARP_HUB_STORAGE", "1Gi")

    @default("storage_class")
    def _storage_class(self):
        return _env("TIMEWARP_HUB_STORAGE_CLASS", "")

    @default("oidc_issuer")
    def _oidc_issuer(self):
        return _env("TIMEWARP_OIDC_ISSUER", "")

    @default("oidc_client_id")
    def _oidc_client_id(self):
        return _env("TIMEWARP_OIDC_CLIENT_ID", "")

    @default("oidc_client_secret")
    def _oidc_client_secret(self):
        return _env("TIMEWARP_OIDC_CLIENT_SECRET", "")

    @default("oidc_username_claim")
    def _oidc_username_claim(self):
        return _env("TIMEWARP_OIDC_USERNAME_CLAIM", "preferred_username")

    @default("oidc_groups_claim")
    def _oidc_groups_claim(self):
        return _env("TIMEWARP_OIDC_GROUPS_CLAIM", "groups")

    @default("oidc_scopes")
    def _oidc_scopes(self):
        return _env_list("TIMEWARP_OIDC_SCOPES", ["openid", "profile", "email"])

    @default("oidc_allowed_groups")
    def _oidc_allowed_groups(self):
        return _env_list("TIMEWARP_OIDC_ALLOWED_GROUPS", [])

    @default("oauth_callback_url")
    def _oauth_callback_url(self):
        return _env("TIMEWARP_OAUTH_CALLBACK_URL",
                    f"http://{self.ip}:{self.port}/hub/oauth_callback")

    @default("github_client_id")
    def _github_client_id(self):
        return _env("TIMEWARP_GITHUB_CLIENT_ID", "")

    @default("github_client_secret")
    def _github_client_secret(self):
        return _env("TIMEWARP_GITHUB_CLIENT_SECRET", "")

    @default("github_organizations")
    def _github_organizations(self):
        return _env_list("TIMEWARP_GITHUB_ORGS", [])

    @default("lti_issuer")
    def _lti_issuer(self):
        return _env("TIMEWARP_LTI_ISSUER", "")

    @default("lti_client_id")
    def _lti_client_id(self):
        return _env("TIMEWARP_LTI_CLIENT_ID", "")

    @default("lti_authorize_url")
    def _lti_authorize_url(self):
        return _env("TIMEWARP_LTI_AUTHORIZE_URL", "")

    @default("lti_jwks_url")
    def _lti_jwks_url(self):
        return _env("TIMEWARP_LTI_JWKS_URL", "")

    @default("allow_shared_account")
    def _allow_shared_account(self):
        return _env("TIMEWARP_HUB_ALLOW_SHARED_ACCOUNT", "true").lower() in ("1", "true", "yes")

    @default("grading")
    def _grading(self):
        return _env("TIMEWARP_HUB_GRADING", "true").lower() in ("1", "true", "yes")

    @default("grading_dir")
    def _grading_dir(self):
        fallback = ("/srv/timewarp-grading" if os.geteuid() == 0
                    else os.path.join(self.data_dir, "grading"))
        return _env("TIMEWARP_HUB_GRADING_DIR", fallback)

    @default("grading_courses")
    def _grading_courses(self):
        return _env_list("TIMEWARP_HUB_COURSES", [])

    @default("grading_cell_seconds")
    def _grading_cell_seconds(self):
        return float(_env("TIMEWARP_HUB_GRADING_CELL_SECONDS", "0"))

    @default("grader_unix_prefix")
    def _grader_unix_prefix(self):
        user = self.unix_user_prefix
        derived = user[:-1] + "g-" if user.endswith("-") else user + "g-"
        return _env("TIMEWARP_HUB_GRADER_PREFIX", derived)


def load_settings(config: Config | None = None) -> HubSettings:
    """Settings from the environment, the YAML file, then the given JupyterHub config."""
    merged = Config()
    yaml_path = os.environ.get("TIMEWARP_HUB_CONFIG")
    if yaml_path:
        with open(yaml_path, encoding="utf-8") as stream:
            merged.HubSettings = Config(yaml.safe_load(stream) or {})
    if config is not None and "HubSettings" in config:
        merged.merge(Config(HubSettings=config.HubSettings))
    return HubSettings(config=merged)

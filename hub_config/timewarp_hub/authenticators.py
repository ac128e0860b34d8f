"""The login methods: the hub's own passwords, OIDC single sign-on, GitHub, LTI 1.3.

Whatever the method, the authenticator's answer passes through one post-authentication hook
that turns the user's groups into courses and roles (:mod:`timewarp_hub.roles`), and the hub
manages groups and roles from that answer at every login.
"""

from __future__ import annotations

import json
import os
import urllib.request

from timewarp_hub.passwords import PasswordAuthenticator
from timewarp_hub.roles import complete_auth_model
from timewarp_hub.settings import HubSettings

LTI_CONTEXT = "https://purl.imsglobal.org/spec/lti/claim/context"
LTI_ROLES = "https://purl.imsglobal.org/spec/lti/claim/roles"
LTI_TEACHER_ROLES = ("membership#Instructor", "membership#ContentDeveloper",
                     "membership#Mentor")
LTI_ADMIN_ROLES = ("membership#Administrator", "institution/person#Administrator",
                   "system/person#Administrator")


class ConfigurationError(RuntimeError):
    """A login method is chosen but its settings are missing or wrong."""


def discover(issuer: str) -> dict:
    """The OIDC provider's discovery document (its endpoints)."""
    url = issuer.rstrip("/") + "/.well-known/openid-configuration"
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 (operator URL)
            return json.load(response)
    except OSError as error:
        raise ConfigurationError(f"cannot read the OIDC discovery document {url}: {error}")


def lti_groups(claims: dict, settings: HubSettings) -> list[str]:
    """Groups from an LTI 1.3 launch: the course (context) and teacher/admin standing."""
    context = claims.get(LTI_CONTEXT) or {}
    course = context.get("label") or context.get("id")
    roles = claims.get(LTI_ROLES) or []
    groups = [settings.course_prefix + course] if course else []
    if any(r.endswith(LTI_TEACHER_ROLES) for r in roles) and settings.teacher_groups:
        groups.append(settings.teacher_groups[0])
    if any(r.endswith(LTI_ADMIN_ROLES) for r in roles) and settings.admin_groups:
        groups.append(settings.admin_groups[0])
    return groups


def github_groups(auth_state: dict) -> list[str]:
    """GitHub teams as ``org:team`` groups."""
    return [f"{team['organization']['login']}:{team['slug']}"
            for team in auth_state.get("teams", [])]


def course_roles_hook(settings: HubSettings):
    """The post-authentication hook shared by every login method."""
    def hook(authenticator, handler, authentication):
        if authentication is None:
            return None
        if settings.auth == "lti13":
            claims = authentication.get("auth_state") or {}
            authentication = {**authentication, "groups": lti_groups(claims, settings)}
        return complete_auth_model(authentication, settings)
    return hook


def _require(settings: HubSettings, *names: str) -> None:
    missing = [n for n in names if not getattr(settings, n)]
    if missing:
        raise ConfigurationError(f"auth = {settings.auth} needs the settings {missing}")


def configure_password(c, settings: HubSettings) -> None:
    c.JupyterHub.authenticator_class = PasswordAuthenticator
    c.PasswordAuthenticator.store_path = os.path.join(settings.data_dir, "passwords.sqlite")
    c.JupyterHub.template_paths = [os.path.join(os.path.dirname(__file__), "templates")]
    # The password file is the list of who may log in.
    c.PasswordAuthenticator.allow_all = True


def configure_oidc(c, settings: HubSettings) -> None:
    _require(settings, "oidc_issuer", "oidc_client_id")
    endpoints = discover(settings.oidc_issuer)
    c.JupyterHub.authenticator_class = "generic-oauth"
    g = c.GenericOAuthenticator
    g.login_service = "single sign-on"
    g.client_id = settings.oidc_client_id
    g.client_secret = settings.oidc_client_secret
    g.oauth_callback_url = settings.oauth_callback_url
    g.authorize_url = endpoints["authorization_endpoint"]
    g.token_url = endpoints["token_endpoint"]
    g.userdata_url = endpoints["userinfo_endpoint"]
    g.scope = list(settings.oidc_scopes)
    g.username_claim = settings.oidc_username_claim
    g.auth_state_groups_key = f"oauth_user.{settings.oidc_groups_claim}"
    if settings.oidc_allowed_groups:
        g.allowed_groups = set(settings.oidc_allowed_groups)
    else:
        g.allow_all = True


def configure_github(c, settings: HubSettings) -> None:
    _require(settings, "github_client_id", "github_client_secret")
    c.JupyterHub.authenticator_class = "github"
    g = c.GitHubOAuthenticator
    g.client_id = settings.github_client_id
    g.client_secret = settings.github_client_secret
    g.oauth_callback_url = settings.oauth_callback_url
    g.populate_teams_in_auth_state = True
    g.scope = ["read:org"]
    g.auth_state_groups_key = github_groups
    if settings.github_organizations:
        g.allowed_organizations = set(settings.github_organizations)
    else:
        g.allow_all = True


def configure_lti13(c, settings: HubSettings) -> None:
    _require(settings, "lti_issuer", "lti_client_id", "lti_authorize_url", "lti_jwks_url")
    c.JupyterHub.authenticator_class = "ltiauthenticator.lti13.auth.LTI13Authenticator"
    a = c.LTI13Authenticator
    a.issuer = settings.lti_issuer
    a.client_id = {settings.lti_client_id}
    a.authorize_url = settings.lti_authorize_url
    a.jwks_endpoint = settings.lti_jwks_url
    a.allow_all = True


CONFIGURE = {
    "password": configure_password,
    "oidc": configure_oidc,
    "github": configure_github,
    "lti13": configure_lti13,
}


def configure_authentication(c, settings: HubSettings) -> None:
    """Set up the chosen login method, managing groups and roles from its answers."""
    CONFIGURE[settings.auth](c, settings)
    c.Authenticator.manage_groups = True
    c.Authenticator.manage_roles = True
    c.Authenticator.admin_users = set(settings.admin_users)
    c.Authenticator.post_auth_hook = course_roles_hook(settings)

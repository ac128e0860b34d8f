"""Server profiles ("Time Warp", "Time Warp + IoT"), offered and enforced by group.

A profile lists the groups allowed to start it.  The form shows a user only their profiles,
and the choice is checked again when the server starts (``apply_user_options``), because a
request to the REST API can name any profile it likes.
"""

from __future__ import annotations

import html

from tornado import web


def user_groups(spawner) -> set[str]:
    return {group.name for group in spawner.user.groups}


def allowed(profile: dict, groups: set[str], admin: bool) -> bool:
    """Whether someone in ``groups`` may start ``profile`` (admins may start any)."""
    wanted = set(profile.get("groups") or [])
    return admin or not wanted or bool(wanted & groups)


def profiles_for(spawner, profiles: list[dict]) -> list[dict]:
    groups = user_groups(spawner)
    return [p for p in profiles if allowed(p, groups, bool(spawner.user.admin))]


def default_profile(profiles: list[dict]) -> dict:
    return next((p for p in profiles if p.get("default")), profiles[0])


def choose(spawner, profiles: list[dict], user_options: dict) -> dict:
    """The profile ``user_options`` asks for, or an HTTP 403 if this user may not start it."""
    slug = (user_options or {}).get("profile")
    if isinstance(slug, list):
        slug = slug[0] if slug else None
    if not slug:
        return default_profile(profiles_for(spawner, profiles) or profiles)
    chosen = next((p for p in profiles if p["slug"] == slug), None)
    if chosen is None:
        raise web.HTTPError(400, f"There is no profile called {slug!r}.")
    if not allowed(chosen, user_groups(spawner), bool(spawner.user.admin)):
        raise web.HTTPError(403, f"{spawner.user.name} may not start the profile {slug!r}.")
    return chosen


def grant_course_access(spawner) -> None:
    """Let the teachers of the user's courses into this server.

    The single-user server cannot resolve a teacher's ``access:servers!group=...`` scope to
    its owner (jupyterhub.services.auth.check_scopes says so), so the server is told at start
    that holders of that scope for any of its owner's groups may come in.
    """
    own = [f"access:servers!server={spawner.user.name}/{spawner.name}",
           f"access:servers!user={spawner.user.name}"]
    spawner.oauth_access_scopes = own + [
        f"access:servers!group={group}" for group in sorted(user_groups(spawner))]


def options_form(spawner, profiles: list[dict]) -> str:
    """Radio buttons for the user's profiles; no form at all when there is only one."""
    mine = profiles_for(spawner, profiles)
    if len(mine) < 2:
        return ""
    first = default_profile(mine)["slug"]
    rows = []
    for p in mine:
        checked = " checked" if p["slug"] == first else ""
        rows.append(
            f'<label class="form-check"><input class="form-check-input" type="radio" '
            f'name="profile" value="{html.escape(p["slug"])}"{checked}> '
            f'<strong>{html.escape(p["display_name"])}</strong> '
            f'{html.escape(p.get("description", ""))}</label>')
    return "\n".join(rows)


def kubespawner_profiles(profiles: list[dict]) -> list[dict]:
    """The same profiles in KubeSpawner's profile_list form."""
    converted = []
    for p in profiles:
        override = {"environment": dict(p.get("env") or {})}
        for key in ("image", "cpu_limit", "mem_limit", "cpu_guarantee", "mem_guarantee"):
            if key in p:
                override[key] = p[key]
        converted.append({"slug": p["slug"], "display_name": p["display_name"],
                          "description": p.get("description", ""),
                          "default": bool(p.get("default")),
                          "kubespawner_override": override})
    return converted

"""Unix accounts for hub users, and whether they can run the hub's Python at all.

When the hub runs as root, each hub user gets their own Unix account, created the first
time their server starts (like The Littlest JupyterHub), with a private home (mode 0700).
Accounts are named with a prefix and marked in their comment field, so the hub never adopts
an account it did not create (an SSO user called "root" must not become root) and clean-up
touches only its own accounts.
"""

from __future__ import annotations

import hashlib
import os
import pwd
import re
import stat
import subprocess
import sys
from pathlib import Path

#: Written into the GECOS field of every account the hub creates.
ACCOUNT_MARK = "Time Warp hub user"

_UNIX_NAME = re.compile(r"[a-z_][a-z0-9_.-]*")


class AccountError(RuntimeError):
    """The Unix account for a hub user cannot be used."""


def unix_name(prefix: str, hub_name: str) -> str:
    """The Unix account name for a hub user.

    Names that are not valid Unix names as they stand (an e-mail address from single
    sign-on, or longer than Linux's 32 characters) are cleaned up and given a short hash of
    the hub name, so two different hub users never share an account.
    """
    name = prefix + hub_name
    if _UNIX_NAME.fullmatch(name) and len(name) <= 32:
        return name
    digest = hashlib.sha256(hub_name.encode()).hexdigest()[:8]
    cleaned = re.sub(r"[^a-z0-9_.-]+", "-", hub_name.lower()).strip("-.")
    room = 32 - len(prefix) - len(digest) - 1
    if room < 1:
        raise AccountError(f"the Unix prefix {prefix!r} leaves no room for user names")
    return f"{prefix}{cleaned[:room]}-{digest}"


def created_by_hub(name: str) -> bool:
    try:
        return pwd.getpwnam(name).pw_gecos == ACCOUNT_MARK
    except KeyError:
        return False


def ensure_account(name: str, home_root: str = "/home") -> pwd.struct_passwd:
    """Create the account (home mode 0700) if needed; refuse accounts the hub did not make."""
    try:
        entry = pwd.getpwnam(name)
    except KeyError:
        home = os.path.join(home_root, name)
        subprocess.run(["useradd", "--create-home", "--home-dir", home, "--user-group",
                        "--shell", "/bin/bash", "--comment", ACCOUNT_MARK, name],
                       check=True, capture_output=True, text=True)
        entry = pwd.getpwnam(name)
    if entry.pw_gecos != ACCOUNT_MARK:
        raise AccountError(f"Unix account {name!r} exists and was not created by the hub")
    os.chmod(entry.pw_dir, 0o700)
    return entry


def remove_accounts(prefix: str) -> list[str]:
    """Delete the hub-made accounts whose names start with ``prefix``, with their homes."""
    if not prefix:
        raise ValueError("refusing to remove accounts without a prefix")
    removed = []
    for entry in pwd.getpwall():
        if entry.pw_name.startswith(prefix) and entry.pw_gecos == ACCOUNT_MARK:
            subprocess.run(["userdel", "--remove", "--force", entry.pw_name],
                           check=False, capture_output=True)
            removed.append(entry.pw_name)
    return removed


def unreadable_paths(paths: list[str | os.PathLike]) -> list[str]:
    """Paths (or their parent directories) that other Unix users cannot read or enter.

    The users' servers run the hub's Python environment, so every directory on the way to it
    must be world-searchable and the files world-readable; a virtual environment under /root
    or in a checkout inside a 0700 directory fails this.
    """
    problems = []
    for start in paths:
        path = Path(start).resolve()
        if not path.exists():
            continue
        for part in (path, *path.parents):
            mode = part.stat().st_mode
            needed = stat.S_IXOTH if part.is_dir() else stat.S_IROTH
            if part == path and part.is_dir():
                needed |= stat.S_IROTH
            if not mode & needed:
                problems.append(str(part))
    return sorted(set(problems))


def environment_paths() -> list[str]:
    """What a user's server needs to read: this Python, its prefix and its libraries."""
    paths = [sys.executable, sys.prefix, sys.base_prefix]
    # sys.path holds the site-packages and the editable checkout; the hub's working
    # directory (first on sys.path under `python -m`) is not something servers import from.
    here = os.path.realpath(os.getcwd())
    paths += [p for p in sys.path
              if p and os.path.isdir(p) and os.path.realpath(p) != here]
    return paths

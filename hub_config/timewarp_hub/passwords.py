"""Logging in with a name and password kept by the hub itself (the out-of-the-box method).

Passwords are stored as salted scrypt hashes in a small SQLite file in the hub's data
directory, with each user's groups (their courses, and "teachers"/"admins" membership), so
the password login gives JupyterHub the same groups an SSO provider would.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
import sqlite3
from contextlib import closing
from pathlib import Path

from jupyterhub.auth import Authenticator
from traitlets import Unicode

_SCRYPT = {"n": 2**14, "r": 8, "p": 1}


def _hash(password: str, salt: bytes) -> bytes:
    return hashlib.scrypt(password.encode(), salt=salt, **_SCRYPT)


def new_password() -> str:
    """A password a person can type: four groups of four letters and digits."""
    alphabet = "abcdefghjkmnpqrstuvwxyz23456789"
    return "-".join("".join(secrets.choice(alphabet) for _ in range(4)) for _ in range(4))


class PasswordStore:
    """Hub users' password hashes and groups in one SQLite file (mode 0600)."""

    def __init__(self, path: str | os.PathLike) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with closing(self._connect()) as db, db:
            db.execute("CREATE TABLE IF NOT EXISTS users (name TEXT PRIMARY KEY, "
                       "salt BLOB NOT NULL, hash BLOB NOT NULL, groups TEXT NOT NULL)")
        os.chmod(self.path, 0o600)

    def _connect(self) -> sqlite3.Connection:
        return sqlite3.connect(self.path, timeout=10)

    def set(self, name: str, password: str, groups: list[str] | None = None) -> None:
        """Create the user or change their password (and groups, when given)."""
        salt = secrets.token_bytes(16)
        with closing(self._connect()) as db, db:
            old = db.execute("SELECT groups FROM users WHERE name = ?", (name,)).fetchone()
            kept = json.loads(old[0]) if old else []
            db.execute("REPLACE INTO users VALUES (?, ?, ?, ?)",
                       (name, salt, _hash(password, salt),
                        json.dumps(sorted(set(groups if groups is not None else kept)))))

    def remove(self, name: str) -> bool:
        with closing(self._connect()) as db, db:
            return db.execute("DELETE FROM users WHERE name = ?", (name,)).rowcount > 0

    def __contains__(self, name: str) -> bool:
        with closing(self._connect()) as db:
            return db.execute("SELECT 1 FROM users WHERE name = ?", (name,)).fetchone() is not None

    def names(self) -> list[str]:
        with closing(self._connect()) as db:
            return [row[0] for row in db.execute("SELECT name FROM users ORDER BY name")]

    def groups(self, name: str) -> list[str]:
        with closing(self._connect()) as db:
            row = db.execute("SELECT groups FROM users WHERE name = ?", (name,)).fetchone()
        return json.loads(row[0]) if row else []

    def check(self, name: str, password: str) -> list[str] | None:
        """The user's groups if the password is right, else None."""
        with closing(self._connect()) as db:
            row = db.execute("SELECT salt, hash, groups FROM users WHERE name = ?",
                             (name,)).fetchone()
        if row is None:
            # Hash anyway so a wrong name takes as long as a wrong password.
            _hash(password, b"0" * 16)
            return None
        salt, stored, groups = row
        if not hmac.compare_digest(_hash(password, salt), stored):
            return None
        return json.loads(groups)


class PasswordAuthenticator(Authenticator):
    """Checks names and passwords against the hub's :class:`PasswordStore`."""

    store_path = Unicode(help="The SQLite password file (set from HubSettings.data_dir)."
                         ).tag(config=True)

    def get_handlers(self, app):
        # Imported here: the page module needs PasswordStore from this one.
        from timewarp_hub.users_page import PasswordUsersHandler
        return [*super().get_handlers(app), ("/timewarp/users", PasswordUsersHandler)]

    def authenticate(self, handler, data):
        name = self.normalize_username(data.get("username", ""))
        groups = PasswordStore(self.store_path).check(name, data.get("password", ""))
        if groups is None:
            return None
        return {"name": name, "groups": groups}

"""The admin's page for the password login: add people, reset passwords, set their groups.

JupyterHub's own admin page can add hub users but cannot give them passwords; this page
(/hub/timewarp/users, admins only) writes the password file and shows each new password once.
"""

from __future__ import annotations

from jupyterhub.handlers import BaseHandler
from tornado import web

from timewarp_hub.passwords import PasswordStore, new_password


class PasswordUsersHandler(BaseHandler):
    """List the password users; create one (or reset their password) from a form."""

    def _store(self) -> PasswordStore:
        return PasswordStore(self.authenticator.store_path)

    def _require_admin(self) -> None:
        if not self.current_user.admin:
            raise web.HTTPError(403, "Only hub admins may manage users.")

    async def _page(self, **message) -> None:
        store = self._store()
        users = [(name, store.groups(name)) for name in store.names()]
        self.finish(await self.render_template("timewarp-users.html", users=users, **message))

    @web.authenticated
    async def get(self):
        self._require_admin()
        await self._page()

    @web.authenticated
    async def post(self):
        self._require_admin()
        name = self.authenticator.normalize_username(self.get_body_argument("name", ""))
        if not name or not self.authenticator.validate_username(name):
            raise web.HTTPError(400, f"{name!r} is not a valid user name.")
        groups = [g.strip() for g in self.get_body_argument("groups", "").split(",")
                  if g.strip()]
        password = new_password()
        self._store().set(name, password, groups)
        self.log.info("Admin %s set the password of %s", self.current_user.name, name)
        await self._page(new_user=name, new_password=password)

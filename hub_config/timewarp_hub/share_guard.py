"""Inside each single-user server: cut a visitor off as soon as their access ends.

A classmate with a share, or a teacher, is checked by the hub when they connect; the server
then trusts their token for minutes (JupyterHub's ``HubAuth.cache_max_age``) and keeps their
websockets (the notebook's collaboration room, their kernels) open for as long as they
like.  So revoking a share would not stop someone who is already in.  This server extension
remembers every visitor who is not the server's owner, asks the hub again every
``ShareGuard.interval`` seconds whether each may still come in, and when one may not, forgets
their cached answer and closes their websockets.  The owner is never checked: a server's
owner cannot lose access to it.

The hub loads it into every server it starts (:mod:`timewarp_hub.singleuser`).
"""

from __future__ import annotations

import hashlib
import os
import time
import weakref
from dataclasses import dataclass, field

from tornado.ioloop import PeriodicCallback
from tornado.websocket import WebSocketHandler
from traitlets import Float
from traitlets.config import LoggingConfigurable

#: The websocket close code for "no longer allowed", in the range reserved for applications.
CLOSE_NO_ACCESS = 4403


def cache_key(token: str, session_id: str) -> str:
    """The key under which HubAuth.user_for_token caches the hub's answer for a token."""
    digest = hashlib.sha256(token.encode("utf8", "replace")).hexdigest()
    return f"token:{session_id}:{digest}"


@dataclass
class Visitor:
    """One browser or client of someone other than the owner, known by its token."""

    name: str
    session_id: str
    last_seen: float = field(default_factory=time.monotonic)
    sockets: weakref.WeakSet = field(default_factory=weakref.WeakSet)


class ShareGuard(LoggingConfigurable):
    """Re-checks visitors with the hub and closes the connections of those turned away."""

    interval = Float(2.0, help="Seconds between checks of the visitors' access with the hub."
                     ).tag(config=True)

    def __init__(self, identity_provider, owner: str, **kwargs) -> None:
        super().__init__(**kwargs)
        self.identity_provider = identity_provider
        self.hub_auth = identity_provider.hub_auth
        self.owner = owner
        self.visitors: dict[str, Visitor] = {}
        self._checker = PeriodicCallback(self.check_all, self.interval * 1000)

    def start(self) -> None:
        self._checker.start()

    def watch(self) -> None:
        """Wrap the identity provider so every identified visitor is noted."""
        original = self.identity_provider.get_user

        async def get_user(handler):
            user = await original(handler)
            if user is None:
                self.forget_refusal(handler)
            elif user.username != self.owner:
                self.saw(handler, user.username)
            return user

        self.identity_provider.get_user = get_user

    def saw(self, handler, name: str) -> None:
        token = self.hub_auth.get_token(handler)
        if not token:
            return
        visitor = self.visitors.get(token)
        if visitor is None:
            visitor = self.visitors[token] = Visitor(name, self.hub_auth.get_session_id(handler))
        visitor.last_seen = time.monotonic()
        if isinstance(handler, WebSocketHandler):
            visitor.sockets.add(handler)

    def forget_refusal(self, handler) -> None:
        """Do not keep a "no access" answer: a share granted a moment later must work at once."""
        token = self.hub_auth.get_token(handler)
        if token:
            key = cache_key(token, self.hub_auth.get_session_id(handler))
            model = self.hub_auth.cache.get(key)
            if model and not self.hub_auth.check_scopes(self.hub_auth.access_scopes, model):
                self.hub_auth.cache.pop(key, None)

    async def check_all(self) -> None:
        for token, visitor in list(self.visitors.items()):
            try:
                allowed = await self.still_allowed(token, visitor)
            except Exception:  # the hub restarting must not kill the checks
                self.log.warning("Could not check %s's access with the hub", visitor.name)
                continue
            if not allowed:
                self.turn_away(token, visitor)
            elif not visitor.sockets and (time.monotonic() - visitor.last_seen
                                          > self.hub_auth.cache_max_age):
                # Gone quiet: the hub will be asked afresh when they come back.
                del self.visitors[token]

    async def still_allowed(self, token: str, visitor: Visitor) -> bool:
        model = await self.hub_auth.user_for_token(token, use_cache=False,
                                                   session_id=visitor.session_id, sync=False)
        return bool(model) and bool(self.hub_auth.check_scopes(self.hub_auth.access_scopes,
                                                               model))

    def turn_away(self, token: str, visitor: Visitor) -> None:
        self.log.warning("%s may no longer use this server: closing %d connection(s)",
                         visitor.name, len(visitor.sockets))
        # Without this the next request would be let in on the hub's old answer.
        self.hub_auth.cache.pop(cache_key(token, visitor.session_id), None)
        for socket in list(visitor.sockets):
            socket.close(CLOSE_NO_ACCESS, "Your access to this server has ended.")
        del self.visitors[token]


def start_share_guard(serverapp) -> ShareGuard | None:
    """Guard ``serverapp`` if it runs behind JupyterHub; return the guard."""
    provider = serverapp.identity_provider
    owner = os.environ.get("JUPYTERHUB_USER")
    if not owner or not hasattr(provider, "hub_auth"):
        return None
    guard = ShareGuard(provider, owner, parent=serverapp)
    guard.watch()
    guard.start()
    return guard

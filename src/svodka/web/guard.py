"""The server's edge, as one ASGI middleware around the app (issue #14, HTTP).

- Host allow-list: a request whose Host is not ours is refused, so a page on another
  site cannot read a local corpus through DNS rebinding (localhost names by default).
- Standard security headers on every answer, a Content-Security-Policy without inline
  scripts among them (the page's own script is a file).
- The body's size is enforced while it is read: a declared Content-Length over the limit
  is refused before reading, an undeclared body is cut off at the limit.
- A per-request time limit, a per-client limit on requests in flight.
- Any exception becomes a JSON error (errors.py), never a bare 500.
"""

from __future__ import annotations

import asyncio
import logging
from collections import Counter
from collections.abc import Awaitable, Callable, Iterable
from typing import Any

from .errors import error_bytes

LOG = logging.getLogger("svodka.web")
Scope = dict[str, Any]
Receive = Callable[[], Awaitable[dict[str, Any]]]
Send = Callable[[dict[str, Any]], Awaitable[None]]

DEFAULT_HOSTS = ("localhost", "127.0.0.1", "::1")
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
]


def host_of(scope: Scope) -> str:
    for key, value in scope.get("headers", ()):
        if key == b"host":
            host = value.decode("latin-1").strip().lower()
            if host.startswith("["):  # [::1]:8000
                return host[1 : host.find("]")] if "]" in host else host
            return host.rsplit(":", 1)[0] if host.count(":") == 1 else host
    return ""


class Guard:
    def __init__(
        self,
        app: Callable[[Scope, Receive, Send], Awaitable[None]],
        *,
        allow_hosts: Iterable[str] = DEFAULT_HOSTS,
        max_body: int = 8 * 1024 * 1024,
        time_limit: float = 60.0,
        per_client: int = 8,
    ) -> None:
        self.app = app
        self.allow_hosts = {h.lower().strip("[]") for h in allow_hosts}
        self.max_body, self.time_limit, self.per_client = max_body, time_limit, per_client
        self.in_flight: Counter[str] = Counter()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = answered = False

        async def send_secure(message: dict[str, Any]) -> None:
            nonlocal started
            if answered:  # the edge has answered already (a body over the limit): the app's reply is dropped
                return
            if message["type"] == "http.response.start":
                started = True
                names = {k for k, _ in message.get("headers", [])}
                message = {**message, "headers": list(message.get("headers", [])) + [
                    h for h in SECURITY_HEADERS if h[0] not in names
                ]}
            await send(message)

        async def fail(code: str, message: str | None = None) -> None:
            nonlocal answered
            status, body = error_bytes(code, message)
            headers = [(b"content-type", b"application/json; charset=utf-8"), (b"content-length", str(len(body)).encode())]
            if code == "too_many_requests":
                headers.append((b"retry-after", b"1"))
            await send_secure({"type": "http.response.start", "status": status, "headers": headers})
            await send_secure({"type": "http.response.body", "body": body})
            answered = True

        if "*" not in self.allow_hosts and host_of(scope) not in self.allow_hosts:
            await fail("bad_host")
            return
        declared = next((v for k, v in scope.get("headers", ()) if k == b"content-length"), None)
        if declared is not None:
            try:
                if int(declared) > self.max_body:
                    await fail("too_large", f"Запрос больше {self.max_body // (1024 * 1024) or 1} МБ")
                    return
            except ValueError:
                await fail("bad_request")
                return
        client = (scope.get("client") or ("?", 0))[0]
        if self.in_flight[client] >= self.per_client:
            await fail("too_many_requests")
            return
        seen = 0

        async def receive_capped() -> dict[str, Any]:
            nonlocal seen
            if answered:
                return {"type": "http.disconnect"}
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_body:
                    # answer now, and tell the app the client has gone: it stops reading
                    await fail("too_large", f"Запрос больше {self.max_body // (1024 * 1024) or 1} МБ")
                    return {"type": "http.disconnect"}
            return message

        self.in_flight[client] += 1
        try:
            await asyncio.wait_for(self.app(scope, receive_capped, send_secure), self.time_limit)
        except asyncio.TimeoutError:
            if not started:
                await fail("timeout", f"Запрос не уложился в {self.time_limit:g} с")
        except Exception:  # noqa: BLE001 — the edge: whatever happened, the client gets JSON
            if answered:  # the app saw the disconnect we gave it
                return
            LOG.exception("request failed: %s %s", scope.get("method"), scope.get("path"))
            if not started:
                await fail("internal_error")
        finally:
            self.in_flight[client] -= 1
            if self.in_flight[client] <= 0:
                del self.in_flight[client]

"""The server's edge (svodka.web.guard) around a stand-in app: time limit, requests in flight
per client, a body cut off while it is read, any exception as JSON."""

from __future__ import annotations

import asyncio
import json

import httpx
import pytest
from fastapi import FastAPI, Request

from svodka.web.guard import Guard, host_of


def _app() -> FastAPI:
    app = FastAPI()
    gate = asyncio.Event()

    @app.get("/slow")
    async def slow() -> dict:
        await asyncio.sleep(30)
        return {}

    @app.get("/wait")
    async def wait() -> dict:
        await gate.wait()
        return {"ok": True}

    @app.get("/open")
    async def open_gate() -> dict:
        gate.set()
        return {}

    @app.post("/echo")
    async def echo(request: Request) -> dict:
        return {"n": len(await request.body())}

    return app


def _client(**kw) -> httpx.AsyncClient:
    guard = Guard(_app(), **kw)
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=guard), base_url="http://localhost")


def run(coro):
    return asyncio.run(coro)


def test_a_request_over_its_time_limit_gets_a_json_timeout():
    async def go():
        async with _client(time_limit=0.2) as c:
            return await c.get("/slow")

    r = run(go())
    assert r.status_code == 503 and r.json()["code"] == "timeout"


def test_requests_in_flight_per_client_are_limited():
    async def main():
        async with _client(per_client=2) as c:
            waiting = [asyncio.create_task(c.get("/wait")) for _ in range(2)]
            while len(c._transport.app.in_flight) == 0 or sum(c._transport.app.in_flight.values()) < 2:
                await asyncio.sleep(0.01)
            third = await c.get("/wait")
            c._transport.app.per_client = 3  # room for the request that opens the gate
            await c.get("/open")
            done = await asyncio.gather(*waiting)
            return third, done

    third, done = run(main())
    assert third.status_code == 429 and third.json()["code"] == "too_many_requests"
    assert [r.status_code for r in done] == [200, 200]


def test_a_body_without_a_length_is_cut_off_at_the_limit():
    async def chunks():
        for _ in range(64):
            yield b"x" * 1024

    async def go():
        async with _client(max_body=10_000) as c:
            small = await c.post("/echo", content=b"x" * 5000)
            big = await c.post("/echo", content=chunks())
            declared = await c.post("/echo", content=b"x" * 20_000)
            return small, big, declared

    small, big, declared = run(go())
    assert small.json() == {"n": 5000}
    assert big.status_code == 413 and big.json()["code"] == "too_large"
    assert declared.status_code == 413 and declared.json()["code"] == "too_large"


def test_an_unexpected_exception_is_json_not_a_bare_500():
    from svodka.web import create_app

    guard = create_app(None)

    def boom() -> dict:
        raise RuntimeError("boom")

    guard.app.add_api_route("/boom", boom)

    async def go():
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=guard), base_url="http://localhost") as c:
            return await c.get("/boom")

    r = run(go())
    assert r.status_code == 500 and json.loads(r.text)["code"] == "internal_error"


@pytest.mark.parametrize(
    "host, expected",
    [(b"localhost:8000", "localhost"), (b"127.0.0.1", "127.0.0.1"), (b"[::1]:8000", "::1"), (b"Evil.COM", "evil.com")],
)
def test_host_of(host, expected):
    assert host_of({"headers": [(b"host", host)]}) == expected


def test_the_burst_report_counts_server_errors_and_non_json_answers():
    from svodka.web.burst import report

    run = {"clients": 2, "seconds": 1.0, "results": [
        ("/api/search", 200, 10.0, True), ("/api/search", 500, 12.0, True),
        ("/api/analyze", 200, 50.0, False), ("/api/analyze", 422, 5.0, True),
    ]}
    text, bad = report(run)
    assert bad == 2 and "| /api/search | 2 | 200: 1, 500: 1 |" in text and "**2**" in text

"""The web API gives each role its ``source`` (Role.source of the document layer)."""

from __future__ import annotations

from fastapi.testclient import TestClient

from svodka.web import create_app
from svodka.web.schemas import RoleOut


def test_role_out_keeps_the_source():
    assert RoleOut(name="актёр", post="актер", source="nearby").source == "nearby"
    assert RoleOut(name="госсекретарь США", post="госсекретарь").source == "text"


def test_analyze_gives_roles_with_their_source(models):
    client = TestClient(create_app(None), base_url="http://localhost")
    text = ("Актёр Иван Сергеевич Петров скончался в Москве. Петров сыграл в сорока фильмах. "
            "Иван Петров родился в Туле. Актёр долго болел.")
    r = client.post("/api/analyze", json={"text": text})
    assert r.status_code == 200, r.text
    people = [e for e in r.json()["entities"] if e["type"] == "PER"]
    roles = [role for e in people for role in e["roles"]]
    assert roles and all(role["source"] in ("text", "description", "nearby") for role in roles)
    assert any(role["source"] == "text" and role["post"] == "актер" for role in roles)

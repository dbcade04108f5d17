"""One error shape for every failure: ``{"error": "…", "code": "…"}``.

``error`` is Russian, for the page to show as is; ``code`` is stable and machine-readable;
a validation error adds ``details`` (which field, what is wrong).  Nothing answers with a
bare 500 or a traceback: an unexpected exception becomes ``internal_error`` (and is logged).
"""

from __future__ import annotations

import json
import re
import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import ConfigError, InputError, SvodkaError

LOG = logging.getLogger("svodka.web")

# code → (HTTP status, Russian message shown when the raiser gave none)
CODES: dict[str, tuple[int, str]] = {
    "bad_request": (400, "Неверный запрос"),
    "bad_json": (400, "Тело запроса — не JSON"),
    "bad_host": (421, "Этот адрес сервера не разрешён (--allow-host)"),
    "not_found": (404, "Не найдено"),
    "no_route": (404, "Такой страницы нет"),
    "method_not_allowed": (405, "Этот метод здесь не поддерживается"),
    "too_large": (413, "Запрос слишком большой"),
    "unsupported_media": (415, "Нужен JSON (Content-Type: application/json)"),
    "validation_error": (422, "Запрос заполнен неверно"),
    "bad_input": (422, "Текст нельзя разобрать"),
    "bad_setting": (422, "Неверный параметр"),
    "too_many_requests": (429, "Слишком много запросов одновременно, повторите чуть позже"),
    "internal_error": (500, "Внутренняя ошибка сервера"),
    "no_corpus": (503, "Архив статей не подключён: запустите сервер с --db"),
    "timeout": (503, "Разбор занял слишком много времени"),
}
_BY_STATUS = {400: "bad_request", 404: "no_route", 405: "method_not_allowed", 413: "too_large", 415: "unsupported_media"}


class ApiError(Exception):
    """An error a route raises on purpose: its code, and a Russian message."""

    def __init__(self, code: str, message: str | None = None, **extra: Any) -> None:
        super().__init__(message or CODES[code][1])
        self.code, self.message, self.extra = code, message or CODES[code][1], extra

    @property
    def status(self) -> int:
        return CODES[self.code][0]


def error_body(code: str, message: str | None = None, **extra: Any) -> dict[str, Any]:
    return {"error": message or CODES[code][1], "code": code, **extra}


def error_response(code: str, message: str | None = None, headers: dict[str, str] | None = None, **extra: Any):
    return JSONResponse(error_body(code, message, **extra), status_code=CODES[code][0], headers=headers)


def error_bytes(code: str, message: str | None = None) -> tuple[int, bytes]:
    """Status and body for the ASGI middleware, which answers before FastAPI runs."""
    return CODES[code][0], json.dumps(error_body(code, message), ensure_ascii=False).encode("utf-8")


# Pydantic's error types in Russian (the English text stays in details[].detail).
_VALIDATION = {
    "missing": "обязательное поле не заполнено",
    "string_too_short": "слишком короткая строка",
    "string_too_long": "слишком длинная строка",
    "string_type": "нужна строка",
    "int_parsing": "нужно целое число",
    "int_type": "нужно целое число",
    "bool_parsing": "нужно true или false",
    "bool_type": "нужно true или false",
    "greater_than_equal": "слишком маленькое число",
    "less_than_equal": "слишком большое число",
    "json_invalid": "тело запроса — не JSON",
    "model_attributes_type": "нужен JSON-объект",
    "dict_type": "нужен JSON-объект",
    "string_pattern_mismatch": "неверный формат",
    "value_error": "неверное значение",
}
_FIELDS = {"q": "запрос", "text": "текст", "title": "заголовок", "published": "дата", "since": "дата «с»",
           "until": "дата «по»", "limit": "число результатов", "offset": "сдвиг", "doc_id": "номер статьи"}


def validation_details(exc: RequestValidationError) -> list[dict[str, Any]]:
    out = []
    for e in exc.errors():
        loc = [str(x) for x in e.get("loc", ()) if x not in ("body", "query", "path")]
        out.append({"field": ".".join(loc), "type": e.get("type", ""), "detail": str(e.get("msg", ""))})
    return out


def validation_message(details: list[dict[str, Any]]) -> str:
    parts = []
    for d in details[:3]:
        what = _VALIDATION.get(d["type"], "неверное значение")
        if d["type"] == "value_error" and re.search("[а-я]", d["detail"]):  # our own validators speak Russian
            what = d["detail"].removeprefix("Value error, ")
        field = _FIELDS.get(d["field"], d["field"])
        parts.append(f"{field}: {what}" if field else what)
    return "Запрос заполнен неверно: " + "; ".join(parts) if parts else CODES["validation_error"][1]


def install(app: FastAPI) -> None:
    """Exception handlers that give every failure the one shape."""

    @app.exception_handler(ApiError)
    async def _api(request: Request, exc: ApiError) -> JSONResponse:
        return error_response(exc.code, exc.message, **exc.extra)

    @app.exception_handler(ConfigError)
    async def _config(request: Request, exc: ConfigError) -> JSONResponse:
        return error_response("bad_setting", f"Неверный параметр: {exc}")

    @app.exception_handler(InputError)
    async def _input(request: Request, exc: InputError) -> JSONResponse:
        return error_response("bad_input", f"Текст нельзя разобрать: {exc}")

    @app.exception_handler(SvodkaError)
    async def _svodka(request: Request, exc: SvodkaError) -> JSONResponse:
        return error_response("bad_input", f"Запрос нельзя выполнить: {exc}")

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> JSONResponse:
        details = validation_details(exc)
        if any(d["type"] == "json_invalid" for d in details):
            return error_response("bad_json", details=details)
        return error_response("validation_error", validation_message(details), details=details)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = _BY_STATUS.get(exc.status_code, "bad_request" if exc.status_code < 500 else "internal_error")
        return JSONResponse(error_body(code), status_code=exc.status_code, headers=getattr(exc, "headers", None))

"""The HTTP API and the web page: `svodka serve`."""

from .app import create_app

__all__ = ["create_app"]

"""A local, read-only web UI over a store; every page has a JSON twin (append ?format=json)."""

from storyline.web.app import create_app

__all__ = ["create_app"]

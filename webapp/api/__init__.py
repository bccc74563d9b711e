"""The JSON API (``/api/v1``): profiles, checks, pitches, reframing, campaigns and
comparisons, with bearer tokens.

Every endpoint but ``openapi.json`` needs ``Authorization: Bearer <token>`` (made on the
account page). Errors: ``{"error": {"message", "field"?}}``. Described in
:mod:`.openapi`.

:func:`make_blueprint` builds the blueprint (authentication and shared error
handlers, in :mod:`.common`); each route module adds its routes with
``register(bp)``. The app factory does both, listing the modules in
:data:`ROUTE_MODULES` order.
"""
from __future__ import annotations

from . import campaigns, checks, compare, pitches, profiles, reference, reframe
from .common import make_blueprint

# The API's route modules, in the order their routes are added to the blueprint.
ROUTE_MODULES = (profiles, checks, pitches, reference, reframe, campaigns, compare)

__all__ = ["ROUTE_MODULES", "make_blueprint"]

"""Storage: one module per aggregate over a sqlite-utils database (no Flask)."""
from .db import connect, migrate

__all__ = ["connect", "migrate"]

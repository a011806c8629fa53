"""`uppdrag ical`: calendar feeds (registered on the app in cli.py)."""

from __future__ import annotations

"""Renderers: views to bytes. The only package that imports rich."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Terminal:
    """What cli.py found out about the output: renderers never look themselves."""

    width: int = 100
    color: bool = False

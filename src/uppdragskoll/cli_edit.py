"""`uppdrag klar`, `flytta`, `utfall`, `ny`: edits that keep every other byte of the file."""

from __future__ import annotations

"""Diarienummer of the Government Offices (`S2025/01981`): shape check and tidying. Pure."""

from __future__ import annotations

import re

MIN_YEAR = 1990
MAX_YEAR = 2100

# Department (S, Fi, Fö, UD, SB …), year, slash, serial number; until 2020 optionally a unit
# ("/FS"); a decision that covers only part of a case adds " (delvis)".
DNR_PATTERN = (
    r"^[A-ZÅÄÖ][A-Za-zÅÄÖåäö]{0,2}(?P<year>[0-9]{4})/[0-9]{1,6}"
    r"(?:/[A-Za-zÅÄÖåäö0-9]{1,6})?(?: \(delvis\))?$"
)
_DNR = re.compile(DNR_PATTERN)
_DELVIS = re.compile(r"\s*\(\s*delvis\s*\)$", re.IGNORECASE)


def normalise_dnr(text: str) -> str:
    """Strip and collapse whitespace; write a trailing "(delvis)" as " (delvis)".

    Nothing inside the number is changed: `S 2025/01981` stays as written and is invalid,
    so a typo is reported rather than silently repaired.
    """
    clean = " ".join(text.split())
    without, count = _DELVIS.subn("", clean)
    return f"{without} (delvis)" if count and without else clean


def is_valid_dnr(text: str) -> bool:
    """True if `text`, once normalised, has the shape of a Government Offices diarienummer."""
    match = _DNR.fullmatch(normalise_dnr(text))
    return match is not None and MIN_YEAR <= int(match["year"]) <= MAX_YEAR

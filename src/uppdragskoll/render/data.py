"""JSON and CSV output: stable keys, plain integers for money, ISO dates."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from typing import Any

# Excel and LibreOffice in Swedish expect `;` between cells and recognise UTF-8 by its BOM.
CSV_BOM = "\ufeff"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def to_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2) + "\n"


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nej"
    if isinstance(value, int):
        return str(value)  # plain digits: a negative number is data, not a formula
    text = str(value)
    # A cell that starts like a formula is run by the spreadsheet (CSV injection): quote it.
    if text.startswith(_FORMULA_START):
        return "'" + text
    return text


def to_csv(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(header)
    for row in rows:
        writer.writerow([_cell(v) for v in row])
    return CSV_BOM + buffer.getvalue()


def csv_from_dicts(items: Sequence[dict[str, Any]], columns: Sequence[str]) -> str:
    return to_csv(columns, ([item.get(c) for c in columns] for item in items))

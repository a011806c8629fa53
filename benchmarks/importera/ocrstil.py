"""Make an OCR-damaged copy of a round of real decisions, to measure the importer on text that
comes from a scanned decision whose å/ä/ö the OCR engine misread (as in seed 003).

    python benchmarks/importera/ocrstil.py benchmarks/importera/H /tmp/H-ocr 1.0
    .venv/bin/python tests/test_import_cases.py /tmp/H-ocr

Each å, ä and ö becomes, with the given probability (default 1.0), one of the characters seed
003 shows for it: ä as a, é, i, d or 4; ö as o, 6 or é; å as a, 4 or &; capitals as A or O.
The `.yaml` expectations are copied unchanged. The random choices are seeded by file name:
the same input gives the same copy.
"""

from __future__ import annotations

import random
import shutil
import sys
from pathlib import Path

MISREAD = {
    "ä": ["a", "é", "i", "d", "4"],
    "ö": ["o", "6", "é"],
    "å": ["a", "4", "&"],
    "Ä": ["A"],
    "Ö": ["O"],
    "Å": ["A"],
}


def damage(text: str, rnd: random.Random, rate: float) -> str:
    return "".join(
        rnd.choice(MISREAD[c]) if c in MISREAD and rnd.random() < rate else c for c in text
    )


def main(source: Path, target: Path, rate: float) -> None:
    target.mkdir(parents=True, exist_ok=True)
    for path in sorted(source.glob("*.txt")):
        rnd = random.Random(path.name)
        (target / path.name).write_text(damage(path.read_text("utf-8"), rnd, rate), "utf-8")
        expected = path.with_suffix(".yaml")
        if expected.exists():
            shutil.copy(expected, target / expected.name)


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]), float(sys.argv[3]) if len(sys.argv) > 3 else 1.0)

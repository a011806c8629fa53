"""Make a PDF-style copy of a round of real decisions, to measure the importer on text as it
comes out of the decision's PDF rather than off the web page.

    python benchmarks/importera/pdfstil.py benchmarks/importera/H /tmp/H-pdf
    .venv/bin/python tests/test_import_cases.py /tmp/H-pdf

Each `NN_namn.txt` gets a letterhead (without date or case number, so that the expectations
still hold), lines wrapped at 78 columns with some long words hyphenated across lines, and a
letter footer plus page number every 45 lines, which often falls inside a sentence. The
`.yaml` expectations are copied unchanged. The random choices are seeded: the same input
gives the same copy.
"""

from __future__ import annotations

import random
import re
import shutil
import sys
from pathlib import Path

WIDTH = 78
PAGE_LINES = 45
FOOTER = ["Postadress", "103 33 Stockholm", "Telefonväxel", "08-405 10 00", "Webb"]


def wrap(paragraph: str, rnd: random.Random) -> list[str]:
    lines: list[str] = []
    current = ""
    for word in paragraph.split():
        if len(current) + 1 + len(word) <= WIDTH:
            current = f"{current} {word}".strip()
            continue
        if len(word) > 9 and rnd.random() < 0.4 and re.fullmatch(r"[A-Za-zåäöÅÄÖ]+", word):
            cut = rnd.randint(4, len(word) - 4)
            if len(current) + cut + 2 <= WIDTH + 2:
                lines.append(f"{current} {word[:cut]}-".strip())
                current = word[cut:]
                continue
        lines.append(current)
        current = word
    if current:
        lines.append(current)
    return lines


def pdf_style(text: str, rnd: random.Random) -> str:
    title, *body = text.split("\n\n")
    out = ["Regeringsbeslut", "I:3", "", "Testverket", "Box 123", "123 45 Stockholm", ""]
    out += [*wrap(title, rnd), ""]
    for paragraph in body:
        for line in paragraph.splitlines() if paragraph.lstrip()[:1] in "*•" else [paragraph]:
            out += wrap(line, rnd)
        out.append("")
    out += ["På regeringens vägnar", "", "Anna Andersson", "", "Bo Berg"]
    pages = [out[i : i + PAGE_LINES] for i in range(0, len(out), PAGE_LINES)]
    result: list[str] = []
    for number, page in enumerate(pages, start=1):
        if number > 1:
            result += [f"{number} ({len(pages)})", ""]
        result += [*page, "", *FOOTER, "www.regeringen.se", "\f"]
    return "\n".join(result) + "\n"


def main(source: Path, target: Path) -> None:
    target.mkdir(parents=True, exist_ok=True)
    rnd = random.Random(7)
    for text_file in sorted(source.glob("*.txt")):
        text = text_file.read_text(encoding="utf-8")
        (target / text_file.name).write_text(pdf_style(text, rnd), encoding="utf-8")
        expected = text_file.with_suffix(".yaml")
        shutil.copy(expected, target / expected.name)


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))

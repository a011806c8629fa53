"""Build the word list the importer uses to restore å/ä/ö in OCR-damaged text.

    python benchmarks/importera/ocr_ordlista.py DIR... > src/uppdragskoll/importer/data/ocr_ord.txt

Reads every `*.txt` under the given directories (decision texts fetched as README.md says,
clean, not OCR) and writes `word count` lines: every word with å/ä/ö seen at least twice, and
every word without them that an OCR misreading of such a word could produce ("andra" for
"ändra", "far" for "får"), so that the importer can tell a misreading from a word that stands
as it is. Swedish government decisions are public documents; the list holds words and counts
only. The output is sorted, so the same texts give the same file.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

# keep in step with importer/text.py
MISREAD_AS = {
    "6": "ö", "4": "åä", "&": "åä", "@": "åä", "é": "åäö", "è": "åäö", "d": "ä", "i": "ä",
    "e": "ä", "o": "öå", "a": "åä", "§": "åäö",
}  # fmt: skip
WORD = re.compile(r"[a-zåäöéè]+")


def fits(token: str, word: str) -> bool:
    return (
        len(token) == len(word)
        and token != word
        and all(
            w == t or (w in "åäö" and w in MISREAD_AS.get(t, ""))
            for w, t in zip(word, token, strict=True)
        )
    )


def key(word: str) -> str:
    return "".join("?" if c in "åäö" or c in MISREAD_AS else c for c in word)


def main(dirs: list[str]) -> None:
    counts: Counter[str] = Counter()
    for d in dirs:
        for path in sorted(Path(d).rglob("*.txt")):
            counts.update(WORD.findall(path.read_text("utf-8").lower()))
    umlaut = {w: n for w, n in counts.items() if re.search("[åäö]", w) and n >= 2 and len(w) >= 2}
    by_key: dict[str, list[str]] = {}
    for w in umlaut:
        by_key.setdefault(key(w), []).append(w)
    plain = {
        t: n
        for t, n in counts.items()
        if not re.search("[åäö]", t) and any(fits(t, w) for w in by_key.get(key(t), []))
    }
    for w, n in sorted({**umlaut, **plain}.items()):
        print(w, n)


if __name__ == "__main__":
    main(sys.argv[1:])

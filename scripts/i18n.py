"""Keep the catalogs in step with the code: extract, update, and fill Indonesian from a TSV.

python scripts/i18n.py update            # extract messages.pot and update id/en catalogs
python scripts/i18n.py fill FILE.tsv     # msgid<TAB>Indonesian (plural: msgid|plural<TAB>sg|pl)
python scripts/i18n.py missing           # list msgids without an Indonesian translation
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "runtime" / "translations"
PYBABEL = str(Path(sys.executable).parent / "pybabel")


def update() -> None:
    pot = TRANSLATIONS / "messages.pot"
    subprocess.run(  # noqa: S603 - fixed arguments
        [
            PYBABEL,
            "extract",
            "-F",
            "babel.cfg",
            "-k",
            "_l",
            "-k",
            "lazy_gettext",
            "--no-location",
            "-o",
            str(pot),
            ".",
        ],
        cwd=ROOT,
        check=True,
    )
    subprocess.run(  # noqa: S603
        [PYBABEL, "update", "--no-fuzzy-matching", "-i", str(pot), "-d", str(TRANSLATIONS)],
        cwd=ROOT,
        check=True,
    )


def _catalog() -> tuple[Path, object]:
    path = TRANSLATIONS / "id" / "LC_MESSAGES" / "messages.po"
    with path.open("rb") as handle:
        return path, read_po(handle, locale="id")


def fill(tsv: Path) -> None:
    path, catalog = _catalog()
    catalog.fuzzy = False  # type: ignore[attr-defined]
    for line in tsv.read_text(encoding="utf-8").splitlines():
        if not line.strip() or "\t" not in line:
            continue
        source, target = line.split("\t", 1)
        key = tuple(source.split("|")) if "|" in source else source
        message = catalog.get(key[0] if isinstance(key, tuple) else key)  # type: ignore[attr-defined]
        if message is None:
            print(f"not in catalog: {source}")
            continue
        message.string = tuple(target.split("|")) if isinstance(key, tuple) else target
    with path.open("wb") as handle:
        write_po(handle, catalog, width=100)  # type: ignore[arg-type]


def missing() -> list[str]:
    _, catalog = _catalog()
    gaps = []
    for message in catalog:  # type: ignore[attr-defined]
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if not all(strings):
            gaps.append(message.id if isinstance(message.id, str) else message.id[0])
    return gaps


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else "missing"
    if command == "update":
        update()
    elif command == "fill":
        fill(Path(sys.argv[2]))
    else:
        for gap in missing():
            print(gap)

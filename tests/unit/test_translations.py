"""Indonesian is the default language: every message in the code must have a translation."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_every_message_has_an_indonesian_translation(tmp_path):
    pot = tmp_path / "messages.pot"
    subprocess.run(
        [
            str(Path(sys.executable).parent / "pybabel"),
            "extract",
            "-F",
            "babel.cfg",
            "-k",
            "_l",
            "-k",
            "lazy_gettext",
            "-o",
            str(pot),
            ".",
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    from babel.messages.pofile import read_po

    with pot.open("rb") as handle:
        extracted = {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(handle) if m.id}
    with (ROOT / "runtime/translations/id/LC_MESSAGES/messages.po").open("rb") as handle:
        catalog = read_po(handle, locale="id")
    translated = set()
    for m in catalog:
        strings = m.string if isinstance(m.string, tuple) else (m.string,)
        if m.id and all(strings):
            translated.add(m.id if isinstance(m.id, str) else m.id[0])
    missing = sorted(extracted - translated)
    assert not missing, "untranslated (run scripts/i18n.py update, then fill):\n" + "\n".join(
        missing
    )

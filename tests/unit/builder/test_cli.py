from __future__ import annotations

import io
import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from builder import cli
from builder.canonical import canonical_bytes
from builder.versions import InMemoryVersionRepository, VersionRepository
from tests.unit.builder.helpers import minimal, patch


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = cli.main(list(argv), out=out)
    return code, out.getvalue()


def write(tmp_path: Path, name: str, data: object) -> str:
    path = tmp_path / name
    path.write_bytes(canonical_bytes(data))
    return str(path)


def test_validate_ok(tmp_path: Path) -> None:
    good = write(tmp_path, "good.json", minimal())
    assert run("validate", good) == (0, f"{good}: OK\n")


def test_validate_reports_file_pointer_message(tmp_path: Path) -> None:
    good = write(tmp_path, "good.json", minimal())
    bad = write(
        tmp_path, "bad.json", patch(minimal(), [("set", "/workflow/steps/0/role", "lurah")])
    )
    code, out = run("validate", good, bad)
    assert code == 1
    assert f"{bad}: /workflow/steps/0/role: unknown role 'lurah'" in out
    assert f"{good}: OK" in out
    _, out_id = run("--lang", "id", "validate", bad)
    assert "peran 'lurah'" in out_id


def test_validate_warnings_do_not_fail(tmp_path: Path) -> None:
    warned = write(
        tmp_path,
        "w.json",
        patch(minimal(), [("set", "/tables/unused", minimal()["tables"]["indeks_lokasi"])]),
    )
    code, out = run("validate", warned)
    assert code == 0
    assert "/tables/unused: warning:" in out and "[unused_table]" in out


def test_validate_invalid_json(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{"code": }', encoding="utf-8")
    code, out = run("validate", str(path))
    assert code == 1 and "invalid JSON at line 1 column 10" in out


def test_diff(tmp_path: Path) -> None:
    a = write(tmp_path, "a.json", minimal())
    b = write(
        tmp_path, "b.json", patch(minimal(), [("set", "/form/pages/0/fields/0/max_length", 50)])
    )
    code, out = run("diff", a, b)
    assert code == 0 and "field 'nama_usaha' changed (max_length)" in out
    code, out = run("diff", "--json", a, b)
    assert json.loads(out)[0]["changed_keys"] == ["max_length"]


@pytest.fixture
def repo() -> Iterator[InMemoryVersionRepository]:
    memory = InMemoryVersionRepository()

    @contextmanager
    def storage() -> Iterator[VersionRepository]:
        yield memory

    cli.register_storage(storage)
    yield memory
    cli.register_storage(None)


def test_import_then_export_is_byte_identical(
    tmp_path: Path, repo: InMemoryVersionRepository
) -> None:
    path = tmp_path / "in.json"
    path.write_text(json.dumps(minimal()), encoding="utf-8")  # not canonical on purpose
    code, out = run("import", str(path))
    assert (code, out.split()[:3]) == (0, ["izin-contoh", "v1", "published"])
    assert run("import", str(path))[1].startswith("izin-contoh v1 unchanged")
    code, exported = run("export", "izin-contoh")
    assert code == 0 and exported.encode() == canonical_bytes(minimal())
    again = tmp_path / "again.json"
    assert run("export", "izin-contoh", "--version", "1", "-o", str(again))[0] == 0
    assert again.read_bytes() == exported.encode()


def test_import_refuses_errors(tmp_path: Path, repo: InMemoryVersionRepository) -> None:
    bad = write(tmp_path, "bad.json", patch(minimal(), [("del", "/workflow/steps/0/actions/0/to")]))
    code, out = run("import", bad)
    assert code == 1 and "action_target_missing" in out
    assert repo.list("izin-contoh") == []


def test_export_unknown_code(repo: InMemoryVersionRepository) -> None:
    assert run("export", "tidak-ada")[0] == 1

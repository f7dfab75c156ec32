"""The `rakit` command: validate and diff definition files; import and export via storage.

`rakit validate FILE...` exits 0 when no file has an error (warnings are printed), else 1.
`rakit diff A B` prints the structured diff. `rakit import FILE` publishes a file and
`rakit export CODE` prints a published version in canonical form; both need storage: a factory
registered with `register_storage`, or else `runtime.cli_storage.storage` (imported lazily so the
builder stays free of runtime imports). A factory returns a context manager yielding a
`VersionRepository` (committing on a clean exit).
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from pathlib import Path
from typing import TextIO

from builder.check import check_definition
from builder.diff import diff_definitions, summary
from builder.load import load_file
from builder.problems import Problem, has_errors
from builder.versions import DefinitionInvalid, VersionRepository, publish

StorageFactory = Callable[[], AbstractContextManager[VersionRepository]]

_storage_factory: list[StorageFactory] = []


def register_storage(factory: StorageFactory | None) -> None:
    """Plug in the storage `import`/`export` use (None removes a registered one)."""
    _storage_factory.clear()
    if factory is not None:
        _storage_factory.append(factory)


def _storage() -> StorageFactory:
    if not _storage_factory:
        module = importlib.import_module("runtime.cli_storage")
        register_storage(module.storage)
    return _storage_factory[0]


def _format(name: str, problem: Problem, lang: str) -> str:
    level = "" if problem.is_error else "warning: "
    return f"{name}: {problem.pointer or '/'}: {level}{problem.message(lang)} [{problem.code}]"


def cmd_validate(args: argparse.Namespace, out: TextIO) -> int:
    failed = False
    for name in args.files:
        loaded = load_file(name)
        problems = loaded.problems
        if loaded.definition is not None:
            problems = check_definition(loaded.definition)[1]
        for problem in problems:
            print(_format(name, problem, args.lang), file=out)
        if has_errors(problems):
            failed = True
        else:
            print(f"{name}: OK", file=out)
    return 1 if failed else 0


def cmd_diff(args: argparse.Namespace, out: TextIO) -> int:
    loaded = [load_file(args.a), load_file(args.b)]
    bad = [(n, p) for n, r in zip((args.a, args.b), loaded, strict=True) for p in r.problems]
    for name, problem in bad:
        print(_format(name, problem, args.lang), file=out)
    before, after = loaded[0].definition, loaded[1].definition
    if before is None or after is None:
        return 1
    changes = diff_definitions(before, after)
    if args.json:
        print(json.dumps([c.to_dict() for c in changes], ensure_ascii=False, indent=2), file=out)
    else:
        print(summary(changes, args.lang), file=out)
    return 0


def cmd_import(args: argparse.Namespace, out: TextIO) -> int:
    loaded = load_file(args.file)
    if loaded.definition is None:
        for problem in loaded.problems:
            print(_format(args.file, problem, args.lang), file=out)
        return 1
    code = str(loaded.definition.get("code", ""))
    try:
        with _storage()() as repo:
            count = len(repo.list(code))
            version = publish(repo, code, loaded.definition, note=args.note)
            created = len(repo.list(code)) > count
    except DefinitionInvalid as exc:
        for problem in exc.problems:
            print(_format(args.file, problem, args.lang), file=out)
        return 1
    state = "published" if created else "unchanged (identical content)"
    print(f"{code} v{version.number} {state} ({version.content_hash[:12]})", file=out)
    return 0


def cmd_export(args: argparse.Namespace, out: TextIO) -> int:
    with _storage()() as repo:
        version = repo.get(args.code, args.version) if args.version else repo.latest(args.code)
    if version is None:
        which = f" v{args.version}" if args.version else ""
        print(f"{args.code}{which}: no published version", file=sys.stderr)
        return 1
    if args.output:
        Path(args.output).write_bytes(version.canonical)
    else:
        out.write(version.canonical.decode("utf-8"))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="rakit", description="Rakit permit-type definitions")
    parser.add_argument("--lang", choices=("id", "en"), default="en", help="message language")
    sub = parser.add_subparsers(dest="command", required=True)
    validate = sub.add_parser("validate", help="check definition files (schema and lint)")
    validate.add_argument("files", nargs="+", metavar="FILE")
    validate.set_defaults(handler=cmd_validate)
    diff = sub.add_parser("diff", help="show what changed between two definition files")
    diff.add_argument("a", metavar="A")
    diff.add_argument("b", metavar="B")
    diff.add_argument("--json", action="store_true", help="print the changes as JSON")
    diff.set_defaults(handler=cmd_diff)
    imp = sub.add_parser("import", help="publish a definition file as a new version")
    imp.add_argument("file", metavar="FILE")
    imp.add_argument("--note", default="imported with rakit import")
    imp.set_defaults(handler=cmd_import)
    exp = sub.add_parser("export", help="print a published version in canonical JSON")
    exp.add_argument("code", metavar="CODE")
    exp.add_argument("--version", type=int, help="version number (default: the latest)")
    exp.add_argument("-o", "--output", help="write to this file instead of stdout")
    exp.set_defaults(handler=cmd_export)
    return parser


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    """Run the command line; returns the exit code (the console script exits with it)."""
    args = build_parser().parse_args(argv)
    code: int = args.handler(args, out or sys.stdout)
    return code


if __name__ == "__main__":
    sys.exit(main())

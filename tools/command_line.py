"""The generators' one command line: optional positional paths, each with its default, and -h.

Without it a tool read `sys.argv` by position, so `make_librenms.py DIR --help` wrote its table
to a file named "--help". argparse prints the usage instead, and refuses an unknown option.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path


def paths(doc: str | None, argv: Sequence[str], *params: tuple[str, Path | None, str]) -> list[Path | None]:
    """The paths named on the command line, in order; each (METAVAR, default, help) is optional."""
    text = doc or ""
    parser = argparse.ArgumentParser(
        description=text.split("\n\n")[0],
        epilog="\n\n".join(text.split("\n\n")[1:]),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    for metavar, default, what in params:
        shown = f" (default: {default})" if default is not None else ""
        parser.add_argument(metavar.lower(), metavar=metavar, nargs="?", type=Path, default=default,
                            help=what + shown)
    namespace = parser.parse_args(list(argv))
    return [getattr(namespace, metavar.lower()) for metavar, _, _ in params]


def source_and_output(doc: str | None, argv: Sequence[str], source: tuple[str, Path, str],
                      output: Path) -> tuple[Path, Path]:
    """A generator's input (METAVAR, default, help) and the table it writes (default `output`)."""
    read, written = paths(doc, argv, source, ("OUTPUT", output, "the table to write"))
    return read or source[1], written or output

"""Write the operations table of the READMEs from the operation table.

    python readme_operations.py README.md [README.zh-CN.md ...] [--check]

Between the lines ``<!-- operations:start -->`` and ``<!-- operations:end -->`` of each
README it writes one row per operation: its method name, what it returns, its id
parameter and summary, from ``justoneapi_xingtu._spec_data.OPERATIONS`` (which ``make
generate`` writes from the spec just before). ``--check`` writes nothing and exits 1
when a README differs.
"""

from __future__ import annotations

import sys
from pathlib import Path

START, END = "<!-- operations:start -->", "<!-- operations:end -->"


def table() -> str:
    """The operations as a Markdown table (the package's own table, imported)."""
    from justoneapi_xingtu._spec_data import OPERATIONS

    lines = ["| method | id | returns | summary |", "|---|---|---|---|"]
    for op in OPERATIONS.values():
        key = op.id_param
        returns = "`AuthorRecVideos`" if op.data_schema else "`Answer`"
        note = " (deprecated)" if op.deprecated else ""
        summary = op.summary.replace("|", "/")
        lines.append(
            f"| `{op.name}` | {f'`{key.name}`' if key else '—'} | {returns} | {summary}{note} |"
        )
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    check = "--check" in argv
    paths = [a for a in argv[1:] if a != "--check"]
    if not paths:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    body = table()
    stale = []
    for readme in map(Path, paths):
        text = readme.read_text(encoding="utf-8")
        if START not in text or END not in text:
            print(f"readme_operations: {readme} has no {START} ... {END} block", file=sys.stderr)
            return 2
        head, rest = text.split(START, 1)
        tail = rest.split(END, 1)[1]
        new = f"{head}{START}\n{body}\n{END}{tail}"
        if new != text:
            stale.append(str(readme))
            if not check:
                readme.write_text(new, encoding="utf-8")
    if check and stale:
        print(f"readme_operations: {', '.join(stale)}: run make generate", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

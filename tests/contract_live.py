"""``make contract-live``: the contract suite against the real API. Every call costs money.

Sends at most ``CONTRACT_LIVE_EXAMPLES`` (default 5) schemathesis-generated requests to
the deployment ``JUSTONEAPI_ENV`` / ``JUSTONEAPI_BASE_URL`` names (prod-global by
default) with ``JUSTONEAPI_TOKEN``, and holds every answer to the same checks as the
offline suite (``_contract.CONTRACT_CHECKS``). ``CONTRACT_LIVE_AUTHORS`` (comma or space
separated) fixes the author ids; without it they are generated. ``CONTRACT_LIVE_MODES``
is ``positive,negative`` by default (negative requests test the written contract that a
bad request gets code 400/100); ``positive`` alone spends every call on real data.
Generation is derandomized: every run sends the same requests, so runs compare.

Exit status: 0 the API agrees with ``openapi/xingtu.json``; 1 it disagrees; 2 the run
could not be made (bad settings, API unreachable). No token: one line, exit 0.
The report (field path, expected type, value seen) is printed and written, with a
``.json`` twin, outside the repository: to ``CONTRACT_LIVE_REPORT`` when set (a file
path), else ``contract-live-report.md`` in ``CONTRACT_LIVE_REPORT_DIR``, else in
``justoneapi-xingtu-contract-live/`` under the system's temp folder (``$TMPDIR``). The
path is printed. A report inside the checkout would dirty ``git status`` and be picked up
by the next ``make test``.
"""

from __future__ import annotations

import json
import os
import re
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

DEFAULT_EXAMPLES = 5
REPORT_NAME = "contract-live-report.md"
DEFAULT_REPORT_DIR = "justoneapi-xingtu-contract-live"


def report_path() -> Path:
    """Where the report goes: see the module's docstring."""
    explicit = os.environ.get("CONTRACT_LIVE_REPORT")
    if explicit:
        return Path(explicit)
    folder = os.environ.get("CONTRACT_LIVE_REPORT_DIR")
    base = Path(folder) if folder else Path(tempfile.gettempdir()) / DEFAULT_REPORT_DIR
    return base / REPORT_NAME


def _settings() -> tuple[int, list[str], list[str], Path]:
    raw = os.environ.get("CONTRACT_LIVE_EXAMPLES") or str(DEFAULT_EXAMPLES)
    if not raw.isdigit() or int(raw) < 1:
        raise ValueError(f"CONTRACT_LIVE_EXAMPLES: expected a whole number >= 1, got {raw!r}")
    authors = [a for a in re.split(r"[,\s]+", os.environ.get("CONTRACT_LIVE_AUTHORS", "")) if a]
    modes = [m for m in re.split(r"[,\s]+", os.environ.get("CONTRACT_LIVE_MODES", "")) if m]
    modes = modes or ["positive", "negative"]
    if not set(modes) <= {"positive", "negative"}:
        raise ValueError(f"CONTRACT_LIVE_MODES: expected positive and/or negative, got {modes}")
    return int(raw), authors, modes, report_path()


def _mask(text: str, token: str) -> str:
    text = text.replace(token, "***") if len(token) >= 4 else text
    return re.sub(r"(?i)(token=)[^&\s\"'<>#]*", r"\g<1>***", text)


def render(report: object, *, base_url: str, when: str) -> str:
    """The report as Markdown: verdict, then field disagreements, then every failed check."""
    from _contract import SuiteReport

    assert isinstance(report, SuiteReport)
    codes = ", ".join(f"{code} x{n}" for code, n in sorted(report.codes.items())) or "none"
    if report.unreachable is not None:
        verdict = "NOT RUN: the API could not be reached"
    elif report.agrees:
        verdict = "AGREE: every answer matches openapi/xingtu.json"
    else:
        checks = len(report.check_summary())
        verdict = f"DISAGREE: {checks} check(s) failed on {report.failed_answers} answer(s)"
    lines = [
        "# contract-live report",
        "",
        f"- when: {when}",
        f"- API: {base_url}",
        f"- calls: {report.calls} (codes: {codes})",
        f"- result: {verdict}",
    ]
    if report.unreachable is not None:
        lines += ["", f"Unreachable: {report.unreachable}"]
    fields = report.field_summary()
    if fields:
        lines += ["", "| field | expected | seen (first) | answers |", "|---|---|---|---|"]
        lines += [
            f"| {f['path']} | {f['expected']} | {f['seen']} | {f['answers']} |" for f in fields
        ]
    checks = report.check_summary()
    if checks:
        lines += ["", "## Failed checks", ""]
        for check in checks:
            detail = check["message"].splitlines()[0][:160] if check["message"] else ""
            lines.append(
                f"- {check['check']}: {check['answers']} answer(s), e.g. `{check['example']}`"
                + (f": {detail}" if detail else "")
            )
    return "\n".join(lines) + "\n"


def main() -> int:
    token = os.environ.get("JUSTONEAPI_TOKEN", "")
    if not token:
        print("contract-live: skipped, JUSTONEAPI_TOKEN is not set (no call made)")
        return 0
    from justoneapi_xingtu._config import resolve_endpoint

    try:
        examples, authors, modes, report_path = _settings()
        env, base_url = resolve_endpoint()
    except ValueError as exc:
        print(f"contract-live: {exc}")
        return 2

    import schemathesis
    from _contract import SPEC_PATH, run_suite

    where = f"{base_url} ({env.value})" if env is not None else base_url
    print(
        f"contract-live: up to {examples} call(s) to {where}, modes {'+'.join(modes)}, "
        f"authors: {', '.join(authors) if authors else 'generated'}"
    )
    report = run_suite(
        schemathesis.openapi.from_path(SPEC_PATH),
        token=token,
        max_examples=examples,
        modes=[schemathesis.GenerationMode(m) for m in modes],
        authors=authors,
        base_url=base_url,
        timeout=60,
    )
    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
    text = _mask(render(report, base_url=where, when=when), token)
    document = {
        "when": when,
        "api": where,
        "calls": report.calls,
        "codes": {str(k): v for k, v in sorted(report.codes.items())},
        "agrees": report.agrees,
        "unreachable": report.unreachable,
        "fields": report.field_summary(),
        "checks": report.check_summary(),
        "problems": [p.as_dict() for p in report.problems],
    }
    report_path.parent.mkdir(parents=True, exist_ok=True)
    report_path.write_text(text, encoding="utf-8")
    json_text = _mask(json.dumps(document, ensure_ascii=False, indent=2), token)
    report_path.with_suffix(".json").write_text(json_text + "\n", encoding="utf-8")
    print(text, end="")
    print(f"contract-live: report written to {report_path} and {report_path.with_suffix('.json')}")
    if report.unreachable is not None:
        return 2
    return 0 if report.agrees else 1


if __name__ == "__main__":
    sys.exit(main())

"""`make bench`: every benchmark, as ratios against a baseline measured in the same run.

Writes bench/RESULTS.md (and bench/throughput.png when matplotlib is installed) and
prints the table. Not part of `make test`: figures depend on the machine.

    python run.py                         # everything (make bench)
    python run.py noise                   # only section 5, the rest of RESULTS.md kept
    python run.py noise --before FILE     # with the 302s of an earlier controller: FILE
                                          # is bench/out/bench_batch.json written by
                                          # `bench_batch.py limits` with it installed
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import sys
from pathlib import Path
from typing import Any

import bench_batch
import bench_cli
import bench_client
import bench_import
import bench_memory
import bench_throughput
import bench_views
import bench_wire

HERE = Path(__file__).resolve().parent


def verdict(ok: bool) -> str:
    return "holds" if ok else "MISSED"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("part", nargs="?", choices=["all", "noise"], default="all")
    parser.add_argument("--before", type=Path, help="bench_batch.py limits figures to compare")
    args = parser.parse_args()
    before = json.loads(args.before.read_text())["limits"] if args.before else None
    if args.part == "noise":
        return noise_only(before)
    print("client overhead (in-memory transport) ...")
    overhead = bench_client.main()
    print("typed views against the vendor's dicts (800 videos) ...")
    views = bench_views.main()
    print("on the wire against raw aiohttp (mock server on loopback, 50 ms latency) ...")
    wire = bench_wire.main()
    print("xingtu batch end to end, with and without aiohttp ...")
    cli = bench_cli.main()
    print("import time and time to first result ...")
    imports = bench_import.main()
    print("throughput (mock server on loopback, 50 ms latency) ...")
    throughput = bench_throughput.main()
    print("memory (batch into SQLite) ...")
    memory = bench_memory.main()
    print("the batch under noise and limits (mock server in its own process) ...")
    noise = bench_batch.noise()

    lines = [
        "# Benchmark results",
        "",
        f"- date: {datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC",
        f"- machine: {platform.machine()}, {os.cpu_count()} cores, {platform.platform()}",
        f"- Python: {sys.version.split()[0]}",
        "- regenerate with `make bench`; every ratio's baseline was measured in the same run",
        f"- load: {os.getloadavg()[0]:.1f} (1-minute load average at the end of the run; "
        "section 1c states the spare CPU while it measured)",
        "",
        "## 1. Client overhead per call (in-memory httpx transport)",
        "",
        "| answer | client | µs per call | vs httpx + json.loads | vs vendor SDK | target |",
        "|---|---|---|---|---|---|",
    ]
    for size, figures in overhead.items():
        plain = figures["httpx + json.loads"]
        vendor = figures.get("vendor justoneapi (sync)")
        aplain = figures["httpx async + json.loads"]
        target = 0.8 if size.startswith("small") else 0.6
        for name, seconds in figures.items():
            base = aplain if "async" in name else plain
            vs_vendor = f"{seconds / vendor:.2f}x" if vendor else "n/a"
            goal = ""
            if "generic operation" in name:  # issue 18: <= the typed call of the same kind
                typed = figures[
                    "justoneapi-xingtu (async)" if "async" in name else "justoneapi-xingtu (sync)"
                ]
                goal = f"<= the typed call ({seconds / typed:.2f}x): {verdict(seconds <= typed)}"
            elif name.startswith("justoneapi-xingtu") and vendor:
                goal = f"<= {target}x vendor: {verdict(seconds / vendor <= target)}"
            lines.append(
                f"| {size} | {name} | {seconds * 1e6:.1f} | {seconds / base:.2f}x | "
                f"{vs_vendor} | {goal} |"
            )
    ratio = imports["justoneapi_xingtu"] / imports["httpx"]
    first_plain = imports["first result: httpx + orjson"]
    first_ours = imports["first result: justoneapi_xingtu"]
    lines += [
        "",
        "The vendor SDK has no async client; async rows compare with httpx.AsyncClient.",
        "",
    ]
    lines += views_section(views)
    lines += wire_section(wire)
    lines += cli_section(cli)
    lines += [
        "",
        "## 2. Throughput on loopback, mock server adding 50 ms per call",
        "",
        "| mode | calls/s | Little's-law bound | % of bound |",
        "|---|---|---|---|",
    ]
    for name, (rate, bound) in throughput.items():
        lines.append(f"| {name} | {rate:.1f} | {bound:.0f} | {rate / bound:.1%} |")
    at32 = throughput["many, concurrency 32"]
    fast32 = throughput['many, backend="aiohttp", concurrency 32']
    sequential = throughput["sequential loop"][0]
    speedup = throughput["many, concurrency 128"][0] / sequential
    fast_speedup = throughput['many, backend="aiohttp", concurrency 128'][0] / sequential
    lines += [
        "",
        f"Target >= 85% of the bound at concurrency 32: httpx backend "
        f"{verdict(at32[0] / at32[1] >= 0.85)} ({at32[0] / at32[1]:.1%}), aiohttp backend "
        f"{verdict(fast32[0] / fast32[1] >= 0.85)} ({fast32[0] / fast32[1]:.1%}); speed-up "
        f"over the sequential loop at 128: {speedup:.1f}x (httpx), {fast_speedup:.1f}x (aiohttp).",
        "",
        "![throughput against concurrency](throughput.png)",
        "",
        "## 3. Import time and time to first result (fresh interpreters, medians of 15 "
        "interleaved runs)",
        "",
        "| what | ms |",
        "|---|---|",
        f"| import httpx | {imports['httpx'] * 1000:.1f} |",
        f"| import justoneapi_xingtu | {imports['justoneapi_xingtu'] * 1000:.1f} |",
        f"| first result: httpx + orjson | {first_plain * 1000:.1f} |",
        f"| first result: justoneapi_xingtu | {first_ours * 1000:.1f} |",
        "",
        f"Import ratio {ratio:.2f}x; target <= 1.5x: {verdict(ratio <= 1.5)}.",
        f"Time to first result (import + construct + one call to the mock on loopback, "
        f"answer decoded) {first_ours / first_plain:.2f}x plain httpx + orjson; "
        f"target <= 1.2x: {verdict(first_ours / first_plain <= 1.2)}.",
        "",
        "## 4. Memory: a batch into SQLite (mock server, no latency)",
        "",
        "| authors | peak RSS (MiB) | videos stored |",
        "|---|---|---|",
    ]
    for authors, (rss, videos) in memory.items():
        lines.append(f"| {authors:,} | {rss / 2**20:.1f} | {videos:,} |")
    small, large = memory[min(memory)][0], memory[max(memory)][0]
    lines += [
        "",
        f"Larger within 10% of smaller: {verdict(large <= small * 1.10)} "
        f"({large / small - 1:+.1%}).",
        "",
        *batch_section(noise, before),
    ]
    lines.append("")
    plot(throughput)
    (HERE / "RESULTS.md").write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))
    return 0


def views_section(f: dict[str, float]) -> list[str]:
    """Section 1b: typed views against the vendor's dicts."""

    def row(name: str, base: str, target: float | None) -> str:
        ratio = f[name] / f[base]
        goal = f"<= {target}x: {verdict(ratio <= target)}" if target else "(information)"
        return f"| {name} | {f[name] * 1e3:.2f} | {f[base] * 1e3:.2f} | {ratio:.2f}x | {goal} |"

    vendor_call = "call + every field: vendor dicts [name]"
    vendor_hand = "every field, answer in hand: vendor dicts [name]"
    return [
        "## 1b. Typed views: 800 videos, every field, against the vendor's dicts",
        "",
        "| ours | ms | vendor ms | ratio | target |",
        "|---|---|---|---|---|",
        row("call + every field: Video", vendor_call, 1.0),
        row("call + to_dict: Video.to_dict()", "call + to_dict: vendor dict(record)", 1.5),
        row("every field, answer in hand: Video (first read)", vendor_hand, None),
        row("every field, read again: Video", vendor_hand, None),
        row(
            "to_dict, answer in hand: Video.to_dict()",
            "to_dict, answer in hand: vendor dict(record)",
            None,
        ),
        "",
        "A call returns 800 videos through an in-memory transport; each field is read by "
        "name (`video.play` against `record['play']`). The targets count what a caller "
        "pays to hold every value (the call included); the rows marked information compare "
        "the reads alone with plain dict reads and dict copies.",
        "",
    ]


def wire_section(w: dict[object, tuple[float, float]]) -> list[str]:
    """Section 1c: the async client on the wire against raw aiohttp."""
    lines = [
        "## 1c. On the wire: the async client against raw aiohttp "
        "(loopback TCP, mock server adding 50 ms, its own process)",
        "",
        f"Spare CPU while measuring: {w['spare_cpu']:.0%} of a core (1 = idle).",
        "",
        "| client | in flight | calls/s | vs raw aiohttp | CPU µs per call | vs raw aiohttp |",
        "|---|---|---|---|---|---|",
    ]
    levels = sorted({key[1] for key in w if isinstance(key, tuple)})
    for level in levels:
        raw_rate, raw_cpu = w[("raw aiohttp", level)]
        for name in bench_wire.CLIENTS:
            rate, cpu = w[(name, level)]
            lines.append(
                f"| {name} | {level} | {rate:.0f} | {rate / raw_rate:.2f}x | {cpu * 1e6:.0f} "
                f"| {cpu / raw_cpu:.2f}x |"
            )
    fastest = 'AsyncXingtuClient(backend="aiohttp")'
    many = 'author_rec_videos_many (backend="aiohttp")'
    cpu32 = w[(fastest, 32)][1] / w[("raw aiohttp", 32)][1]
    lines += [
        "",
        f'- CPU per call at 32, `backend="aiohttp"`: {cpu32:.2f}x raw aiohttp; '
        f"target <= 1.5x: {verdict(cpu32 <= 1.5)}",
    ]
    for level in levels:
        httpx_cpu = w[("AsyncXingtuClient (httpx)", level)][1] / w[("raw aiohttp", level)][1]
        lines.append(
            f"- CPU per call at {level}, the httpx backend (single calls' default): "
            f"{httpx_cpu:.2f}x raw aiohttp; target <= 3x: {verdict(httpx_cpu <= 3.0)}"
        )
    for level in levels:
        ratio = w[(many, level)][0] / w[("raw aiohttp", level)][0]
        lines.append(
            f'- `author_rec_videos_many` at {level}, `backend="aiohttp"`: {ratio:.2f}x raw '
            f"aiohttp's calls/s; target >= 0.9x: {verdict(ratio >= 0.9)}"
        )
    lines.append("")
    return lines


def cli_section(c: dict[Any, Any]) -> list[str]:
    """Section 1d: `xingtu batch` end to end, with and without aiohttp."""
    lines = [
        f"## 1d. `xingtu batch` end to end: {bench_cli.AUTHORS:,} authors into a new store, "
        "mock server adding 50 ms (its own process)",
        "",
        "Each run a fresh `xingtu batch --fixed-concurrency` process (start-up included); "
        "aiohttp is the default where it is installed (the `[cli]` extra), httpx is "
        "`--backend httpx`, what runs without aiohttp. Medians of 3 interleaved rounds; "
        f"load {c['load']} at the end.",
        "",
        "| backend | --max-concurrency | authors/s | vs httpx | CPU µs per author | vs httpx |",
        "|---|---|---|---|---|---|",
    ]
    for level in (32, 128):
        base_rate, base_cpu = c[("httpx", level)]
        for name in ("aiohttp", "httpx"):
            rate, cpu = c[(name, level)]
            lines.append(
                f"| {name} | {level} | {rate:.0f} | {rate / base_rate:.2f}x | {cpu * 1e6:.0f} "
                f"| {cpu / base_cpu:.2f}x |"
            )
    lines.append("")
    return lines


def noise_only(before: dict[str, Any] | None) -> int:
    """Measure section 5 again and replace it in bench/RESULTS.md, keeping the rest."""
    print("the batch under noise and limits (mock server in its own process) ...")
    section = batch_section(bench_batch.noise(), before)
    results = HERE / "RESULTS.md"
    kept = results.read_text(encoding="utf-8").split("\n## 5. ")[0].rstrip("\n")
    when = f"{datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC"
    section.insert(2, f"Measured again on {when} by `python bench/run.py noise`.\n")
    results.write_text("\n".join([kept, "", *section, ""]), encoding="utf-8")
    print("\n".join(section))
    return 0


def batch_section(noise: dict[str, Any], before: dict[str, Any] | None = None) -> list[str]:
    """Section 5: every row of issues 11 and 19, as ratios to baselines of this run."""
    stray = noise["stray"]
    unknown, moving, known = noise["unknown_limit"], noise["moving_limit"], noise["known_rate"]
    a, f = stray["adaptive"], stray["fixed"]
    lines = [
        "## 5. The batch under noise and limits (mock server in its own process, max 32)",
        "",
        "| scenario | measured | ratio to its baseline | target |",
        "|---|---|---|---|",
        f"| 2,000 authors, 50 ms, 2% of calls answered 302 at random, no real limit: "
        f"adaptive | {a['noisy_per_s']} calls/s vs {a['clean_per_s']} without faults "
        f"({a['share_302']:.1%} answered 302, {a['decreases']} slow-downs) | "
        f"{a['ratio']:.0%} | >= 80%: {verdict(a['ratio'] >= 0.8)} |",
        f"| the same, `adaptive=False` | {f['noisy_per_s']} calls/s vs {f['clean_per_s']} | "
        f"{f['ratio']:.0%} | >= 90%: {verdict(f['ratio'] >= 0.9)} |",
    ]
    for key, where in (("one_off_429", "in a row (calls 61-65)"), ("spread_429", "spread "
                       "through the run (calls 11, 41, 71, 101, 131)")):  # fmt: skip
        for mode, row in noise[key].items():
            target = "(no target)"
            if mode in ("adaptive", "fixed"):
                target = f"<= 1.5x: {verdict(row['ratio'] <= 1.5)}"
            lines.append(
                f"| 200 authors, 300 ms, five one-off HTTP 429s with `Retry-After: 1` {where} "
                f"({mode}) | {row['faulted_s']} s vs {row['clean_s']} s without faults; "
                f"{row['calls']} calls, {row['decreases']} slow-downs | {row['ratio']:.2f}x "
                f"| {target} |"
            )
    for limit, row in unknown.items():
        ok = row["min_ratio"] >= 0.9 and row["max_share_302"] <= 0.05
        per_s = ", ".join(f"{x:g}" for x in row["per_s"])
        counts = ", ".join(str(x) for x in row["answered_302"])
        lines.append(
            f"| an unknown limit R = {limit} calls/s, 25 s of work, 5 runs | {per_s} calls/s; "
            f"{counts} answered 302 (at most {row['max_share_302']:.1%}) | at least "
            f"{row['min_ratio']:.0%} of R | >= 90% of R, <= 5% 302 in every run: {verdict(ok)} |"
        )
    for limit, row in unknown.items():
        if before is None or limit not in before:
            continue
        then = before[limit]
        ok = row["mean_302"] <= then["mean_302"]
        lines.append(
            f"| that limit sends `Retry-After`: 302s per run, R = {limit} | {row['mean_302']} "
            f"(runs {', '.join(str(x) for x in row['answered_302'])}) vs {then['mean_302']} "
            f"with the controller that paused every start for each `Retry-After` (runs "
            f"{', '.join(str(x) for x in then['answered_302'])}, measured beside this run) | "
            f"{row['mean_302'] / max(then['mean_302'], 1e-9):.2f}x | no more: {verdict(ok)} |"
        )
    phases = moving["phases"]
    settled = ", ".join(f"{p['settled_per_s']}/s at R = {p['R']}" for p in phases)
    ratios = ", ".join(f"{p['ratio']:.0%}" for p in phases)
    ok = all(0.8 <= p["ratio"] <= 1.05 for p in phases) and moving["share_302"] <= 0.05
    lines += [
        f"| a limit that moves 100 -> 20 -> 100 calls/s, 20 s each: successes/s from 10 s "
        f"to 20 s after each change | {settled}; {moving['answered_302']} answered 302 "
        f"({moving['share_302']:.1%}) | {ratios} of R | 80-105% of R, <= 5% 302: "
        f"{verdict(ok)} |",
        f"| `rate_per_s=50` against a server that allows 100 calls/s | {known['per_s']} "
        f"calls/s | {known['ratio']:.0%} of 50 | 45-50 calls/s: "
        f"{verdict(0.9 <= known['ratio'] <= 1.0)} |",
        "",
        f"Machine load average (1 min) {noise['load_before']} before this section, "
        f"{noise['load_after']} after.",
        "",
        "What the engine does in each case: a stray 302 is retried and slows nothing (the",
        "pace drops only when rate limits pass 5% of the answers in a 2 s window by more",
        "than chance explains, or, once a limit was found, when it refuses again with",
        "`Retry-After`); a refused call waits its own `Retry-After` in its slot (and,",
        "while no limit is known, the window gives up 15 %), and every start waits for it",
        "only when the refusals show a limit; against a limit the pace settles at the rate",
        "the server accepted and climbs back CUBIC-style within seconds when it moves;",
        "`rate_per_s` paces the starts from the first call.",
    ]
    return lines


def plot(throughput: dict[str, tuple[float, float]]) -> None:
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        print("matplotlib not installed: no plot")
        return

    def curve(prefix: str) -> list[tuple[int, tuple[float, float]]]:
        return sorted(
            (int(k.rsplit(" ", 1)[-1]), v)
            for k, v in throughput.items()
            if k.startswith(prefix + ", concurrency")
        )

    points = curve("many")
    fast = curve('many, backend="aiohttp"')
    xs = [c for c, _ in points]
    fig, ax = plt.subplots(figsize=(6, 4))
    ax.plot(xs, [v[0] for _, v in points], "o-", label="author_rec_videos_many (httpx)")
    ax.plot(xs, [v[0] for _, v in fast], "s-", label='backend="aiohttp"')
    ax.plot(xs, [v[1] for _, v in points], "--", label="Little's-law bound")
    ax.axhline(
        throughput["sequential loop"][0], color="grey", linestyle=":", label="sequential loop"
    )
    ax.set_xscale("log", base=2)
    ax.set_xlabel("concurrency")
    ax.set_ylabel("calls per second")
    ax.set_title("Throughput, mock server with 50 ms latency")
    ax.legend()
    fig.tight_layout()
    fig.savefig(HERE / "throughput.png", dpi=100)


if __name__ == "__main__":
    sys.exit(main())

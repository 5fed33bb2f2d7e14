"""`make bench`: every benchmark, as ratios against a baseline measured in the same run.

Writes bench/RESULTS.md (and bench/throughput.png when matplotlib is installed) and
prints the table. Not part of `make test`: figures depend on the machine.
"""

from __future__ import annotations

import datetime
import os
import platform
import sys
from pathlib import Path

import bench_batch
import bench_client
import bench_import
import bench_memory
import bench_throughput

HERE = Path(__file__).resolve().parent


def verdict(ok: bool) -> str:
    return "holds" if ok else "MISSED"


def main() -> int:
    print("client overhead (in-memory transport) ...")
    overhead = bench_client.main()
    print("import time ...")
    imports = bench_import.main()
    print("throughput (mock server on loopback, 50 ms latency) ...")
    throughput = bench_throughput.main()
    print("memory (batch into SQLite) ...")
    memory = bench_memory.main()
    print("adaptive batch under a rate limit unknown to the client ...")
    limits = [bench_batch.ratelimit(rate, 25.0, 0.05, 32) for rate in (20.0, 50.0)]

    lines = [
        "# Benchmark results",
        "",
        f"- date: {datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC",
        f"- machine: {platform.machine()}, {os.cpu_count()} cores, {platform.platform()}",
        f"- Python: {sys.version.split()[0]}",
        "- regenerate with `make bench`; every ratio's baseline was measured in the same run",
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
        target = 1.2 if size.startswith("small") else 1.0
        for name, seconds in figures.items():
            base = aplain if "async" in name else plain
            vs_vendor = f"{seconds / vendor:.2f}x" if vendor else "n/a"
            goal = ""
            if name.startswith("justoneapi-xingtu") and vendor:
                goal = f"<= {target}x vendor: {verdict(seconds / vendor <= target)}"
            lines.append(
                f"| {size} | {name} | {seconds * 1e6:.1f} | {seconds / base:.2f}x | "
                f"{vs_vendor} | {goal} |"
            )
    ratio = imports["justoneapi_xingtu"] / imports["httpx"]
    lines += [
        "",
        "The vendor SDK has no async client; async rows compare with httpx.AsyncClient.",
        "",
        "## 2. Throughput on loopback, mock server adding 50 ms per call",
        "",
        "| mode | calls/s | Little's-law bound | % of bound |",
        "|---|---|---|---|",
    ]
    for name, (rate, bound) in throughput.items():
        lines.append(f"| {name} | {rate:.1f} | {bound:.0f} | {rate / bound:.1%} |")
    at32 = throughput["many, concurrency 32"]
    lines += [
        "",
        f"Target >= 85% of the bound at concurrency 32: {verdict(at32[0] / at32[1] >= 0.85)}"
        f" ({at32[0] / at32[1]:.1%}); speed-up over the sequential loop at 128: "
        f"{throughput['many, concurrency 128'][0] / throughput['sequential loop'][0]:.1f}x.",
        "",
        "![throughput against concurrency](throughput.png)",
        "",
        "## 3. Import time (fresh interpreters, median of 25 interleaved runs)",
        "",
        "| module | ms |",
        "|---|---|",
        f"| httpx | {imports['httpx'] * 1000:.1f} |",
        f"| justoneapi_xingtu | {imports['justoneapi_xingtu'] * 1000:.1f} |",
        "",
        f"Ratio {ratio:.2f}x; target <= 1.5x: {verdict(ratio <= 1.5)}.",
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
        "## 5. Adaptive batch under a server rate limit R it is not told (25 s each)",
        "",
        "| R (calls/s) | successes/s | % of R | calls answered 302 | target |",
        "|---|---|---|---|---|",
    ]
    for f in limits:
        ok = f["pct_of_R"] >= 85 and f["pct_302"] <= 5
        lines.append(
            f"| {f['R']:g} | {f['success_per_s']} | {f['pct_of_R']}% | "
            f"{f['answered_302']}/{f['calls']} = {f['pct_302']}% | "
            f">= 85% of R, <= 5% 302: {verdict(ok)} |"
        )
    lines.append("")
    plot(throughput)
    (HERE / "RESULTS.md").write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))
    return 0


def plot(throughput: dict[str, tuple[float, float]]) -> None:
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        print("matplotlib not installed: no plot")
        return
    points = sorted((int(k.rsplit(" ", 1)[-1]), v) for k, v in throughput.items() if "many" in k)
    xs = [c for c, _ in points]
    fig, ax = plt.subplots(figsize=(6, 4))
    ax.plot(xs, [v[0] for _, v in points], "o-", label="author_rec_videos_many")
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

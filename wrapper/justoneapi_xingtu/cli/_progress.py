"""Progress of ``xingtu batch``: a live bar on a terminal, plain lines otherwise."""

from __future__ import annotations

import time
from typing import IO, Any, Protocol

from ..models import BatchStats


def _eta(stats: BatchStats) -> str:
    eta = stats.eta
    if eta is None:
        return "ETA -"
    if eta >= 3600:
        return f"ETA {eta / 3600:.1f} h"
    if eta >= 90:
        return f"ETA {eta / 60:.0f} min"
    return f"ETA {eta:.0f} s"


def status_line(stats: BatchStats) -> str:
    """``120/1000 done · 3 failed · 18.5/s · concurrency 6 · paced 19.0/s · ETA 47 s``."""
    parts = [f"{stats.done}/{stats.total} done", f"{stats.failed} failed"]
    parts.append(f"{stats.throughput:.1f}/s")
    parts.append(f"concurrency {stats.concurrency} ({stats.in_flight} in flight)")
    if stats.pacing is not None:
        parts.append(f"paced {stats.pacing:.1f}/s")
    if stats.rate_limited:
        parts.append(f"{stats.rate_limited} rate limited")
    parts.append(_eta(stats))
    return " · ".join(parts)


class Progress(Protocol):
    def update(self) -> None:
        """Called after each outcome and periodically; redraws when it is time."""

    def close(self) -> None: ...


class PlainProgress:
    """A line every ``interval`` seconds (for logs, pipes and CI)."""

    def __init__(self, stats: BatchStats, out: IO[str], interval: float = 5.0) -> None:
        self.stats, self.out, self.interval = stats, out, interval
        self._last = time.monotonic()

    def update(self) -> None:
        now = time.monotonic()
        if now - self._last >= self.interval:
            self._last = now
            self.out.write(f"xingtu: {status_line(self.stats)}\n")
            self.out.flush()

    def close(self) -> None:
        pass


class RichProgress:
    """A live bar: done/total, failed, rate, concurrency, ETA (needs ``rich``)."""

    def __init__(self, stats: BatchStats, out: IO[str]) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, TextColumn
        from rich.progress import Progress as RichBar

        self.stats = stats
        self._bar = RichBar(
            TextColumn("[bold]batch"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[line]}"),
            console=Console(file=out),
            refresh_per_second=4,
            transient=False,
        )
        self._task = self._bar.add_task("batch", total=stats.total, line="")
        self._bar.start()

    def update(self) -> None:
        stats = self.stats
        line = status_line(stats).split(" · ", 1)[1]  # the bar shows done/total itself
        self._bar.update(self._task, completed=stats.done, line=line)

    def close(self) -> None:
        self.update()
        self._bar.stop()


def make_progress(stats: BatchStats, out: Any, interval: float) -> Progress:
    """The bar on a terminal (when rich is installed), plain lines otherwise."""
    isatty = getattr(out, "isatty", None)
    if callable(isatty) and isatty():
        try:
            return RichProgress(stats, out)
        except ImportError:
            pass
    return PlainProgress(stats, out, interval)

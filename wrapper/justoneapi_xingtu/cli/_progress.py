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


def status_line(stats: BatchStats, width: int | None = None, *, done: bool = True) -> str:
    """``120/1000 done · 3 failed · 18.5/s · concurrency 6 (6 in flight) · paced 19.0/s ·
    ETA 47 s``; within ``width`` characters when given, by leaving out first the pacing,
    then the calls in flight, the concurrency, the rate limits and the rate."""
    head = [f"{stats.done}/{stats.total} done"] if done else []
    head.append(f"{stats.failed} failed")
    rate = f"{stats.throughput:.1f}/s"
    concurrency = f"concurrency {stats.concurrency}"
    in_flight = f"{concurrency} ({stats.in_flight} in flight)"
    paced = [f"paced {stats.pacing:.1f}/s"] if stats.pacing is not None else []
    limited = [f"{stats.rate_limited} rate limited"] if stats.rate_limited else []
    eta = _eta(stats)
    line = ""
    for parts in (  # the fullest first
        [*head, rate, in_flight, *paced, *limited, eta],
        [*head, rate, in_flight, *limited, eta],
        [*head, rate, concurrency, *limited, eta],
        [*head, rate, *limited, eta],
        [*head, rate, eta],
        [*head, eta],
    ):
        line = " · ".join(parts)
        if width is None or len(line) <= width:
            break
    return line


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
    """A live bar: done/total, failed, rate, concurrency, ETA (needs ``rich``), fitted to
    the terminal's width: the bar narrows, then the least useful figures are left out."""

    _BAR = (10, 40)  # the bar's width: at least, at most

    def __init__(self, stats: BatchStats, out: IO[str], width: int | None = None) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, TextColumn
        from rich.progress import Progress as RichBar

        self.stats = stats
        self._console = Console(file=out, width=width)
        self._bar_column = BarColumn(bar_width=self._BAR[1])
        self._bar = RichBar(
            TextColumn("[bold]batch"),
            self._bar_column,
            MofNCompleteColumn(),
            TextColumn("{task.fields[line]}", markup=False),
            console=self._console,
            refresh_per_second=4,
            transient=False,
        )
        self._task = self._bar.add_task("batch", total=stats.total, line="")
        self._bar.start()

    def update(self) -> None:
        stats = self.stats
        # "batch", "done/total" and one space between each of the four columns
        fixed = len("batch") + 2 * len(str(stats.total)) + 1 + 3
        room = self._console.width - fixed
        line = status_line(stats, room - self._BAR[0], done=False)  # the bar shows done
        self._bar_column.bar_width = max(self._BAR[0], min(self._BAR[1], room - len(line)))
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

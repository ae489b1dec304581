"""Time directory searches on the real seed: ``python -m bot.directory.bench``."""

from __future__ import annotations

import statistics
import time

from bot.directory.seed import create_directory
from bot.directory.service import Directory

QUERIES = [
    ("Brecon", {}),
    ("LD3 7HR", {"role": "mum"}),
    ("Y Drenewydd", {"mode": "online"}),
    ("MK", {"role": "dad"}),
    ("Bletchley", {"need": "attachment"}),
    ("Cardiff", {}),
    ("Ystradgynlais", {"offset": 3}),
    ("Powys", {"role": "professional"}),
    (None, {"mode": "online"}),
    ("London", {"need": "crisis"}),
]


def run(n: int = 1000, url: str = "sqlite://") -> tuple[float, float, float]:
    """Resolve a place and search ``n`` times, as the action server does; p50, p95 and max in ms."""
    directory = Directory(url)
    create_directory(directory.engine)
    timings: list[float] = []
    for i in range(n):
        text, kwargs = QUERIES[i % len(QUERIES)]
        start = time.perf_counter()
        place = directory.gazetteer.resolve(text).place if text else None
        directory.find_services(place, **kwargs)  # type: ignore[arg-type]
        timings.append((time.perf_counter() - start) * 1000)
    directory.dispose()
    cuts = statistics.quantiles(timings, n=100)
    return cuts[49], cuts[94], max(timings)


if __name__ == "__main__":
    p50, p95, worst = run()
    print(
        f"find_services (incl. place resolution), 1000 queries: "
        f"p50 {p50:.3f} ms, p95 {p95:.3f} ms, max {worst:.3f} ms"
    )

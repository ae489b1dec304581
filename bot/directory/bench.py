"""Time directory searches on the real seed: ``python -m bot.directory.bench``."""

from __future__ import annotations

import statistics
import time

from bot.db import make_engine, make_session_factory
from bot.directory.places import load_gazetteer
from bot.directory.queries import find_services
from bot.directory.seed import create_directory

QUERIES = [
    ("Brecon", {}), ("LD3 7HR", {"role": "mum"}), ("Y Drenewydd", {"mode": "online"}),
    ("MK", {"role": "dad"}), ("Bletchley", {"need": "attachment"}), ("Cardiff", {}),
    ("Ystradgynlais", {"offset": 3}), ("Powys", {"role": "professional"}),
    (None, {"mode": "online"}), ("London", {"need": "crisis"}),
]


def run(n: int = 1000, url: str = "sqlite://") -> tuple[float, float, float]:
    """Resolve a place and search ``n`` times; return p50, p95 and max in milliseconds."""
    engine = make_engine(url)
    create_directory(engine)
    session_factory = make_session_factory(engine)
    gazetteer = load_gazetteer()
    timings: list[float] = []
    with session_factory() as session:
        for i in range(n):
            text, kwargs = QUERIES[i % len(QUERIES)]
            start = time.perf_counter()
            place = gazetteer.resolve(text).place if text else None
            find_services(session, place, **kwargs)
            timings.append((time.perf_counter() - start) * 1000)
    engine.dispose()
    cuts = statistics.quantiles(timings, n=100)
    return cuts[49], cuts[94], max(timings)


if __name__ == "__main__":
    p50, p95, worst = run()
    print(f"find_services (incl. place resolution), 1000 queries: "
          f"p50 {p50:.3f} ms, p95 {p95:.3f} ms, max {worst:.3f} ms")

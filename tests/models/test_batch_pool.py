"""The process pool: outcomes for every item; a slow consumer holds the workers back."""

from __future__ import annotations

import json
import time

from models.batch.inputs import scan
from models.batch.pool import ProcessPool, chunk_size
from models.batch.rows import BatchOptions


class _Watched(list):
    """Items that count how many have been handed out."""

    taken = 0

    def __iter__(self):
        for item in super().__iter__():
            self.taken += 1
            yield item


def test_pool_runs_ahead_of_a_slow_consumer_only_so_far(seed_paths, tmp_path):
    export = tmp_path / "x.jsonl"
    text = seed_paths[1].read_text(encoding="utf-8")
    export.write_text("".join(json.dumps({"id": str(n), "text": text}, ensure_ascii=False) + "\n"
                              for n in range(200)), encoding="utf-8")
    items = _Watched(scan([export]))
    pool = ProcessPool(BatchOptions(), 2)
    try:
        outcomes = pool.run(items, ahead=20)
        first = next(outcomes)
        time.sleep(1.0)  # unchecked, the workers would take far more than the gate lets through
        assert items.taken <= 4 * chunk_size(200, 2) + 2  # 4 chunks, one released by `first`, one waiting
        rest = list(outcomes)
    finally:
        pool.close()
    assert sorted(o.id for o in [first, *rest]) == sorted(str(n) for n in range(200))
    assert all(o.row and "error" not in o.row for o in [first, *rest])

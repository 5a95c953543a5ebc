"""``batch --engine dask`` on a local Dask cluster on 127.0.0.1: the pool's rows, resumable."""

from __future__ import annotations

import json

import pytest
from model_fixtures import tiny_model_dir  # noqa: F401 - fixture

from cli import run

distributed = pytest.importorskip("distributed")


def _rows(path) -> dict[str, dict]:
    return {row["id"]: row for row in map(json.loads, path.read_text(encoding="utf-8").splitlines())}


def test_cluster_rows_match_the_pool_and_resume(seed_paths, tmp_path, tiny_model_dir, capsys):  # noqa: F811
    export = tmp_path / "export.jsonl"
    with export.open("w", encoding="utf-8") as out:
        for n, seed in enumerate(seed_paths * 2):
            record = {"id": f"a{n}", "text": seed.read_text(encoding="utf-8")}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
        out.write("[1, 2]\n")
    common = ["--translate", "summary", "--model", str(tiny_model_dir), "--sentences", "2"]
    local, remote = tmp_path / "pool.jsonl", tmp_path / "dask.jsonl"
    assert run(["batch", str(export), "--out", str(local), *common]) == 2
    first = export.read_text(encoding="utf-8").splitlines()[:3]
    partial = tmp_path / "first.jsonl"
    partial.write_text("\n".join(first) + "\n", encoding="utf-8")
    from models.batch.cluster import local_cluster

    with local_cluster(2) as cluster:  # after the pool run: the pool forks this process, best before threads
        address = ["--engine", "dask", "--address", cluster.scheduler_address]
        assert run(["batch", str(partial), "--out", str(remote), *common, *address]) == 0
        assert run(["batch", str(export), "--out", str(remote), *common, *address]) == 2
    assert "3 already done" in capsys.readouterr().err
    pool_rows, dask_rows = _rows(local), _rows(remote)
    assert len(dask_rows) == len(seed_paths) * 2 + 1 == len(remote.read_text(encoding="utf-8").splitlines())
    assert set(dask_rows) == set(pool_rows)
    for key, row in dask_rows.items():
        expected = pool_rows[key]
        if "error" in expected:
            assert row == expected
            continue
        # random weights: a batch's decoding length follows its longest sentence, and batches differ with
        # the order articles finish in, so translations (and English forms taken from them) compare by shape
        translation, expected_translation = row.pop("translation"), expected.pop("translation")
        for entity in row["entities"] + expected["entities"]:
            assert entity.pop("english")
        assert row == expected and row["model"] == "tiny-test-model"
        assert [s["index"] for s in translation["sentences"]] == row["summary"]["indices"]
        assert [s["index"] for s in expected_translation["sentences"]] == row["summary"]["indices"]

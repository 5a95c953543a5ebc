"""Translating many articles in shared batches: every article's row once, failures as error rows."""

from __future__ import annotations

from model_fixtures import tiny_model_dir, tiny_translator  # noqa: F401 - fixtures

from models.batch.inputs import Item
from models.batch.rows import BatchOptions, process
from models.batch.translating import TranslationQueue
from models.errors import ModelError


def _outcomes(seed_paths, options):
    return [process(Item(str(p), str(p)), options) for p in seed_paths]


def test_rows_of_every_article_with_their_sentences(seed_paths, tiny_translator):  # noqa: F811
    options = BatchOptions(translate="all")
    rows: list[dict] = []
    queue = TranslationQueue(tiny_translator, options, rows.append, sentences=20)
    outcomes = _outcomes(seed_paths, options)
    for outcome in outcomes:
        queue.add(outcome)
    queue.flush()
    assert sorted(r["id"] for r in rows) == sorted(o.id for o in outcomes)
    for row in rows:
        assert [s["index"] for s in row["translation"]["sentences"]] == list(range(row["sentences"]))
        assert row["model"] == tiny_translator.model_id


class _Broken:
    model_id = "broken"

    def translate(self, texts, *, on_result=None, cancel=None):
        raise ModelError("model.bin: translation failed (out of memory)")


def test_a_failed_model_call_becomes_error_rows(seed_paths):
    options = BatchOptions(translate="summary")
    rows: list[dict] = []
    queue = TranslationQueue(_Broken(), options, rows.append)
    for outcome in _outcomes(seed_paths[:2], options):
        queue.add(outcome)
    queue.flush()
    assert [set(r) for r in rows] == [{"id", "error"}] * 2
    assert all("out of memory" in r["error"] for r in rows)

"""The batch row file: whole lines, resume by id, one writer at a time."""

from __future__ import annotations

import json

import pytest

from models.batch import RowFile
from models.batch.inputs import load, scan
from models.errors import ArticleError, KhulasaError


def test_rows_append_and_reopen_with_done_ids(tmp_path):
    path = tmp_path / "rows" / "out.jsonl"
    with RowFile(path) as rows:
        assert rows.done == set() and not rows.dropped_partial
        rows.write({"id": "a", "title": "عنوان"})
        rows.write({"id": 2, "error": "x: broken"})
    path.write_bytes(path.read_bytes() + b'{"id": "c", "ti')
    with RowFile(path) as rows:
        assert rows.done == {"a", "2"} and rows.dropped_partial
        rows.write({"id": "c"})
    lines = path.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["id"] for line in lines] == ["a", 2, "c"]


def test_a_second_writer_is_refused(tmp_path):
    with RowFile(tmp_path / "out.jsonl"):
        with pytest.raises(KhulasaError, match="another batch run"):
            RowFile(tmp_path / "out.jsonl")


def test_export_items_keep_ids_offsets_and_titles(tmp_path):
    export = tmp_path / "x.jsonl"
    body = "قال الوزير إن الوضع مستقر.\nوأضاف أن العمل مستمر."
    records = [{"docno": "d1", "title": "عنوان الخبر", "text": body}, {"text": "جملة أولى هنا."},
               {"id": "", "text": ""}]
    export.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n", encoding="utf-8")
    items = list(scan([export]))
    assert [i.id for i in items] == ["d1", f"{export}:2", f"{export}:3"]
    article = load(items[0].with_line())
    assert article.title == "عنوان الخبر" and len(article.sentences) == 2
    assert load(items[1]).title == "" and items[1].with_line().line.startswith("{")
    with pytest.raises(ArticleError, match=":3: the article has no text"):
        load(items[2])

"""Real files (../shared/data/real-files): Khulasa reads what a person sees in them.

Expectations are in tests/data/real_files_expected.toml, written from renderings of the
files. Each check of each file is one test; a check listed under ``known`` is a defect
not fixed yet and runs as a strict xfail (it fails the suite once it starts passing).
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from pathlib import Path

import pytest

from models.errors import ArticleError
from models.reading import read_article
from models.reading.structure import _MONTH_SET

EXPECTED = Path(__file__).resolve().parents[1] / "data" / "real_files_expected.toml"
CHECKS = ("error", "title", "date", "first", "last", "present", "absent", "language")
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


def _cases() -> list:
    cases = []
    for entry in tomllib.loads(EXPECTED.read_text(encoding="utf-8"))["file"]:
        known = entry.get("known", {})
        for check in CHECKS:
            if check in entry:
                marks = [pytest.mark.xfail(reason=known[check], strict=True)] if check in known else []
                cases.append(pytest.param(entry, check, id=f"{entry['name']}-{check}", marks=marks))
    return cases


@cache
def _read(path: Path):
    try:
        return read_article(path)
    except ArticleError as error:
        return error


def _same_date(dateline: str, iso: str) -> bool:
    """The dateline gives the date ``iso``: written as ISO, or with its year, day and month."""
    if dateline.startswith(iso):
        return True
    year, month, day = (int(part) for part in iso.split("-"))
    numbers = {int(n) for n in re.findall(r"\d+", dateline.translate(_DIGITS))}
    named_month = any(word in _MONTH_SET for word in re.findall(r"\w+", dateline))
    return year in numbers and day in numbers and (month in numbers or named_month)


@pytest.mark.parametrize(("entry", "check"), _cases())
def test_real_file(shared_data, entry, check):
    path = shared_data / "real-files" / entry["name"]
    if not path.exists():
        pytest.skip(f"{path} is absent")
    article = _read(path)
    expected = entry[check]
    if check == "error":
        assert isinstance(article, ArticleError) and expected in str(article)
        return
    assert not isinstance(article, ArticleError), str(article)
    body = "\n".join(s.text for s in article.sentences)
    if check == "title":
        assert article.title == expected
    elif check == "date":
        assert _same_date(article.metadata.dateline, expected), article.metadata.dateline
    elif check == "first":
        assert expected in article.sentences[0].text
    elif check == "last":
        assert expected in article.sentences[-1].text
    elif check == "present":
        assert [p for p in expected if p not in body] == []
    elif check == "absent":
        assert [p for p in expected if p in body] == []
    elif check == "language":
        assert article.language == expected

"""Translator and translate_article on the generated tiny model (random weights, real decoding)."""

from __future__ import annotations

import pytest
from model_fixtures import make_test_model, tiny_model_dir, tiny_translator  # noqa: F401

from models.article import Article, Sentence, Translation
from models.errors import CancelledError, ModelError
from models.reading import read_article
from models.translation import TranslateOptions, TranslationCache, Translator, translate_article

ARABIC = [
    "أسفرت الغارات المصرية على مدينة درنة الليبية عن سقوط عشرات بين قتيل وجريح.",
    "قال الرئيس إن بلاده تملك حق الرد.",
    "وأكد اللواء المتقاعد خليفة حفتر أن الغارات تتم بالتنسيق معه، "
    "وهي تستهدف تنظيم الدولة الإسلامية في ليبيا.",
]


def _article(sentences: list[str], title: str = "") -> Article:
    text, spans = "", []
    for s in sentences:
        spans.append(Sentence(len(spans), len(text), len(text) + len(s), s, 0))
        text += s + " "
    return Article(text=text, sentences=tuple(spans), title=title)


def test_translation_is_deterministic_and_has_valid_alignment(tiny_model_dir):  # noqa: F811
    first = Translator(tiny_model_dir, cache=False).translate(ARABIC)
    second = Translator(tiny_model_dir, cache=False).translate(ARABIC)
    assert [t.target for t in first] == [t.target for t in second]
    assert [t.index for t in first] == [0, 1, 2]
    for result, source in zip(first, ARABIC, strict=True):
        assert result.source == source and result.target.strip()
        assert result.alignment, "attention alignment expected"
        words = source.split()
        for s0, s1, t0, t1 in result.alignment:
            assert source[s0:s1] in words  # whole source words
            assert 0 <= t0 < t1 <= len(result.target) and " " not in result.target[t0:t1]


def test_alignment_can_be_turned_off(tiny_model_dir):  # noqa: F811
    plain = Translator(tiny_model_dir, cache=False, options=TranslateOptions(alignment=False))
    aligned = Translator(tiny_model_dir, cache=False)
    assert [t.target for t in plain.translate(ARABIC)] == [t.target for t in aligned.translate(ARABIC)]
    assert all(not t.alignment for t in plain.translate(ARABIC))


def test_empty_and_duplicate_inputs(tiny_translator):  # noqa: F811
    seen: list[Translation] = []
    results = tiny_translator.translate(["", ARABIC[1], "  ", ARABIC[1]], on_result=seen.append)
    assert [r.target for r in results][0::2] == ["", ""]
    assert results[1].target == results[3].target != ""
    assert sorted(r.index for r in seen) == [0, 1, 2, 3]


def test_long_input_is_split_at_commas_and_rejoined(tiny_model_dir):  # noqa: F811
    long_sentence = "، ".join(ARABIC * 3)
    opts = TranslateOptions(max_input_tokens=24)
    result = Translator(tiny_model_dir, cache=False, options=opts).translate([long_sentence])[0]
    whole = Translator(tiny_model_dir, cache=False).translate([long_sentence])[0]
    assert result.target != whole.target and len(result.target) > len(whole.target) // 2
    assert max(a[1] for a in result.alignment) > len(long_sentence) // 2  # later segments aligned
    assert all(0 <= t0 < t1 <= len(result.target) for _, _, t0, t1 in result.alignment)


def test_segments_prefer_clause_punctuation(tiny_translator):  # noqa: F811
    encoded = tiny_translator._tokenizer.encode(ARABIC[2])
    cuts = encoded.segments(len(encoded.pieces) - 3)
    assert len(cuts) == 2
    first_end = encoded.words[cuts[0][1] - 1][1]
    assert ARABIC[2][first_end - 1] == "،"


def test_streams_per_sentence_and_cancels_between_batches(tiny_model_dir):  # noqa: F811
    opts = TranslateOptions(batch_tokens=40)
    translator = Translator(tiny_model_dir, cache=False, options=opts)
    article = _article(ARABIC * 4)
    seen: list[int] = []

    def cancel() -> bool:
        return len(seen) >= 2

    with pytest.raises(CancelledError):
        translate_article(article, translator, on_sentence=lambda t: seen.append(t.index), cancel=cancel)
    assert 2 <= len(seen) < len(article.sentences)
    assert sorted(article.translations) == sorted(seen)  # finished sentences are kept
    translate_article(article, translator, on_sentence=lambda t: seen.append(t.index))
    assert sorted(article.translations) == list(range(len(article.sentences)))
    assert len(seen) == len(article.sentences)  # the second run only did the rest


def test_translate_article_fills_the_article(seed_paths, tiny_translator):  # noqa: F811
    article = read_article(seed_paths[0])
    article.title = article.title or "غارات مصرية على درنة"
    translate_article(article, tiny_translator, [2, 0])
    assert sorted(article.translations) == [0, 2]
    assert article.model_id == tiny_translator.model_id == "tiny-test-model"
    assert article.title_translation
    t = article.translations[2]
    assert t.index == 2 and t.source == article.sentences[2].text and t.alignment


def test_other_model_replaces_translations(tiny_model_dir, tiny_translator):  # noqa: F811
    article = _article(ARABIC)
    article.translations[0] = Translation(0, ARABIC[0], "old English")
    article.model_id = "another-model"
    translate_article(article, tiny_translator, [0])
    assert article.translations[0].target != "old English"
    assert article.model_id == tiny_translator.model_id


def test_second_run_comes_from_the_cache(tiny_model_dir):  # noqa: F811
    first = Translator(tiny_model_dir).translate(ARABIC)
    again = Translator(tiny_model_dir)

    class NoModel:
        def translate_batch(self, *args, **kwargs):
            raise AssertionError("the model should not run on a cache hit")

    again._model = NoModel()
    assert again.translate(ARABIC) == first


def test_corrupt_cache_is_rebuilt(tiny_model_dir, caplog):  # noqa: F811
    cache = TranslationCache()
    cache.close()
    cache.path.write_bytes(b"this is not a database" * 100)
    with caplog.at_level("WARNING"):
        translator = Translator(tiny_model_dir)
        results = translator.translate(ARABIC[:1])
    assert "rebuilding" in caplog.text
    assert results[0].target
    assert TranslationCache().get_many(translator.cache_key, ARABIC[:1])  # the rebuilt cache works


def test_locked_cache_is_bypassed(tiny_model_dir, caplog):  # noqa: F811
    import sqlite3

    expected = Translator(tiny_model_dir, cache=False).translate(ARABIC[:2])
    cache = TranslationCache(timeout=0.05)
    blocker = sqlite3.connect(cache.path)
    blocker.execute("BEGIN EXCLUSIVE")
    try:
        with caplog.at_level("WARNING"):
            results = Translator(tiny_model_dir, cache=cache).translate(ARABIC[:2])
    finally:
        blocker.rollback()
        blocker.close()
    assert results == expected
    assert "cache" in caplog.text


def test_not_a_model_folder(tmp_path):
    with pytest.raises(ModelError, match="model.bin"):
        Translator(tmp_path)
    (tmp_path / "model.bin").write_bytes(b"garbage")
    (tmp_path / "source.spm").write_bytes(b"garbage")
    (tmp_path / "target.spm").write_bytes(b"garbage")
    with pytest.raises(ModelError, match=str(tmp_path)):
        Translator(tmp_path, cache=False)


def test_multilingual_model_gets_language_tokens(tmp_path):
    translator = Translator(make_test_model(tmp_path / "nllb-like", language_tokens=True), cache=False)
    assert translator.files.layout == "multilingual"
    assert (translator.files.source_prefix, translator.files.target_prefix) == (("arb_Arab",), ("eng_Latn",))
    result = translator.translate(ARABIC[1:2])[0]
    assert result.target.strip() and "eng_Latn" not in result.target
    words = ARABIC[1].split()
    assert result.alignment and all(ARABIC[1][s0:s1] in words for s0, s1, _, _ in result.alignment)


def test_test_model_generator_leaves_other_files_in_its_folder(tmp_path):
    (tmp_path / "notes.txt").write_text("keep me")
    assert make_test_model(tmp_path) == tmp_path
    assert (tmp_path / "notes.txt").read_text() == "keep me" and (tmp_path / "model.bin").is_file()


def test_a_failing_batch_is_a_model_error(tiny_model_dir):  # noqa: F811
    translator = Translator(tiny_model_dir, cache=False)

    class Failing:
        def result(self):
            raise RuntimeError("out of memory")

    class BrokenModel:
        def translate_batch(self, sources, **kwargs):
            return [Failing() for _ in sources]

    translator._model = BrokenModel()
    with pytest.raises(ModelError, match=f"{tiny_model_dir}: translation failed \\(out of memory\\)"):
        translator.translate(ARABIC)

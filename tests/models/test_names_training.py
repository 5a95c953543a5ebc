"""Transliteration training: CTranslate2 scores what PyTorch trained (needs torch); the validation slice."""

from __future__ import annotations

import pytest


@pytest.mark.slow
def test_exported_model_scores_like_the_trained_one(tmp_path, monkeypatch):
    torch = pytest.importorskip("torch")
    import ctranslate2

    from training import train_translit as T

    monkeypatch.setattr(T.Config, "d_model", 32)
    monkeypatch.setattr(T.Config, "ffn", 64)
    monkeypatch.setattr(T.Config, "layers", 1)
    pairs = [("خليفة", "khalifa"), ("حفتر", "haftar"), ("سامح", "sameh"), ("شكري", "shoukry")] * 8
    src = T.vocabulary([a for a, _ in pairs], 1)
    tgt = T.vocabulary([e for _, e in pairs], 1)
    model = T.train(pairs, src, tgt, epochs=2, batch=8, seed=1)
    T.export(model, src, tgt, tmp_path / "m", {})
    translator = ctranslate2.Translator(str(tmp_path / "m"))
    src_index = {t: i for i, t in enumerate(src)}
    tgt_index = {t: i for i, t in enumerate(tgt)}
    for arabic, english in pairs[:4]:
        ids = torch.tensor([T.encode(arabic, src_index) + [0]])
        out = T.encode(english, tgt_index) + [0]
        with torch.no_grad():
            logp = torch.log_softmax(model(ids, torch.zeros_like(ids, dtype=torch.bool),
                                           torch.tensor([[0] + out[:-1]])), -1)[0]
        expected = sum(logp[i, t].item() for i, t in enumerate(out))
        got = sum(translator.score_batch([list(arabic)], [list(english)])[0].log_probs)
        assert got == pytest.approx(expected, abs=0.05 * len(out))  # int8 weights


def test_validation_slice_is_cut_by_english_word_and_is_about_five_percent():
    from training.translit_data import held_out, validation_split

    words = [f"name{i}" for i in range(4000) if not held_out(f"name{i}")]
    pairs = [(f"ا{i}", w) for i, w in enumerate(words)] + [(f"ب{i}", w.upper()) for i, w in enumerate(words)]
    fit, valid = validation_split(pairs)
    assert sorted(fit + valid) == sorted(pairs)
    assert not {e.lower() for _, e in fit} & {e.lower() for _, e in valid}
    assert 0.03 < len(valid) / len(pairs) < 0.07

"""Tokens, matching forms, proclitics and BIO decoding of the entity recogniser."""

from __future__ import annotations

from models.ner.features import FeatureExtractor, sequences, split_proclitic, styles, tokenize
from models.ner.lexicon import Lexicon
from models.ner.recognizer import decode_bio


def _tokens(text: str) -> list[str]:
    return [text[s:e] for s, e in tokenize(text)]


def test_tokenize_separates_punctuation_and_quotes():
    assert _tokens("قالت «الأناضول»، إن حفتر.") == ["قالت", "«", "الأناضول", "»", "،", "إن", "حفتر", "."]


def test_tokenize_keeps_diacritics_and_tatweel_inside_words():
    assert _tokens("مُحَمَّد وقـال") == ["مُحَمَّد", "وقـال"]


def test_pretokenised_text_keeps_its_tokens():
    text = "أعلن اتحاد صناعة السيارات في ألمانيا ( د ب أ ) ."
    assert _tokens(text) == text.split()


def test_sequences_cut_at_lines_and_sentence_ends():
    text = "ذهب زيد . وعاد\nعمرو"
    seqs = sequences(text, tokenize(text))
    assert [[text[s:e] for s, e in seq] for seq in seqs] == [["ذهب", "زيد", "."], ["وعاد"], ["عمرو"]]


def test_split_proclitic():
    assert split_proclitic("وبالقاهره") == ("وبال", "قاهره")
    assert split_proclitic("للجزيره") == ("لل", "جزيره")
    assert split_proclitic("بحفتر") == ("ب", "حفتر")
    assert split_proclitic("درنه") == ("", "درنه")


def test_styles_follow_hamza_nearby():
    text = "\n".join(["ذهب أحمد"] + ["ذهب زيد"] * 8)
    seqs = sequences(text, tokenize(text))
    assert styles(text, seqs, window=3) == ["h"] * 4 + ["n"] * 5


def test_features_fold_hamza_spellings_together():
    extractor = FeatureExtractor(Lexicon(gazetteer={"المانيا": ("LOC",)}))
    with_hamza, without = extractor.sequence(["ألمانيا"]), extractor.sequence(["المانيا"])
    assert with_hamza == without
    assert "g=LOC" in with_hamza[0]


def test_decode_bio_spans():
    assert decode_bio(["B-PER", "I-PER", "O", "I-LOC", "B-ORG", "B-ORG", "I-PER"]) == [
        (0, 2, "PER"), (3, 4, "LOC"), (4, 5, "ORG"), (5, 6, "ORG"), (6, 7, "PER")]

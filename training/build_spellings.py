"""Build the Latin-script spellings list shipped as ``models/data/latin-spellings.xz`` (deterministic).

    .venv/bin/python -m training.build_spellings

Every word of wordfreq's ``best`` lists (Wikipedia, subtitles, news, books,
web text in 40-odd languages; CC BY-SA 4.0 data) written only in Latin
letters and apostrophes, 2–30 characters, with its highest Zipf frequency in
any language. The transliteration ranks its candidate spellings with it
(:mod:`models.names.spellings`). wordfreq is needed only here:
``pip install wordfreq==3.1.1``.
"""

from __future__ import annotations

import sys
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import regex
import wordfreq

from models.names.spellings import SPELLINGS_FILE, Spellings

_LATIN_WORD = regex.compile(r"^[\p{Latin}']{2,30}$")


def latin_words() -> dict[str, float]:
    """Latin-script word → its highest Zipf frequency over wordfreq's languages."""
    best: dict[str, float] = {}
    for language in sorted(wordfreq.available_languages(wordlist="best")):
        for word, freq in wordfreq.get_frequency_dict(language, wordlist="best").items():
            if _LATIN_WORD.match(word):
                best[word] = max(best.get(word, 0.0), wordfreq.freq_to_zipf(freq))
    return best


def main() -> int:
    words = latin_words()
    spellings = Spellings.build(words)
    spellings.save(SPELLINGS_FILE)
    print(f"wrote {SPELLINGS_FILE}: {len(words):,} words, {SPELLINGS_FILE.stat().st_size / 1e6:.1f} MB, "
          f"false-positive rate {spellings.false_positive_rate:.5f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

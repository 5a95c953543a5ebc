"""Latin-script word spellings and how common they are (``models/data/latin-spellings.xz``).

The transliteration model proposes many spellings of an Arabic name word; the
ones that are real words of some Latin-script language ("geoffrey",
"champlain", "zurutuza") are far likelier to be the name's spelling than
phonetic guesses ("gioveri"). :class:`Spellings` answers "is this a known
spelling, and how common is it" for the 4 million words of wordfreq's lists
(built by ``training/build_spellings.py``). Words are kept as sorted
33-bit hashes, one set per frequency band (the Zipf value rounded down), so
the file stays a few megabytes; a word in no list is taken for a listed one
with probability :attr:`Spellings.false_positive_rate` (about 1 in 2,000).
"""

from __future__ import annotations

import hashlib
import json
import lzma
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path

import numpy as np

from models.errors import KhulasaError
from models.paths import bundled_data_dir

SPELLINGS_FILE = bundled_data_dir() / "latin-spellings.xz"
_MAGIC = b"KHSPELL1\n"
_BITS = 33


def _key(word: str) -> int:
    digest = hashlib.blake2b(word.encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "little") >> (64 - _BITS)


class Spellings:
    """Known spellings by frequency band (the Zipf value rounded down)."""

    def __init__(self, bands: dict[int, np.ndarray]) -> None:
        self._bands = sorted(bands.items(), reverse=True)  # (band, sorted uint64 keys), commonest first

    @property
    def false_positive_rate(self) -> float:
        """Chance that a word in no list is reported as listed."""
        return sum(len(keys) for _, keys in self._bands) / 2 ** _BITS

    def bands(self, words: list[str]) -> list[int]:
        """Each word's band: its Zipf floor (≥ 1), or 0 when it is in no list."""
        keys = np.array([_key(w) for w in words], dtype=np.uint64)
        found = np.zeros(len(words), dtype=np.int64)
        for value, listed in reversed(self._bands):  # rarest first: a commoner band overwrites
            at = np.minimum(np.searchsorted(listed, keys), max(len(listed) - 1, 0))
            found[(listed[at] == keys) if len(listed) else np.zeros(len(words), bool)] = value
        return found.tolist()

    @classmethod
    def build(cls, zipf: Mapping[str, float]) -> Spellings:
        """Each word of ``zipf`` (word → Zipf frequency) in its band (values below 1 count as 1)."""
        groups: dict[int, list[int]] = {}
        for word, value in zipf.items():
            groups.setdefault(max(1, int(value)), []).append(_key(word))
        return cls({band: np.unique(np.array(keys, dtype=np.uint64)) for band, keys in groups.items()})

    def save(self, path: Path) -> None:
        gaps = [np.diff(keys, prepend=np.uint64(0)) for _, keys in self._bands]
        widths = [4 if g.max(initial=0) < 2 ** 32 else 8 for g in gaps]  # sparse bands need 8 bytes
        header = json.dumps({"bits": _BITS, "bands": [[v, len(k), w] for (v, k), w in
                                                      zip(self._bands, widths, strict=True)]}).encode()
        body = b"".join(g.astype(f"<u{w}").tobytes() for g, w in zip(gaps, widths, strict=True))
        path.write_bytes(lzma.compress(_MAGIC + header + b"\n" + body, preset=9 | lzma.PRESET_EXTREME))

    @classmethod
    def load(cls, path: Path = SPELLINGS_FILE) -> Spellings:
        """Raises:
            KhulasaError: the file is missing or not a spellings file.
        """
        try:
            data = lzma.decompress(path.read_bytes())
            if not data.startswith(_MAGIC):
                raise ValueError("not a spellings file")
            header_end = data.index(b"\n", len(_MAGIC))
            header = json.loads(data[len(_MAGIC):header_end])
            if header["bits"] != _BITS:
                raise ValueError(f"{header['bits']}-bit keys, expected {_BITS}")
            bands, offset = {}, header_end + 1
            for value, count, width in header["bands"]:
                if offset + count * width > len(data):
                    raise ValueError("truncated")
                gaps = np.frombuffer(data, dtype=f"<u{width}", count=count, offset=offset)
                bands[int(value)] = np.cumsum(gaps, dtype=np.uint64)
                offset += count * width
        except (OSError, ValueError, KeyError, lzma.LZMAError) as exc:
            raise KhulasaError(f"{path}: unreadable spellings list ({exc}); "
                               "python -m training.build_spellings rebuilds it") from exc
        return cls(bands)


@lru_cache(maxsize=1)
def default_spellings() -> Spellings | None:
    """The shipped spellings, or None when the file is missing (names are then ranked by the model alone)."""
    try:
        return Spellings.load()
    except KhulasaError:
        return None

"""Known Arabic→English models: where to get them, their licence and published quality."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class CatalogueEntry:
    """One downloadable (or import-only) model.

    ``kind`` is the package format: ``marian-zip`` (OPUS-MT, converted to
    CTranslate2 int8 on install), ``argosmodel`` (Argos Translate package) or
    ``ct2-folder`` (an already converted CTranslate2 folder, import only).
    ``size`` and ``sha256`` are checked when known; an unpublished sha256 is
    recorded on first download and checked on later ones.
    """

    id: str
    name: str
    licence: str
    url: str
    kind: str
    quality: str
    size: int | None = None
    sha256: str | None = None
    non_commercial: bool = False
    import_only: bool = False
    notes: str = ""

    @property
    def file_name(self) -> str:
        return self.url.rstrip("/").rsplit("/", 1)[-1]


CATALOGUE: tuple[CatalogueEntry, ...] = (
    CatalogueEntry(
        id="opus-mt-tc-big-ara-eng",
        name="OPUS-MT tc-big Arabic→English (Marian transformer-big)",
        licence="CC-BY-4.0",
        url="https://object.pouta.csc.fi/Tatoeba-MT-models/ara-eng/"
            "opusTCv20210807+bt_transformer-big_2022-03-09.zip",
        kind="marian-zip",
        quality="FLORES-101 devtest BLEU 42.6",
        notes="Best quality; about 4x the work per sentence of the base model.",
    ),
    CatalogueEntry(
        id="opus-mt-ara-eng",
        name="OPUS-MT Arabic→English opus+bt 2021-04-30 (Marian transformer-align)",
        licence="CC-BY-4.0",
        url="https://object.pouta.csc.fi/Tatoeba-MT-models/ara-eng/opus+bt-2021-04-30.zip",
        kind="marian-zip",
        quality="TICO-19 BLEU 34.3",
        notes="Fast base-size model; the recommended first download.",
    ),
    CatalogueEntry(
        id="argos-ar-en",
        name="Argos Translate Arabic→English 1.0",
        licence="not stated in the Argos package index; see the package README",
        url="https://argos-net.com/v1/translate-ar_en-1_0.argosmodel",
        kind="argosmodel",
        quality="FLORES BLEU 29.5 (Mozilla's evaluation)",
        size=81_869_670,
        sha256="bc98cd4e27ca1cebfae9b7086b2ebc635e4dbed45e7cb5f0891cb7d22feacfad",
    ),
    CatalogueEntry(
        id="nllb-200-distilled-600m",
        name="NLLB-200 distilled 600M (multilingual, arb_Arab→eng_Latn)",
        licence="CC-BY-NC-4.0",
        url="https://huggingface.co/facebook/nllb-200-distilled-600M",
        kind="ct2-folder",
        quality="FLORES-200 scores in the NLLB model card",
        non_commercial=True,
        import_only=True,
        notes="Non-commercial use only. Convert it elsewhere with ct2-transformers-converter "
              "(--quantization int8), then run 'python main.py models import FOLDER'.",
    ),
)


def find_entry(model_id: str) -> CatalogueEntry | None:
    """The catalogue entry with this id, if any."""
    return next((e for e in CATALOGUE if e.id == model_id), None)


def entry_for_file(file_name: str) -> CatalogueEntry | None:
    """The catalogue entry whose download has this file name (for manual downloads being imported)."""
    return next((e for e in CATALOGUE if e.file_name == file_name), None)

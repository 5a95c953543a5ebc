"""Batch jobs over many articles: folders and JSONL exports in, one JSON row per article out.

    batch = Batch(["feed/", "export.jsonl"], "out.jsonl")   # skips ids already in out.jsonl
    engine = open_engine(BatchOptions(translate="summary"), model_dir=store.resolve(None))
    counts = batch.run(engine, on_row=print)

``pool`` runs reading, summaries and entities in local worker processes and
translation through one :class:`~models.translation.Translator` here; ``dask``
runs the same steps on a Dask cluster (``pip install .[cluster]``), with one
translator actor per node.
"""

from models.batch.inputs import Item, load, scan
from models.batch.job import Batch, Counts, PoolEngine, open_engine
from models.batch.output import RowFile
from models.batch.rows import TRANSLATE_CHOICES, BatchOptions, Outcome, article_row, process

__all__ = ["TRANSLATE_CHOICES", "Batch", "BatchOptions", "Counts", "Item", "Outcome", "PoolEngine", "RowFile",
           "article_row", "load", "open_engine", "process", "scan"]

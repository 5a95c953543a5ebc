"""The translator: one CTranslate2 model and its SentencePiece models, built once.

``Translator.translate`` takes many sentences at once, answers from the cache
what it can, cuts over-long inputs at clause punctuation, sorts the rest by
length into token-budgeted batches and streams each finished sentence to a
callback. Cancellation is checked between batches.
"""

from __future__ import annotations

import hashlib
import logging
import math
import os
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import ctranslate2

from models.article import Article, Translation
from models.errors import CancelledError, ModelError
from models.translation.alignment import word_alignment
from models.translation.cache import TranslationCache
from models.translation.tokenization import Encoded, Tokenizer, find_model_files

log = logging.getLogger(__name__)

Alignment = list[tuple[int, int, int, int]]


@dataclass(frozen=True, slots=True)
class TranslateOptions:
    """Decoding and batching settings.

    The decoding length of a batch is ``length_ratio * longest source + length_extra``
    pieces, capped at ``max_decoding_length``. ``alignment`` asks the model for
    attention (for entity projection) at a small speed cost.
    """

    beam_size: int = 2
    batch_tokens: int = 1024
    max_input_tokens: int = 200
    length_ratio: float = 1.5
    length_extra: int = 10
    max_decoding_length: int = 384
    min_decoding_length: int = 1
    no_repeat_ngram_size: int = 4
    repetition_penalty: float = 1.0
    alignment: bool = True


@dataclass(frozen=True, slots=True)
class _Segment:
    """Words ``[first, last)`` of one unique source text, sent to the model as one input."""

    text: int
    part: int
    words: tuple[tuple[int, int], ...]
    pieces: list[str]
    piece_word: list[int]

    @classmethod
    def cut(cls, text: int, encoded: Encoded, limit: int) -> list[_Segment]:
        out = []
        for part, (first, last) in enumerate(encoded.segments(limit)):
            chosen = [k for k, w in enumerate(encoded.piece_word) if first <= w < last]
            out.append(cls(text, part, encoded.words, [encoded.pieces[k] for k in chosen],
                           [encoded.piece_word[k] for k in chosen]))
        return out


def _device(device: str) -> str:
    if device != "auto":
        return device
    return "cuda" if ctranslate2.get_cuda_device_count() > 0 else "cpu"


def _workers(device: str, threads: int) -> tuple[int, int]:
    """``(inter_threads, intra_threads)``: on the CPU, parallel single-threaded workers.

    A sentence batch decodes one token at a time with small matrix products, which
    one thread per worker runs more efficiently than several threads sharing one
    product; two workers on two cores halve the latency of a 5-sentence summary.
    """
    if device != "cpu":
        return 1, threads
    total = threads or os.cpu_count() or 1
    workers = min(total, 4)
    return workers, max(1, total // workers)


def _fingerprint(model_bin: Path) -> str:
    stat = model_bin.stat()
    return hashlib.sha1(f"{stat.st_size}:{stat.st_mtime_ns}".encode()).hexdigest()[:12]


class Translator:
    """Arabic→English translation with one loaded model.

    Args:
        model_dir: a model folder (OPUS-MT converted, Argos package or multilingual CTranslate2).
        device: ``"auto"`` (GPU when CTranslate2 sees one), ``"cpu"`` or ``"cuda"``.
        compute_type: CTranslate2 compute type; ``int8`` by default.
        beam_size: overrides ``options.beam_size``.
        options: decoding and batching settings.
        cache: ``True`` for the user cache, a :class:`TranslationCache`, or ``False``/``None`` for none.
        threads: CPU threads to use (0: all cores), as up to 4 parallel workers.

    Raises:
        ModelError: the folder is not a usable model.
    """

    def __init__(
        self,
        model_dir: str | Path,
        *,
        device: str = "auto",
        compute_type: str = "int8",
        beam_size: int | None = None,
        options: TranslateOptions | None = None,
        cache: TranslationCache | bool | None = True,
        threads: int = 0,
    ) -> None:
        self.files = find_model_files(model_dir)
        self.options = options or TranslateOptions()
        if beam_size is not None:
            self.options = replace(self.options, beam_size=beam_size)
        self.device = _device(device)
        if compute_type not in ctranslate2.get_supported_compute_types(self.device):
            log.info("compute type %s not supported on %s; using the default", compute_type, self.device)
            compute_type = "default"
        self._workers, intra = _workers(self.device, threads)
        try:
            self._model = ctranslate2.Translator(str(self.files.ct2_dir), device=self.device,
                                                 compute_type=compute_type, inter_threads=self._workers,
                                                 intra_threads=intra)
        except (RuntimeError, ValueError, OSError) as exc:
            raise ModelError(f"{self.files.root}: the translation model could not be loaded ({exc})") from exc
        self._tokenizer = Tokenizer(self.files)
        manifest = self.files.manifest or {}
        self.model_id: str = str(manifest.get("id") or self.files.root.name)
        self.cache_key = f"{self.model_id}@{_fingerprint(self.files.ct2_dir / 'model.bin')}"
        self._cache = TranslationCache() if cache is True else (cache or None)
        files = self.files
        self._source_column = len(files.source_prefix) + int(files.add_source_bos)
        self._source_suffix = ["</s>"] if files.target_prefix else []

    def translate(
        self,
        texts: Sequence[str],
        *,
        on_result: Callable[[Translation], None] | None = None,
        cancel: Callable[[], bool] | None = None,
    ) -> list[Translation]:
        """Translate ``texts``; ``Translation.index`` is the position in ``texts``.

        ``on_result`` is called once per text as soon as it is finished (cache
        hits first). Raises ``CancelledError`` when ``cancel()`` turns true
        between batches (results delivered before that stay delivered), and
        ``ModelError`` when CTranslate2 fails on a batch.
        """
        results: list[Translation | None] = [None] * len(texts)
        positions: dict[str, list[int]] = {}
        for i, text in enumerate(texts):
            positions.setdefault(text, []).append(i)

        def finish(text: str, target: str, alignment: Alignment) -> None:
            for i in positions[text]:
                results[i] = Translation(i, text, target, list(alignment))
                if on_result is not None:
                    on_result(results[i])

        pending = []
        for text in positions:
            if not text.strip():
                finish(text, "", [])
            else:
                pending.append(text)
        if self._cache is not None and pending:
            hits = self._cache.get_many(self.cache_key, pending)
            for text, hit in hits.items():
                if hit.alignment or not hit.target or not self.options.alignment:
                    finish(text, hit.target, hit.alignment)
            pending = [t for t in pending if results[positions[t][0]] is None]
        if pending:
            self._translate_pending(pending, finish, cancel)
        return [r for r in results if r is not None]

    def _translate_pending(self, pending: list[str], finish: Callable[[str, str, Alignment], None],
                           cancel: Callable[[], bool] | None) -> None:
        segments: list[_Segment] = []
        for n, text in enumerate(pending):
            segments += _Segment.cut(n, self._tokenizer.encode(text), self.options.max_input_tokens)
        parts: list[list[tuple[str, Alignment] | None]] = [[] for _ in pending]
        for seg in segments:
            parts[seg.text].append(None)
        batches = self._batches(segments)
        in_flight: deque[tuple[list[_Segment], list]] = deque()
        while batches or in_flight:
            if cancel is not None and cancel():
                raise CancelledError()  # at most workers + 1 submitted batches finish unseen
            try:
                while batches and len(in_flight) <= self._workers:
                    batch = batches.pop(0)
                    in_flight.append((batch, self._submit(batch)))
                batch, pending_results = in_flight.popleft()
                outputs = self._outputs(batch, pending_results)
            except RuntimeError as exc:  # how CTranslate2 reports a failed batch (e.g. out of memory)
                raise ModelError(f"{self.files.root}: translation failed ({exc})") from exc
            done = []
            for seg, output in zip(batch, outputs, strict=True):
                parts[seg.text][seg.part] = output
                if all(p is not None for p in parts[seg.text]):
                    done.append(seg.text)
            stored = []
            for n in done:
                target, alignment = _join(parts[n])
                stored.append((pending[n], target, alignment))
                finish(pending[n], target, alignment)
            if self._cache is not None:
                self._cache.put_many(self.cache_key, stored)

    def _batches(self, segments: list[_Segment]) -> list[list[_Segment]]:
        """Length-sorted batches of at most ``batch_tokens`` padded source pieces.

        A job that fits in one batch per worker is shared out evenly instead, so
        that every worker decodes part of it at the same time.
        """
        ordered = sorted(segments, key=lambda s: len(s.pieces))
        if sum(len(s.pieces) for s in ordered) <= self.options.batch_tokens * self._workers:
            size = math.ceil(len(ordered) / self._workers)
            return [ordered[i:i + size] for i in range(0, len(ordered), size)]
        batches: list[list[_Segment]] = []
        current: list[_Segment] = []
        for seg in ordered:
            if current and len(seg.pieces) * (len(current) + 1) > self.options.batch_tokens:
                batches.append(current)
                current = []
            current.append(seg)
        if current:
            batches.append(current)
        return batches

    def _submit(self, batch: list[_Segment]) -> list:
        """Queue ``batch`` on the next free worker; returns CTranslate2's pending results."""
        opts = self.options
        files = self.files
        sources = [[*files.source_prefix, *seg.pieces, *self._source_suffix] for seg in batch]
        longest = max(len(seg.pieces) for seg in batch)
        max_length = min(opts.max_decoding_length, int(opts.length_ratio * longest + opts.length_extra))
        prefix = [list(files.target_prefix)] * len(batch) if files.target_prefix else None
        return self._model.translate_batch(
            sources,
            target_prefix=prefix,
            asynchronous=True,
            beam_size=opts.beam_size,
            max_decoding_length=max_length + len(files.target_prefix),
            min_decoding_length=min(opts.min_decoding_length, max_length),
            no_repeat_ngram_size=opts.no_repeat_ngram_size,
            repetition_penalty=opts.repetition_penalty,
            return_attention=opts.alignment,
        )

    def _outputs(self, batch: list[_Segment], pending: list) -> list[tuple[str, Alignment]]:
        """Wait for a submitted batch; its targets and alignments."""
        opts = self.options
        files = self.files
        outputs = []
        for seg, waiting in zip(batch, pending, strict=True):
            result = waiting.result()
            pieces = result.hypotheses[0][len(files.target_prefix):]
            target, spans, target_piece_word = self._tokenizer.decode(pieces)
            alignment: Alignment = []
            if opts.alignment and result.attention:
                alignment = word_alignment(
                    result.attention[0], source_words=seg.words, source_piece_word=seg.piece_word,
                    source_column=self._source_column, target_spans=spans,
                    target_piece_word=target_piece_word)
            outputs.append((target, alignment))
        return outputs


def _join(parts: list[tuple[str, Alignment] | None]) -> tuple[str, Alignment]:
    """Rejoin the translations of a text's segments, shifting target spans."""
    texts: list[str] = []
    alignment: Alignment = []
    offset = 0
    for part in parts:
        assert part is not None
        target, spans = part
        if not target:
            continue
        if texts:
            offset += 1
        alignment.extend((s0, s1, t0 + offset, t1 + offset) for s0, s1, t0, t1 in spans)
        texts.append(target)
        offset += len(target)
    return " ".join(texts), alignment


def translate_article(
    article: Article,
    translator: Translator,
    indices: Sequence[int] | None = None,
    *,
    on_sentence: Callable[[Translation], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> None:
    """Translate the article's sentences (all, or ``indices``) and its headline in place.

    Fills ``article.translations[i]``, ``article.title_translation`` and
    ``article.model_id``. Sentences already translated by the same model are
    skipped; translations by another model are dropped first. Each finished
    sentence is passed to ``on_sentence``.

    Raises:
        CancelledError: ``cancel()`` turned true; finished sentences are kept.
    """
    translate_articles([(article, indices)], translator, cancel=cancel,
                       on_sentence=None if on_sentence is None else lambda _article, t: on_sentence(t))


def translate_articles(
    plan: Sequence[tuple[Article, Sequence[int] | None]],
    translator: Translator,
    *,
    on_sentence: Callable[[Article, Translation], None] | None = None,
    on_done: Callable[[Article], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> None:
    """:func:`translate_article` for each ``(article, indices)`` of ``plan``, in one
    :meth:`Translator.translate` call (its batches mix the articles' sentences).

    ``on_done(article)`` follows an article's last sentence and headline (at once when
    it has nothing to translate). Raises as :meth:`Translator.translate` does; what
    finished before stays in the articles.
    """
    texts: list[str] = []
    owners: list[tuple[int, int | None]] = []  # (plan entry, sentence index or None for the headline)
    left: list[int] = []
    for article, indices in plan:
        if article.model_id != translator.model_id:
            article.translations.clear()
            article.title_translation = ""
            article.model_id = translator.model_id
        wanted = range(len(article.sentences)) if indices is None else indices
        todo = [i for i in dict.fromkeys(wanted) if i not in article.translations]
        texts += [article.sentences[i].text for i in todo]
        owners += [(len(left), i) for i in todo]
        count = len(todo)
        if article.title.strip() and not article.title_translation:
            texts.append(article.title)
            owners.append((len(left), None))
            count += 1
        left.append(count)
    if on_done is not None:
        for (article, _), count in zip(plan, left, strict=True):
            if not count:
                on_done(article)

    def on_result(result: Translation) -> None:
        n, index = owners[result.index]
        article = plan[n][0]
        if index is None:
            article.title_translation = result.target
        else:
            translation = Translation(index, result.source, result.target, result.alignment)
            article.translations[index] = translation
            if on_sentence is not None:
                on_sentence(article, translation)
        left[n] -= 1
        if not left[n] and on_done is not None:
            on_done(article)

    translator.translate(texts, on_result=on_result, cancel=cancel)

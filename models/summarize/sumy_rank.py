"""sumy's algorithms run on our sentences, tokens, stemmer and stop words.

The Article's sentences become a sumy ``ObjectDocumentModel`` one-to-one (one
sumy ``Paragraph`` per article paragraph, the headline as a heading), so the
``order`` sumy reports is the article sentence index. Every summariser is asked
to rank all sentences; the length is applied afterwards by our own code.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import groupby

from models.arabic import STOP_WORD_FORMS, stem, words
from models.article import Article

SUMY_ALGORITHMS = ("lexrank", "textrank", "lsa", "luhn", "kl", "sumbasic", "reduction", "edmundson")
# Methods defined on word probabilities compare surface words (matching form); conflating
# them into stems inflates a few stems' probabilities. Vector-space methods use light stems.
WORD_PROBABILITY = frozenset({"sumbasic", "kl"})

# Edmundson cue words (matching forms, stemmed by sumy through our stemmer).
# Bonus: words that announce a central statement in news and expository text.
BONUS_WORDS = (
    "اعلن", "اكد", "قرر", "كشف", "اهم", "ابرز", "رئيسي", "اساسي", "الرئيسيه", "يعد", "يعتبر", "تعتبر",
    "تعد", "عباره", "يعرف", "هدف", "نتيجه", "خلاصه", "ضروره", "اول",
)
# Stigma: hedges, asides and examples.
STIGMA_WORDS = ("ربما", "احيانا", "مثلا", "مثال", "كذلك", "ايضا", "بعض", "قد", "يبدو", "يقال", "اشاعه")


def _surface(word: str) -> str:
    """The matching form itself (our tokens are already normalised)."""
    return word


class _Tokenizer:
    """sumy tokenizer protocol: our sentences are already split; words are matching forms."""

    language = "arabic"

    @staticmethod
    def to_sentences(text: str) -> tuple[str, ...]:
        return (text,)

    @staticmethod
    def to_words(text: str) -> tuple[str, ...]:
        return tuple(words(text))


def build_document(article: Article):
    """A sumy document whose sentences are the article's sentences, in order."""
    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence

    tokenizer = _Tokenizer()
    paragraphs = []
    for _, group in groupby(article.sentences, key=lambda s: s.paragraph):
        paragraphs.append([Sentence(s.text, tokenizer) for s in group])
    if article.title and paragraphs:
        paragraphs[0].insert(0, Sentence(article.title, tokenizer, is_heading=True))
    return ObjectDocumentModel([Paragraph(p) for p in paragraphs])


def _summarizer(name: str):
    from sumy.summarizers.edmundson import EdmundsonSummarizer
    from sumy.summarizers.kl import KLSummarizer
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.lsa import LsaSummarizer
    from sumy.summarizers.luhn import LuhnSummarizer
    from sumy.summarizers.reduction import ReductionSummarizer
    from sumy.summarizers.sum_basic import SumBasicSummarizer
    from sumy.summarizers.text_rank import TextRankSummarizer

    classes: dict[str, Callable] = {
        "lexrank": LexRankSummarizer, "textrank": TextRankSummarizer, "lsa": LsaSummarizer,
        "luhn": LuhnSummarizer, "kl": KLSummarizer, "sumbasic": SumBasicSummarizer,
        "reduction": ReductionSummarizer, "edmundson": EdmundsonSummarizer,
    }
    summarizer = classes[name](_surface if name in WORD_PROBABILITY else stem)
    if name == "edmundson":
        summarizer.null_words = STOP_WORD_FORMS  # sumy compares whole tokens
        summarizer.bonus_words = BONUS_WORDS
        summarizer.stigma_words = STIGMA_WORDS
    else:
        summarizer.stop_words = STOP_WORD_FORMS
    return summarizer


def rank(article: Article, name: str) -> list[int]:
    """All sentence indices of ``article``, best first, as sumy's ``name`` rates them."""
    n = len(article.sentences)
    if n < 2 or not any(w not in STOP_WORD_FORMS for s in article.sentences for w in words(s.text)):
        return list(range(n))  # nothing to compare: keep article order
    ranked = []

    def take_all(infos):  # sumy passes every sentence sorted by rating, best first
        ranked.extend(info.order for info in infos)
        return infos

    _summarizer(name)(build_document(article), take_all)
    return ranked

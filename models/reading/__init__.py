"""Reading article files into :class:`~models.article.Article`.

``read_article(path)`` handles .txt (any common Arabic encoding), .md, .html,
.docx and .pdf; ``article_from_text(text)`` builds an Article from text that is
already decoded. Both recognise headline, dateline, source and keywords.
"""

from models.reading.reader import SUPPORTED_SUFFIXES, read_article
from models.reading.structure import article_from_text

__all__ = ["SUPPORTED_SUFFIXES", "article_from_text", "read_article"]

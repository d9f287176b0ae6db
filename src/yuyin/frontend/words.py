"""Chinese word segmentation (jieba), shared by the length budget and g2p.

Owns the one private ``jieba.Tokenizer`` of the front end: created and loaded lazily on first
use (the dictionary load takes about a second, from jieba's cache after the first run), under a
lock, so any number of threads may call :func:`cut_words` at once. A private tokenizer keeps
words added to jieba's global one elsewhere in the process from changing what we say.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator

import jieba

_lock = threading.Lock()
_tokenizer: jieba.Tokenizer | None = None


def _loaded_tokenizer() -> jieba.Tokenizer:
    global _tokenizer
    if _tokenizer is None:
        with _lock:
            if _tokenizer is None:
                # jieba reports each dictionary load at DEBUG level on stderr; keep it quiet.
                logging.getLogger("jieba").setLevel(logging.WARNING)
                tokenizer = jieba.Tokenizer()
                tokenizer.initialize()
                _tokenizer = tokenizer
    return _tokenizer


def cut_words(text: str) -> list[str]:
    """Split ``text`` into words; their concatenation is ``text`` again, spaces included."""
    return list(_loaded_tokenizer().cut(text))


def cut_words_lazily(text: str, window: int = 200) -> Iterator[str]:
    """Like :func:`cut_words`, but cut ``window`` characters at a time, so the first words of a
    very long text come at once. The last word of each window may have been cut by the window's
    edge, so it is cut again together with the next window."""
    start = 0
    while start < len(text):
        end = start + window
        words = cut_words(text[start:end])
        if end < len(text) and len(words) > 1:
            words.pop()
        yield from words
        start += sum(len(word) for word in words)

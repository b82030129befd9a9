"""The CRF that labels the tokens of a reference string (model file shipped in the package).

The model is read on first use (``model.crfsuite`` beside this module, built by
``python -m peerkg.references.train``); nothing is downloaded.
"""

from __future__ import annotations

import threading
from importlib import resources

import pycrfsuite

from peerkg.references.tokens import Token, features, tokenize

__all__ = ["MODEL_FILE", "tag", "LABELS"]

MODEL_FILE = "model.crfsuite"
#: every label the model gives (the field a token belongs to; ``O`` for style punctuation and markers)
LABELS = ("af", "ag", "as", "ef", "eg", "es", "year", "date", "title", "container", "volume", "issue", "pages",
          "publisher", "place", "edition", "genre", "doi", "url", "accessed", "note", "O")

_local = threading.local()


def _tagger() -> pycrfsuite.Tagger:
    tagger = getattr(_local, "tagger", None)
    if tagger is None:
        ref = resources.files("peerkg.references").joinpath(MODEL_FILE)
        with resources.as_file(ref) as path:
            if not path.is_file():
                raise FileNotFoundError(
                    f"{path}: the reference model is missing; build it with `python -m peerkg.references.train`")
            tagger = pycrfsuite.Tagger()
            tagger.open(str(path))
        _local.tagger = tagger
    return tagger


def tag(text: str) -> tuple[list[Token], list[str], list[float]]:
    """Tokens of ``text``, the label of each and the model's probability for that label."""
    tokens = tokenize(text)
    if not tokens:
        return [], [], []
    tagger = _tagger()
    labels = tagger.tag(features(tokens))
    probs = [tagger.marginal(y, i) for i, y in enumerate(labels)]
    return tokens, labels, probs

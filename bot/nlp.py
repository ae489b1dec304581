"""The project's own spaCy pipeline: blank English plus a lookup lemmatiser.

No pretrained English model can be installed here, so everything that needs
tokens or lemmas (the NLU pipeline, the risk detector) starts from this.
"""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language


def english_pipeline() -> Language:
    """Build a blank English pipeline with the lookup lemmatiser.

    The lemma tables come from ``spacy-lookups-data`` (installed, not
    downloaded), so this works offline.

    Returns:
        A new, initialised ``Language`` object.
    """
    nlp = spacy.blank("en")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()
    return nlp


@lru_cache(maxsize=1)
def shared_english_pipeline() -> Language:
    """Return one process-wide pipeline for read-only use (built on first call)."""
    return english_pipeline()

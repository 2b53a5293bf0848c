"""How much of a question's rarer words a procedure's text holds (IDF-weighted).

A question about "permis de chasse" shares "permis" with several pages but "chasse" with none:
that missing rare word is the sign that the corpus does not cover the question.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

from indexing.lexical import Analyzer
from indexing.models import Language, ProcedureDocument


class CoverageMeter:
    def __init__(self, documents: Sequence[ProcedureDocument]) -> None:
        self._analyzers = {language: Analyzer(language) for language in Language}
        self._terms: dict[tuple[str, Language], set[str]] = {}
        frequencies: dict[Language, Counter[str]] = {language: Counter() for language in Language}
        for document in documents:
            terms = set(self._analyzers[document.language].terms(_text(document)))
            self._terms[(document.doc_id, document.language)] = terms
            frequencies[document.language].update(terms)
        counts = Counter(document.language for document in documents)
        self._idf = {language: {term: math.log((counts[language] + 1) / (df + 0.5))
                                for term, df in frequencies[language].items()}
                     for language in Language}
        self._unknown = {language: math.log((counts[language] + 1) / 0.5) for language in Language}

    def coverage(self, question: str, language: Language, doc_id: str) -> float:
        wanted = set(self._analyzers[language].terms(question))
        if not wanted:
            return 0.0
        held = self._terms.get((doc_id, language), set())
        weights = {term: self._idf[language].get(term, self._unknown[language]) for term in wanted}
        total = sum(weights.values())
        return sum(w for term, w in weights.items() if term in held) / total if total else 0.0

    def unknown_share(self, question: str, language: Language) -> float:
        """The share of the question's terms that no document of that language holds."""
        wanted = set(self._analyzers[language].terms(question))
        if not wanted:
            return 0.0
        return sum(term not in self._idf[language] for term in wanted) / len(wanted)


def _text(document: ProcedureDocument) -> str:
    return "\n".join([document.title, document.summary, " ".join(document.keywords),
                      *(section.text for section in document.sections),
                      *(question.text for question in document.questions)])

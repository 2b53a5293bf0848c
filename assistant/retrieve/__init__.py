"""Finding what answers a question: passages (dense + BM25, fused) and example questions, then one ranker of procedures."""

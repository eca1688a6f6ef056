"""NER evaluation: gold-standard loaders for the shared Russian NER datasets and a scorer.

A system under test is any callable ``predict(text) -> list[Prediction]``; the loaders in
:mod:`svodka.evaluation.ner_data` yield :class:`~svodka.evaluation.mentions.NerDocument` and
:mod:`svodka.evaluation.scoring` compares the two. ``benchmarks/ner_benchmark.py`` runs systems
side by side.
"""

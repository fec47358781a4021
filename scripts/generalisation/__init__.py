"""A generalisation corpus: the 69 ledger facts in several wordings, producers and layouts.

`wordings/` holds the texts (the shipped reconstruction's, imported, plus wordings written for
the corpus), `producers/` lays a text out as a PDF (reportlab, HTML printed by Chromium, a flat
ODT exported by LibreOffice), `corpus.py` lists the renderings, `pipeline.py` runs the
pipeline on them through its command line and `scoring.py` compares the marts to the ledger.
Nothing here is imported by the pipeline.
"""

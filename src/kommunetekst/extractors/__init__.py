"""One module per extractor; see ``_template.py`` and ``kommunetekst.registry``."""

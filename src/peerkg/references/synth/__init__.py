"""Synthetic labelled reference strings, the CRF's training data.

:mod:`.records` draws bibliographic records (people of many cultures, organisations, titles of this
literature, journals, publishers, places), :mod:`.styles` renders each in a citation style as
labelled segments, :mod:`.damage` adds what real scrapes do to them. Everything is driven by one
``random.Random`` so a seed gives the same data every time.
"""

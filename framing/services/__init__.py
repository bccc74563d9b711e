"""Use cases the web pages, the JSON API and the command line share.

Each function takes the stores and the analyzer it needs as arguments and
returns plain results; none of them knows about requests, forms or
terminals. They raise :class:`framing.validation.ValidationError` for input
they refuse, or the engine's and stores' own errors (``TextTooLarge``,
``InputError``, ``ProfileNotFound``, ``PitchNotFound``), and each surface
words those for its readers.

- :mod:`.limits`: the one too-long check for pasted or posted text.
- :mod:`.checking`: check a draft against a stored profile or a sector.
- :mod:`.pitches`: save a draft as a new pitch or a new version of one.
- :mod:`.comparing`: score framing variants against profiles and sectors.

The campaign use cases (the dashboard) are in :mod:`campaigns.services`.
"""

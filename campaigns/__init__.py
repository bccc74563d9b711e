"""Media-campaign drafts: pieces per channel and their channel constraints.

:mod:`campaigns.channels` loads the channel limits (word and character
limits, radio PSA lengths at a speaking rate, SMS segments) from
``lexicons/channels.yaml`` and measures a piece against them.
"""

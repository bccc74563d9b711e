"""Media-campaign drafts: pieces per channel, immutable versions, review and partner approval.

:mod:`campaigns.store` (``CampaignStore``) keeps campaigns, pieces, versions,
review decisions, comments and the audit log; :mod:`campaigns.workflow` the
status rules; :mod:`campaigns.links` partner approval links;
:mod:`campaigns.piece_checks` the stored findings and the dashboard (engine plus
:mod:`campaigns.copy_rules`); :mod:`campaigns.channels` the channel limits;
:mod:`campaigns.calendar` and :mod:`campaigns.export` the ICS, CSV and HTML
exports; :mod:`campaigns.cli` the ``framing campaign`` commands. Nothing here
imports Flask.
"""

"""The staff surfaces: moderator review screen, school portal, counsellor view."""

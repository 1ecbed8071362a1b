"""Ozvi se: the application shell (configuration, app factory, command line).

The domain lives in the sibling packages: ``intake`` (submission), ``crypto`` (keys and
envelopes), ``ner`` (Czech personal-data detection), ``review_ui`` (moderation, school
portal, counsellors) and ``models`` (the one schema).
"""

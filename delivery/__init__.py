"""Delivery of moderated reports: to the school portal, or as a password-protected PDF,
and every outgoing e-mail through the transactional outbox."""

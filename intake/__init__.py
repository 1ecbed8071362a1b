"""Intake: the pupil's web form, the JSON API for the mobile app, and the pipeline that
validates, pseudonymises, encrypts and stores each report in one transaction."""

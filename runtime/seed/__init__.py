"""Seed data: holiday calendar, reference lists, demo office and users, the sample catalogue."""

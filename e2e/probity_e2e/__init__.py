"""Shared helpers for Probity's browser journeys, API fuzzing and crash tests."""

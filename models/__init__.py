"""Khulasa's engine: reading, Arabic text handling, summarising, translating,
entity recognition, model storage and briefing content. Never imports Qt."""

__version__ = "0.1.0"

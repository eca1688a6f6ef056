"""Turning raw documents into clean articles: decoding, layout, metadata."""

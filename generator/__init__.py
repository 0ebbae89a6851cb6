"""On Record: turn a folder of transcripts into a public, searchable static website."""

__version__ = "0.1.0"

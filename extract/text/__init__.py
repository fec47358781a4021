"""Numbers in prose: French number, qualifier and period parsing, sentences and mentions."""

from extract.text.mentions import mentions_on_page

__all__ = ["mentions_on_page"]

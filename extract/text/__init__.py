"""Numbers in prose: French number, qualifier and period parsing, sentences and mentions."""

from extract.text.mentions import ProseReader, mentions_on_page

__all__ = ["ProseReader", "mentions_on_page"]

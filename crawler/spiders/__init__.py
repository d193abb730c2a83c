"""The crawler's spiders: ``articles`` (discover and extract) and ``replay`` (re-extract)."""

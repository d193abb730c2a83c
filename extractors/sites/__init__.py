"""Site extractors, one module per site, named after its domain.

Every module in this package is imported when the registry is first used, so
adding a site is adding a file. See README.md, "Adding a site extractor".
"""

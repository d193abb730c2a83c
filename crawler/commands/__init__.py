"""Project commands for ``scrapy`` (``COMMANDS_MODULE``): news, extract, savefixture, quality."""

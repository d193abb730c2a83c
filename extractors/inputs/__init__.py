"""Pages as people have them: files, folders, standard input and WARC files.

- :mod:`~extractors.inputs.base`: :class:`InputPage` (bytes to extract, with
  what the source says of them) and :class:`Skipped` (what is no page, and why);
- :mod:`~extractors.inputs.files`: :func:`read_inputs`, which takes what a
  command line names (files, folders, ``-``) and yields both;
- :mod:`~extractors.inputs.warc`: the pages of a ``.warc`` or ``.warc.gz`` file;
- :mod:`~extractors.inputs.dumps`: text dumps and WET files, in groups of dumps
  to judge together.

Nothing here extracts: ``newsclean extract`` (:mod:`extractors.cli`) hands each
page to :func:`extractors.extract` and each group of dumps to
:func:`extractors.textdump.extract_texts`. May import :mod:`extractors.limits`,
:mod:`extractors.page.decode` (a dump is decoded as a page is),
:mod:`extractors.textdump.wet` (the WET reader), the standard library and
fastwarc; nothing else of the package, and no Scrapy.
"""

from extractors.inputs.base import InputPage, Skipped
from extractors.inputs.files import PAGE_SUFFIXES, read_inputs

__all__ = ["PAGE_SUFFIXES", "InputPage", "Skipped", "read_inputs"]

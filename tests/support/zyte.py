"""Check an item in zyte-common-items' names with the zyte-common-items package itself."""

from __future__ import annotations

import re
import types
from typing import Any, Union, get_args, get_origin, get_type_hints

import attrs
from zyte_common_items import Article as ZyteArticle
from zyte_common_items import Item
from zyte_common_items.serialization import ZCEItemAdapter

# zyte-common-items' documented format of metadata.dateDownloaded.
DATE_DOWNLOADED = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ")
OWN_KEY = "newsclean"  # written out here, not imported: the test states the format


def _check_type(value: Any, hint: Any, where: str) -> list[str]:
    """Where ``value`` does not match the annotation ``hint`` of zyte-common-items."""
    origin = get_origin(hint)
    if origin in (Union, types.UnionType):
        if value is None and type(None) in get_args(hint):
            return []
        hint = next(a for a in get_args(hint) if a is not type(None))
        origin = get_origin(hint)
    if origin is list:
        if not isinstance(value, list):
            return [f"{where} is {type(value).__name__}, not a list"]
        (inner,) = get_args(hint)
        return [p for i, v in enumerate(value) for p in _check_type(v, inner, f"{where}[{i}]")]
    if origin is dict:
        return [] if isinstance(value, dict) else [f"{where} is not a dict"]
    if isinstance(hint, type) and issubclass(hint, Item):
        return _problems(value, where) if isinstance(value, hint) else [f"{where} is no {hint}"]
    if hint is float and isinstance(value, int):
        return []
    return [] if isinstance(value, hint) else [f"{where} is {value!r}, not {hint.__name__}"]


def _problems(item: Item, where: str) -> list[str]:
    """Unknown keys inside zyte's own objects, and values of the wrong type."""
    hints = get_type_hints(type(item))
    found = [f"{where}.{key}: unknown" for key in item._unknown_fields_dict]
    for field in attrs.fields(type(item)):
        found += _check_type(getattr(item, field.name), hints[field.name], f"{where}.{field.name}")
    return found


def validate_zyte_article(line: dict[str, Any]) -> ZyteArticle:
    """Read ``line`` as zyte-common-items' ``Article`` and check that it is one.

    Every key is a field of zyte's Article but ``newsclean`` (the fields zyte has
    no name for); every value has the type zyte's annotations give; nested
    objects (authors, mainImage, metadata) hold zyte's fields only; and zyte's
    own serializer writes the item back as ``line`` (plus its default
    ``metadata.probability``). Raises AssertionError saying what is wrong.
    """
    item = ZyteArticle.from_dict(line)
    own = item._unknown_fields_dict.pop(OWN_KEY, None)
    assert own is None or isinstance(own, dict), own
    problems = _problems(item, "Article")
    assert not problems, "\n".join(problems)
    if item.metadata is not None and item.metadata.dateDownloaded is not None:
        assert DATE_DOWNLOADED.fullmatch(item.metadata.dateDownloaded), item.metadata
        assert item.metadata.get_date_downloaded_parsed() is not None
    if own is not None:
        item._unknown_fields_dict[OWN_KEY] = own
    expected = dict(line)
    if "metadata" in expected:
        expected["metadata"] = {"probability": 1.0, **expected["metadata"]}
    assert ZCEItemAdapter(item).asdict() == expected
    return item

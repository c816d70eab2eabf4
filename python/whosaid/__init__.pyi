"""Type stubs of whosaid: records are dicts shaped as JSONL lines (see schema())."""

import datetime
from typing import Any, Iterable, Iterator, Literal, Mapping, Optional, TypedDict, Union

Offsets = Literal["chars", "bytes", "utf16"]
DateLike = Union[str, datetime.date, None]
Record = dict[str, Any]
"""A record: {"id", "offsets", "quotes", "speakers", "posts", "non_speech", "flags",
"metadata"[, "text"]}, or {"id", "error"} for a document that could not be analysed."""

class FlagKindInfo(TypedDict):
    id: str
    doc: str
    note: bool

__version__: str
STATEMENT_COLUMNS: list[str]
POST_COLUMNS: list[str]

def extract(
    text: str,
    *,
    id: Union[str, int, None] = None,
    date: DateLike = None,
    html: bool = False,
    offsets: Offsets = "chars",
    emit_text: bool = False,
    doubled_apostrophes: bool = False,
) -> Record: ...
def extract_many(
    docs: Iterable[Union[str, Mapping[str, Any]]],
    *,
    threads: Optional[int] = None,
    date: DateLike = None,
    html: bool = False,
    offsets: Offsets = "chars",
    emit_text: bool = False,
    doubled_apostrophes: bool = False,
) -> Iterator[Record]: ...
def review(
    text: str,
    *,
    id: Union[str, int, None] = None,
    date: DateLike = None,
    html: bool = False,
    offsets: Offsets = "chars",
) -> Record: ...
def html_report(text: str, *, title: str = "", date: DateLike = None, html: bool = False) -> str: ...
def schema() -> dict[str, Any]: ...
def flag_kinds() -> list[FlagKindInfo]: ...
def statements_frame(records: Union[Record, Iterable[Record]]) -> Any:
    """A pandas.DataFrame (pandas is the optional extra whosaid[pandas])."""
def posts_frame(records: Union[Record, Iterable[Record]]) -> Any:
    """A pandas.DataFrame (pandas is the optional extra whosaid[pandas])."""

"""HTML pages to text: the page's main text, one block per line (needs the ``html`` extra).

Parsed with selectolax (the Lexbor engine: the HTML Standard's parsing, so a page
with unclosed ``<p>`` and ``<li>`` tags gives the tree a browser would show), then
walked once to write the text in the shape of :mod:`kommunetekst.convert._blocks`.

**Main text.** Municipal pages put the municipality's switchboard number, address
and e-mail in the header and footer of every page, and menus of links around
the article. Those are not the page's own words, and their phone numbers are not
the page's phone numbers. So, unless ``whole_page`` is asked for:

- the walk starts at the page's main content: its ``<main>`` (or ``role="main"``),
  else its only ``<article>``, else the element whose id or class names the
  content (``content``, ``main-content``, ``innhold``, ``hovedinnhold``, …), else
  ``<body>``;
- it leaves out navigation (``<nav>``, ``role="navigation"``), page headers and
  footers (``<header>``/``<footer>`` outside an article, ``role="banner"`` and
  ``"contentinfo"``), asides outside an article, search forms, and elements whose
  id or class says they are menus, breadcrumbs, cookie notices, share buttons
  or the like (in Norwegian too: ``meny``, ``brødsmuler``, ``bunntekst``);
- when that leaves nothing, the whole ``<body>`` is read with the same rules.

Always left out: ``<head>``, scripts, styles, ``<noscript>``, templates, forms'
buttons and inputs, images (their ``alt`` text is no part of the text),
embedded objects, and elements marked ``hidden`` or ``aria-hidden``.

**Shape.** Headings, paragraphs and other blocks are lines with a blank line
between them; ``<br>`` starts a new line of the same block; ``<li>`` items are
``• item`` or ``N. item`` lines; table rows are lines with cells separated by
``|``, except layout tables (a cell that holds headings, lists, paragraphs or
another table), whose cells are read as blocks; ``<pre>`` keeps its lines.
Whitespace inside a block is collapsed as a browser does; no-break spaces stay.

**Encoding.** A byte order mark wins, then a ``<meta charset>`` (or
``http-equiv`` content type) in the first 1024 bytes, as the HTML Standard says;
without a declaration the bytes are decoded by :func:`kommunetekst.decoding.decode_bytes`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..decoding import Decoded, decode_bytes, decode_declared
from ..errors import MissingExtraError
from ._blocks import BULLET, CELL_SEPARATOR, TextBuilder

if TYPE_CHECKING:
    from selectolax.lexbor import LexborNode

# The HTML Standard looks for a charset declaration in the first 1024 bytes.
_META_CHARSET_RE = re.compile(
    rb"""<meta\b[^>]*?\bcharset\s*=\s*["']?\s*(?P<label>[A-Za-z0-9_.:-]+)""", re.IGNORECASE
)

# Elements whose content is never text of the page.
_SKIP = frozenset(
    """head title script style noscript template svg math iframe object embed canvas
    video audio map select option button input textarea img picture source track
    meta link base area""".split()
)
# Elements that start and end a block.
_BLOCKS = frozenset(
    """address article aside blockquote body caption center details dialog dir div dl dt dd
    fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html legend
    li main menu nav ol p pre section summary table tbody thead tfoot tr td th ul""".split()
)
_LISTS = frozenset({"ul", "ol", "menu", "dir"})
_CELLS = frozenset({"td", "th"})
# Under these, a cell holds text laid out as a page, not a value: a layout table.
_LAYOUT_CELL_CONTENT = ", ".join(
    f"{cell} {inner}"
    for cell in ("td", "th")
    for inner in ("table", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "p ~ p")
)

# ids and classes that name the page's main content, most specific first.
_CONTENT_NAMES = (
    "hovedinnhold",
    "main-content",
    "maincontent",
    "main_content",
    "page-content",
    "pagecontent",
    "innhold",
    "content",
)
# Words in an id or class that mark page furniture, wherever it stands.
_FURNITURE = frozenset(
    """breadcrumb breadcrumbs brodsmuler brødsmuler brødsmulesti cookie cookies consent gdpr
    skiplink share sharing social deling print""".split()
)
# Words in an id or class that mark the page's frame: not used inside an article,
# where a "header" or a "menu" is the article's own.
_FRAME = frozenset(
    """nav navbar navigation menu meny mainmenu topmenu submenu hovedmeny toppmeny megamenu
    header masthead topbar sitetop footer bunn bunntekst sidebar sidemeny search searchbox
    sok søk toolbar banner""".split()
)
_FRAME_ROLES = frozenset({"navigation", "banner", "contentinfo", "search"})
_SPLIT_NAMES_RE = re.compile(r"[^0-9a-zæøå]+")
_HTML_SPACE_RE = re.compile(r"[ \t\n\r\f]+")
_HIDDEN_STYLE_RE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


def decode_html(data: bytes) -> Decoded:
    """The page's text: by its byte order mark, else its declared charset, else as plain text."""
    match = _META_CHARSET_RE.search(data, 0, 1024)
    if match and not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        decoded = decode_declared(data, match.group("label").decode("ascii"))
        if decoded is not None:
            return decoded
    return decode_bytes(data)


def html_to_text(markup: str, whole_page: bool = False) -> tuple[str, bool]:
    """The text of an HTML page, and whether the page had text outside the main text.

    Raises:
        MissingExtraError: when selectolax is not installed.
    """
    try:
        from selectolax.lexbor import LexborHTMLParser
    except ImportError as e:
        raise MissingExtraError("html", "an HTML page") from e
    tree = LexborHTMLParser(markup)
    body = tree.body
    if body is None:
        return "", False
    if whole_page:
        return _render(body, trim=False), False
    root = _main_root(tree) or body
    text = _render(root, trim=True)
    if not text and root is not body:
        text = _render(body, trim=True)
    return text, (not text and bool(_render(body, trim=False)))


def _main_root(tree: object) -> LexborNode | None:
    from selectolax.lexbor import LexborHTMLParser

    assert isinstance(tree, LexborHTMLParser)
    for selector in ("main", "[role=main]", "article"):
        found = [n for n in tree.css(selector) if not _hidden(n)]
        if len(found) == 1 or (found and selector != "article"):
            return found[0]
    for name in _CONTENT_NAMES:
        node = tree.css_first(f"#{name}") or tree.css_first(f".{name}")
        if node is not None:
            return node
    return None


def _hidden(node: LexborNode) -> bool:
    attrs = node.attributes
    if "hidden" in attrs or attrs.get("aria-hidden") == "true":
        return True
    style = attrs.get("style")
    return bool(style and _HIDDEN_STYLE_RE.search(style))


def _names(node: LexborNode) -> set[str]:
    """The words of an element's id and class: ``site-footer`` gives site, footer, sitefooter."""
    attrs = node.attributes
    value = f"{attrs.get('id') or ''} {attrs.get('class') or ''}".lower()
    words = set(_SPLIT_NAMES_RE.split(value))
    words.update(name.replace("-", "").replace("_", "") for name in value.split())
    return words


def _is_furniture(node: LexborNode, tag: str, in_article: bool) -> bool:
    """Whether an element is navigation, a page header or footer, or other page furniture."""
    if tag == "nav":
        return True
    if tag in ("header", "footer", "aside") and not in_article:
        return True
    role = node.attributes.get("role")
    if role in _FRAME_ROLES or (role == "complementary" and not in_article):
        return True
    if "id" not in node.attributes and "class" not in node.attributes:
        return False
    names = _names(node)
    return not names.isdisjoint(_FURNITURE) or (not in_article and not names.isdisjoint(_FRAME))


def _children(node: LexborNode) -> Iterator[LexborNode]:
    child = node.child
    while child is not None:
        yield child
        child = child.next


def _render(root: LexborNode, trim: bool) -> str:
    """The text of ``root`` in block shape; ``trim`` leaves page furniture out."""
    out = TextBuilder()
    # (counter of an ordered list, or None) per open list, innermost last
    lists: list[list[int] | None] = []
    cell_depth = 0  # open cells of data tables: blocks inside a cell are spaces
    pre_depth = 0
    layout_tables: dict[int, bool] = {}  # table -> whether it lays out a page
    data_cells: set[int] = set()  # cells of data tables
    article_depth = 0
    # The walk: (node, True) enters an element, (node, False) leaves it. A stack, not
    # recursion: a page may nest elements thousands deep.
    stack: list[tuple[LexborNode, bool]] = [(root, True)]
    while stack:
        node, entering = stack.pop()
        tag = node.tag or ""
        if not entering:
            if tag in _LISTS:
                lists.pop()
                if not lists:
                    out.block_break()
            elif tag == "article":
                article_depth -= 1
            elif tag == "pre":
                pre_depth -= 1
            if node.mem_id in data_cells:
                cell_depth -= 1
            elif tag == "tr" and _table_is_data(node, layout_tables):
                out.line_break()
            elif tag in _BLOCKS:
                _end_block(out, tag, lists, cell_depth)
            continue
        if tag == "-text":
            _add_text(out, node.text_content or "", pre_depth)
            continue
        if tag in _SKIP or tag.startswith("-") or _hidden(node):
            continue
        if trim and node is not root and _is_furniture(node, tag, article_depth > 0):
            continue
        if tag == "br":
            if cell_depth:
                out.add(" ")
            else:
                out.line_break()
            continue
        if tag in _LISTS:
            lists.append([0] if tag == "ol" else None)
            if len(lists) == 1:
                out.block_break()
        elif tag == "li" and lists:
            counter = lists[-1]
            if counter is None:
                mark = BULLET
            else:
                counter[0] += 1
                mark = f"{counter[0]}."
            out.start_item(mark, len(lists) - 1)
        elif tag == "article":
            article_depth += 1
        elif tag == "pre":
            pre_depth += 1
        if tag == "table":
            layout_tables[node.mem_id] = _is_layout_table(node)
            out.block_break()
        elif tag in _CELLS and _table_is_data(node, layout_tables):
            if not _first_cell(node):
                out.add(CELL_SEPARATOR.lstrip(" ") if out.ends_with_space() else CELL_SEPARATOR)
            cell_depth += 1
            data_cells.add(node.mem_id)
        elif tag == "tr" and _table_is_data(node, layout_tables):
            out.line_break()
        elif tag in _BLOCKS and tag != "li":
            _start_block(out, lists, cell_depth)
        stack.append((node, False))
        children = list(_children(node))
        stack.extend((child, True) for child in reversed(children))
    text, _ = out.finish()
    return text


def _add_text(out: TextBuilder, text: str, pre_depth: int) -> None:
    if pre_depth:
        lines = text.split("\n")
        for i, line in enumerate(lines):
            if i:
                out.line_break()
            out.add(line)
        return
    text = _HTML_SPACE_RE.sub(" ", text)
    if text.startswith(" ") and out.ends_with_space():
        text = text[1:]
    out.add(text)


def _start_block(out: TextBuilder, lists: list[list[int] | None], cell_depth: int) -> None:
    if cell_depth:  # a paragraph inside a table cell: the cell stays one line
        if not out.ends_with_space():
            out.add(" ")
    elif lists:  # a paragraph inside a list item: the item's next line
        out.line_break()
    else:
        out.block_break()


def _end_block(out: TextBuilder, tag: str, lists: list[list[int] | None], cell_depth: int) -> None:
    if tag == "li" or (lists and tag not in _LISTS):
        out.line_break()
    else:
        _start_block(out, lists, cell_depth)


def _table_of(node: LexborNode) -> LexborNode | None:
    parent = node.parent
    while parent is not None and parent.tag != "table":
        parent = parent.parent
    return parent


def _table_is_data(node: LexborNode, layout_tables: dict[int, bool]) -> bool:
    table = _table_of(node)
    return table is not None and not layout_tables.get(table.mem_id, True)


def _first_cell(node: LexborNode) -> bool:
    prev = node.prev
    while prev is not None:
        if prev.tag in _CELLS:
            return False
        prev = prev.prev
    return True


def _is_layout_table(table: LexborNode) -> bool:
    """A table used to lay out a page: one of its cells holds headings, lists or paragraphs."""
    if table.attributes.get("role") in ("presentation", "none"):
        return True
    return table.css_first(_LAYOUT_CELL_CONTENT) is not None

"""The text of each page of a PDF that Chromium printed, read with the standard library alone.

Chromium (Skia) writes every page's content as a Flate-compressed stream that shows glyphs as
hex strings (`<0024> Tj`, Identity-H) in Type0 fonts, each with a ToUnicode map from glyph to
text. Reading those maps and streams gives the page's text in drawing order, one line per text
object: enough to say what is printed on which page, which is all the print tests ask.
"""

from __future__ import annotations

import re
import zlib

_OBJECT = re.compile(rb"(\d+) 0 obj\s*(.*?)endobj", re.S)
_REFERENCE = rb"(\d+) 0 R"
_HEX = re.compile(rb"<([0-9A-Fa-f]+)>")
_OPERATION = re.compile(rb"/(\w+) [\d.]+ Tf|<([0-9A-Fa-f]+)> Tj|\b(ET)\b")


def _objects(pdf: bytes) -> dict[int, bytes]:
    return {int(found[1]): found[2] for found in _OBJECT.finditer(pdf)}


def _stream(body: bytes) -> bytes:
    start = body.index(b"stream") + len(b"stream")
    start += 2 if body[start : start + 2] == b"\r\n" else 1
    raw = body[start : body.rindex(b"endstream")].rstrip(b"\r\n")
    return zlib.decompress(raw) if b"/FlateDecode" in body[:start] else raw


def _to_unicode(cmap: bytes) -> dict[bytes, str]:
    """Glyph (as hex digits) to text, from the bfchar and bfrange sections of a CMap."""
    glyphs: dict[bytes, str] = {}
    for section in re.findall(rb"beginbfchar(.*?)endbfchar", cmap, re.S):
        pairs = _HEX.findall(section)
        for glyph, text in zip(pairs[::2], pairs[1::2], strict=True):
            glyphs[glyph.upper()] = bytes.fromhex(text.decode()).decode("utf-16-be")
    for section in re.findall(rb"beginbfrange(.*?)endbfrange", cmap, re.S):
        values = _HEX.findall(section)
        for low, high, first in zip(values[::3], values[1::3], values[2::3], strict=True):
            start, code = int(low, 16), int(first, 16)
            for offset in range(int(high, 16) - start + 1):
                glyph = f"{start + offset:0{len(low)}X}".encode()
                glyphs[glyph] = chr(code + offset)
    return glyphs


def _fonts(objects: dict[int, bytes], page: bytes) -> dict[bytes, dict[bytes, str]]:
    """Each font name a page uses (F4) and its glyph-to-text map."""
    found = re.search(rb"/Font\s*<<(.*?)>>", page, re.S)
    fonts: dict[bytes, dict[bytes, str]] = {}
    for name, number in re.findall(rb"/(\w+) " + _REFERENCE, found[1] if found else b""):
        unicode = re.search(rb"/ToUnicode " + _REFERENCE, objects[int(number)])
        fonts[name] = _to_unicode(_stream(objects[int(unicode[1])])) if unicode else {}
    return fonts


def pages_text(pdf: bytes) -> list[str]:
    """Each page's text, in page order; a line per text object, spaces as printed."""
    objects = _objects(pdf)
    tree = next(body for body in objects.values() if re.match(rb"<</Type /Pages\b", body))
    kids = re.search(rb"/Kids \[(.*?)\]", tree, re.S)
    assert kids, "the PDF lists no pages"
    texts = []
    for number in re.findall(_REFERENCE, kids[1]):
        page = objects[int(number)]
        fonts = _fonts(objects, page)
        contents = re.search(rb"/Contents " + _REFERENCE, page)
        assert contents, "a page has no content"
        glyphs: dict[bytes, str] = {}
        lines: list[str] = []
        line = ""
        for font, glyph, end in _OPERATION.findall(_stream(objects[int(contents[1])])):
            if font:
                glyphs = fonts.get(font, {})
            elif glyph:
                hex_digits = glyph.upper()
                line += "".join(
                    glyphs.get(hex_digits[i : i + 4], "") for i in range(0, len(hex_digits), 4)
                )
            elif end:
                lines.append(line)
                line = ""
        texts.append("\n".join(lines))
    return texts

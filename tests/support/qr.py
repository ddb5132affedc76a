"""Reads QR codes the way a phone would: from a picture (a Chromium screenshot), with zxing-cpp,
a decoder independent of the libraries that made the codes (segno at build time, lean-qr in the
browser)."""

from __future__ import annotations

import io

import zxingcpp
from PIL import Image


def decode_qr(png: bytes) -> list[str]:
    """The text of every QR code in a PNG screenshot."""
    image = Image.open(io.BytesIO(png)).convert("L")
    found = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)
    return [code.text for code in found]

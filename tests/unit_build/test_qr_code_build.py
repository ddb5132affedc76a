"""QR codes made at build time: scalable SVG, black on white, named for screen readers, and a
footer that only printed pages show."""

from __future__ import annotations

from build_scripts.qr_codes import add_print_corner, add_print_footer, inline_qr, qr_svg

URL = "https://example.org/assessment/#scenario=job-offer"


def test_a_code_is_a_scalable_svg_on_white() -> None:
    code = qr_svg(URL)
    assert code.startswith('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ')
    assert 'fill="#fff"' in code and 'stroke="#000"' in code
    assert "width=" not in code.split(">", 1)[0]  # sized by CSS, not fixed
    assert f"<title>QR code for {URL}</title>" in code


def test_an_inline_code_is_an_image_named_by_its_address() -> None:
    code = inline_qr('https://example.org/?a="b"&c')
    assert code.startswith('<svg role="img" aria-label="QR code for https://example.org/?a=&quot;b')


def test_the_print_footer_goes_at_the_end_of_the_article_once() -> None:
    page = "<main><article><h1>T</h1></article></main><article></article>"
    printed = add_print_footer(page, URL, "Read this page online:")
    assert printed.count("<footer") == 1
    assert printed.index("fl-print-qr") < printed.index("</article>")
    assert f"Read this page online: {URL}</p></footer></article>" in printed.replace("&amp;", "&")


def test_the_corner_code_goes_right_after_the_title() -> None:
    page = "<article><h1>Worksheet</h1><p>Tick your answers.</p></article>"
    printed = add_print_corner(page, URL, "Score it online:")
    assert printed.startswith('<article><h1>Worksheet</h1><footer class="fl-print-only fl-print-qr')
    assert "fl-print-qr--corner" in printed and printed.endswith(
        "<p>Tick your answers.</p></article>"
    )

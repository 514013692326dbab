"""Convention names: base layouts, widths and modifiers."""
import pytest

from tools.relayout import DEFAULT_CONVENTIONS, ConventionError, parse


def test_every_default_convention_parses():
    assert len({parse(n).name for n in DEFAULT_CONVENTIONS}) == len(DEFAULT_CONVENTIONS)


def test_widths_indentation_and_modifiers():
    assert (parse("wrap-flat-18").layout, parse("wrap-flat-18").width, parse("wrap-flat-18").indent) == ("wrap", 18, "")
    assert parse("pdfminer-indent").width == 20 and parse("pdfminer-indent").indent == "\u3000\u3000"
    c = parse("one-per-line+crlf+utf16")
    assert (c.newline, c.encoding) == ("\r\n", "utf-16")
    assert parse("layout-2col-16").printed_lines and not parse("blank").printed_lines


@pytest.mark.parametrize("bad", ["wrapped-18", "wrap-flat-3", "blank+latin1", "wrap-flat-18+tesseract"])
def test_unknown_or_impossible_names_are_refused_with_a_reason(bad):
    with pytest.raises(ConventionError):
        parse(bad)

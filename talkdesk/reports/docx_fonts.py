"""Chinese faces in Word documents: every run, style and default names its East-Asian font.

Word and WPS pick a Japanese face for Chinese text unless `w:eastAsia` is named,
and python-docx's default template points at theme fonts, so each run gets all
four font slots (theme references dropped) and `w:hint="eastAsia"`. The font
table names a fallback for each Chinese face (a PC without 方正小标宋简体 shows
the title in 黑体). Also the A4 page and the page-number footer that office
documents share: the record form and the evaluation report both use this module.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from lxml import etree  # type: ignore[import-untyped]

PAGE_WIDTH, PAGE_HEIGHT = Cm(21.0), Cm(29.7)  # A4


@dataclass(frozen=True)
class Face:
    """A run's fonts: the East-Asian face for Chinese, a Latin face for the rest."""

    east_asian: str
    latin: str
    size: float  # points
    bold: bool = False


# (name, the face Word/WPS should use when it is missing, panose, family, pitch)
_FONT_TABLE = (
    ("方正小标宋简体", "黑体", "02000000000000000000", "script", "variable"),
    ("仿宋", "宋体", "02010609060101010101", "modern", "fixed"),
    ("黑体", "SimHei", "02010609060101010101", "modern", "fixed"),
    ("宋体", "SimSun", "02010600030101010101", "auto", "variable"),
)


def prepare_document(document: Any, body: Face, footer: Face, line_spacing: float = 1.3) -> None:
    """Defaults and styles in Chinese faces (the template's theme would pick Japanese ones),
    no space around paragraphs, and the font table's fallbacks."""
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    set_fonts(defaults, body)
    lang = defaults.find(qn("w:lang"))
    if lang is not None:
        lang.set(qn("w:eastAsia"), "zh-CN")
    normal = document.styles["Normal"]
    normal.font.name = body.latin
    normal.font.size = Pt(body.size)
    set_fonts(normal.element.get_or_add_rPr(), body)
    paragraph = normal.paragraph_format
    paragraph.space_before = paragraph.space_after = Pt(0)
    paragraph.line_spacing = line_spacing
    for name in ("Header", "Footer"):
        set_fonts(document.styles[name].element.get_or_add_rPr(), footer)
    add_font_fallbacks(document)


def set_a4(section: Any, top: Any, bottom: Any, left: Any, right: Any) -> None:
    section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
    section.top_margin, section.bottom_margin = top, bottom
    section.left_margin, section.right_margin = left, right
    section.header_distance, section.footer_distance = Cm(1.5), Cm(1.2)


def add_page_footer(section: Any, text: str, face: Face, pages_field: str = "NUMPAGES") -> None:
    """The page number and the page count, centred: `text` holds {page} and {pages}.

    `pages_field` counts the document's pages (NUMPAGES) or, where each section
    numbers its own pages from 1, the section's (SECTIONPAGES)."""
    paragraph = section.footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for piece in re.split(r"(\{page\}|\{pages\})", text):
        if piece == "{page}":
            add_field(paragraph, "PAGE", face)
        elif piece == "{pages}":
            add_field(paragraph, pages_field, face)
        elif piece:
            add_run(paragraph, piece, face)


NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
"""Characters XML 1.0 cannot hold (a stray control character typed into a name)."""


def add_run(paragraph: Any, text: str, face: Face) -> Any:
    run = paragraph.add_run(NOT_XML.sub("", text))
    style_run(run, face)
    return run


def style_run(run: Any, face: Face) -> None:
    run.font.name = face.latin
    run.font.size = Pt(face.size)
    if face.bold:
        run.font.bold = True
    set_fonts(run._element.get_or_add_rPr(), face)


def set_fonts(rpr: Any, face: Face) -> None:
    """Name all four font slots, East-Asian included, and drop theme fonts that override."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(theme), None)
    fonts.set(qn("w:ascii"), face.latin)
    fonts.set(qn("w:hAnsi"), face.latin)
    fonts.set(qn("w:cs"), face.latin)
    fonts.set(qn("w:eastAsia"), face.east_asian)
    fonts.set(qn("w:hint"), "eastAsia")


def add_field(paragraph: Any, instruction: str, face: Face) -> None:
    """A field (PAGE, NUMPAGES, SECTIONPAGES) as Word writes it: begin, instruction,
    separate, end."""

    def char(kind: str) -> None:
        run = add_run(paragraph, "", face)
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
        run._element.append(element)

    char("begin")
    run = add_run(paragraph, "", face)
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    run._element.append(instr)
    char("separate")
    add_run(paragraph, "1", face)
    char("end")


def add_font_fallbacks(document: Any) -> None:
    """Entries in the font table naming each Chinese face's fallback (w:altName)."""
    part = next(
        (r.target_part for r in document.part.rels.values() if r.reltype.endswith("/fontTable")),
        None,
    )
    if part is None:
        return
    table = parse_xml(part.blob)
    known = {f.get(qn("w:name")) for f in table.findall(qn("w:font"))}
    for name, alt, panose, family, pitch in _FONT_TABLE:
        if name in known:
            continue
        font = OxmlElement("w:font")
        font.set(qn("w:name"), name)
        for tag, value in (
            ("w:altName", alt),
            ("w:panose1", panose),
            ("w:charset", "86"),
            ("w:family", family),
            ("w:pitch", pitch),
        ):
            child = OxmlElement(tag)
            child.set(qn("w:val"), value)
            font.append(child)
        table.append(font)
    part._blob = etree.tostring(table, xml_declaration=True, encoding="UTF-8", standalone=True)


def keep_together(row: Any) -> None:
    """The row is not split across pages."""
    trpr = row._tr.get_or_add_trPr()
    trpr.append(OxmlElement("w:cantSplit"))

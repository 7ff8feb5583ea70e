"""A calm, professional look: one font with CJK faces first, generous spacing, quiet colours."""

from __future__ import annotations

from PySide6.QtGui import QFont, QIcon
from PySide6.QtWidgets import QApplication

import talkdesk.resources as resources

# Chinese faces first, so Han characters never fall back to a Japanese face.
FONT_FAMILIES = ["Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC"]
FONT_POINT_SIZE = 10

ACCENT = "#2f5f8f"

STYLESHEET = """
QMainWindow, QDialog { background: #f6f7f9; }
QWidget#navigation { background: #eef1f5; border: none; border-right: 1px solid #d9dee5; }
QListWidget#navigation { padding: 8px 6px; outline: 0; }
QListWidget#navigation::item {
    padding: 9px 10px; margin: 1px 0; border-radius: 6px; color: #2d3748;
}
QListWidget#navigation::item:hover { background: #e2e8f0; }
QListWidget#navigation::item:selected { background: #d6e4f2; color: #1f3f63; font-weight: 600; }
QToolBar { background: #ffffff; border: none; border-bottom: 1px solid #d9dee5; spacing: 8px;
    padding: 4px 8px; }
QToolButton { padding: 4px 10px; border-radius: 5px; }
QToolButton:hover { background: #e8eef5; }
QStatusBar { background: #ffffff; border-top: 1px solid #d9dee5; color: #4a5568; }
QStatusBar QLabel { color: #4a5568; padding: 0 6px; }
QLabel#toolbarTitle { font-size: 11pt; font-weight: 600; color: #1f3f63; padding-left: 4px; }
QLabel#pageTitle { font-size: 15pt; font-weight: 600; color: #1f2d3d; }
QLabel#hint { color: #5a6778; }
QLabel#error { color: #b42318; }
QLabel#notice { color: #8a5a00; background: #fff7e0; border: 1px solid #f0d590;
    border-radius: 5px; padding: 6px 8px; }
QLabel#recoveryGroup { font-family: "DejaVu Sans Mono", "Consolas", monospace;
    font-size: 15pt; font-weight: 600; color: #1f2d3d; background: #ffffff;
    border: 1px solid #cbd5e0; border-radius: 5px; padding: 6px 10px; }
QLabel#strength0 { color: #b42318; }
QLabel#strength1 { color: #b54708; }
QLabel#strength2 { color: #3b7d23; }
QLabel#strength3 { color: #067647; }
QLineEdit, QComboBox, QPlainTextEdit, QTextEdit {
    padding: 5px 7px; border: 1px solid #c5ced9; border-radius: 5px; background: #ffffff;
    selection-background-color: #b9d3ee; selection-color: #1f2d3d;
}
QComboBox::drop-down { border: none; width: 22px; }
QComboBox::down-arrow { image: url(@ICONS@/chevron_down.svg); width: 12px; height: 12px; }
QLineEdit:focus, QComboBox:focus, QPlainTextEdit:focus, QTextEdit:focus {
    border: 1px solid #5b8ac0;
}
QPushButton { padding: 6px 16px; border: 1px solid #c5ced9; border-radius: 5px;
    background: #ffffff; color: #1f2d3d; }
QPushButton:hover { background: #eef3f9; }
QPushButton:default { background: #2f5f8f; color: #ffffff; border-color: #2f5f8f; }
QPushButton:default:hover { background: #28527c; }
QPushButton:disabled { color: #a0aab8; background: #f1f3f6; border-color: #d9dee5; }
QPushButton#link { border: none; background: transparent; color: #2f5f8f;
    padding: 2px 0; text-decoration: underline; }
QPushButton#moreLink { border: none; background: transparent; color: #2f5f8f;
    padding: 2px 0 2px 6px; text-decoration: underline; text-align: left; }
QGroupBox { font-weight: 600; border: 1px solid #d9dee5; border-radius: 6px;
    margin-top: 14px; padding: 14px 12px 10px 12px; background: #ffffff; }
QGroupBox::title { subcontrol-origin: margin; left: 10px; padding: 0 4px; color: #2d3748; }
QHeaderView::section { background: #eef1f5; padding: 6px 8px; border: none;
    border-right: 1px solid #d9dee5; border-bottom: 1px solid #d9dee5; color: #2d3748; }
QTableView, QTreeView, QListView { background: #ffffff; border: 1px solid #d9dee5;
    alternate-background-color: #f8fafc; selection-background-color: #d6e4f2;
    selection-color: #1f2d3d; }
QScrollArea#pageScroll, QWidget#pageBody { background: transparent; }
QWidget#lockScreen { background: #eef1f5; }
QLabel#lockTitle { font-size: 16pt; font-weight: 600; color: #1f2d3d; }
"""


def apply(app: QApplication) -> None:
    """Set the application font (CJK faces first), the stylesheet and the window icon."""
    font = QFont()
    # Missing families are skipped by Qt; no need to enumerate the font database (slow).
    font.setFamilies([*FONT_FAMILIES, *font.families()])
    font.setPointSize(FONT_POINT_SIZE)
    app.setFont(font)
    icons = str(resources.path("icons")).replace("\\", "/")
    app.setStyleSheet(STYLESHEET.replace("@ICONS@", icons))
    app.setWindowIcon(icon("app"))


def icon(name: str) -> QIcon:
    """One of the SVG icons shipped in talkdesk.resources/icons."""
    return QIcon(str(resources.path("icons", f"{name}.svg")))

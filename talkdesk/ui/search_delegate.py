"""Paints a search hit's text as rich text, the matching words marked, in two lines at most."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from talkdesk.ui.search_model import RICH_ROLE

LINES = 2
PADDING = 4


class SnippetDelegate(QStyledItemDelegate):
    """The cell's background and selection as the style draws them, then the HTML of
    `RICH_ROLE` laid out in the cell's width and cut at `LINES` lines."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        html = index.data(RICH_ROLE)
        if not html:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""  # the style draws the background, focus and selection only
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)

        rect = opt.rect.adjusted(PADDING, PADDING // 2, -PADDING, -PADDING // 2)
        doc = self._document(html, opt, rect.width())
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        context = QAbstractTextDocumentLayout.PaintContext()
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, opt.palette.color(role))
        lines = LINES * opt.fontMetrics.lineSpacing()
        height = min(doc.size().height(), rect.height(), lines)  # a third line is cut off
        top = rect.top() + (rect.height() - height) / 2
        painter.save()
        painter.translate(rect.left(), top)
        clip = QRectF(0, 0, rect.width(), height)
        painter.setClipRect(clip)
        context.clip = clip
        doc.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        base = super().sizeHint(option, index)
        line = option.fontMetrics.lineSpacing()
        return QSize(base.width(), max(base.height(), LINES * line + PADDING * 2))

    @staticmethod
    def _document(html: str, option: QStyleOptionViewItem, width: int) -> QTextDocument:
        doc = QTextDocument()
        doc.setDocumentMargin(0)
        doc.setDefaultFont(option.font)
        doc.setHtml(html)
        doc.setTextWidth(max(10, width))
        return doc

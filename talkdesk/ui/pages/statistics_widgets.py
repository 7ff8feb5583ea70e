"""The pieces of the Statistics page: a figure card and a titled chart box that can be saved."""

from __future__ import annotations

from PySide6.QtCharts import QChartView
from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from talkdesk.ui.pages.statistics_charts import ChartKind, StatChart

STYLE = """
QPushButton#figureCard { background: #ffffff; border: 1px solid #d9dee5; border-radius: 6px;
    text-align: left; padding: 0; }
QPushButton#figureCard:hover { background: #eef3f9; }
QFrame#chartBox { background: #ffffff; border: 1px solid #d9dee5; border-radius: 6px; }
QLabel#sectionTitle { font-weight: 600; color: #1f2d3d; }
QLabel#detail { color: #5a6778; }
QLabel#previous { color: #8a94a3; }
QLabel#empty { color: #8a94a3; }
QLabel#periodLabel { font-weight: 600; color: #1f3f63; padding: 0 6px; }
QFrame#recordsPanel { background: transparent; }
"""


class FigureCard(QPushButton):
    """One indicator: a big number, what it is, a detail line and the previous period's value.

    Clicking it lists the records behind it (the page decides which).
    """

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("figureCard")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setMinimumSize(150, 100)
        self.value_label = QLabel("–")
        font = QFont(self.value_label.font())
        font.setPointSizeF(font.pointSizeF() * 1.7)
        font.setBold(True)
        self.value_label.setFont(font)
        self.caption_label = QLabel(caption)
        self.caption_label.setObjectName("sectionTitle")
        self.caption_label.setWordWrap(True)
        self.detail_label = QLabel()
        self.detail_label.setObjectName("detail")
        self.detail_label.setWordWrap(True)
        self.previous_label = QLabel()
        self.previous_label.setObjectName("previous")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(2)
        top = QHBoxLayout()
        top.addWidget(self.value_label)
        top.addWidget(self.caption_label, 1)
        layout.addLayout(top)
        layout.addWidget(self.detail_label)
        layout.addWidget(self.previous_label)
        layout.addStretch(1)
        for child in (self.value_label, self.caption_label, self.detail_label, self.previous_label):
            child.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)

    def show_figure(self, value: str, detail: str, warn: bool = False) -> None:
        self.value_label.setText(value)
        self.value_label.setStyleSheet("color: #c62828;" if warn else "color: #1f3f63;")
        self.detail_label.setText(detail)
        self._name()

    def show_previous(self, text: str) -> None:
        self.previous_label.setText(text)
        self._name()

    def clear(self) -> None:
        self.value_label.setText("–")
        self.value_label.setStyleSheet("")
        self.detail_label.clear()
        self.previous_label.clear()
        self._name()

    def text_shown(self) -> str:
        """The card as a screen reader says it."""
        return self.accessibleName()

    def _name(self) -> None:
        parts = (
            self.caption_label.text(),
            self.value_label.text(),
            self.detail_label.text(),
            self.previous_label.text(),
        )
        self.setAccessibleName(" · ".join(p for p in parts if p))


class ChartBox(QFrame):
    """A chart with its title and a "Save as PNG…" button (also in the chart's context menu).

    Attributes:
        chart: the chart shown (None before the first figures and while locked).

    Signals:
        save_requested(object): the ChartKind to save as a picture.
        picked(object, str): a bar or slice was clicked (an Indicator and a key).
    """

    save_requested = Signal(object)
    picked = Signal(object, str)

    def __init__(self, kind: ChartKind, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chartBox")
        self.kind = kind
        self.chart: StatChart | None = None
        self.title_label = QLabel(title)
        self.title_label.setObjectName("sectionTitle")
        self.save_button = QToolButton()
        self.save_button.setText(self.tr("Save as PNG…"))
        self.save_button.setToolTip(self.tr("Save this chart as a picture (not encrypted)"))
        self.save_button.setEnabled(False)
        self.view = QChartView()
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setFrameShape(QFrame.Shape.NoFrame)
        self.view.setBackgroundBrush(QColor("#ffffff"))
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.empty_label = QLabel(self.tr("Nothing to show for this period."))
        self.empty_label.setObjectName("empty")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.empty_label)
        header = QHBoxLayout()
        header.addWidget(self.title_label)
        header.addStretch(1)
        header.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(4)
        layout.addLayout(header)
        layout.addWidget(self.stack, 1)
        self.save_button.clicked.connect(lambda: self.save_requested.emit(self.kind))
        self.view.customContextMenuRequested.connect(self._menu)

    def show_chart(self, chart: StatChart, height: int) -> None:
        """Show a new chart (the old one goes with the view's previous chart)."""
        old = self.chart
        self.chart = chart
        chart.picked.connect(self.picked)
        self.view.setChart(chart)
        if old is not None:
            old.deleteLater()
        self.view.setMinimumHeight(height)
        self.stack.setMinimumHeight(height)
        self.stack.setCurrentWidget(self.empty_label if chart.empty else self.view)
        self.save_button.setEnabled(not chart.empty)

    def clear(self) -> None:
        """Drop the chart (the workspace was locked): names of departments leave the screen."""
        old = self.chart
        self.chart = None
        self.view.setChart(StatChart(self.kind, []))
        if old is not None:
            old.deleteLater()
        self.stack.setCurrentWidget(self.empty_label)
        self.save_button.setEnabled(False)

    def _menu(self, at: QPoint) -> None:
        if self.chart is None or self.chart.empty:
            return
        menu = QMenu(self)
        action = menu.addAction(self.tr("Save as PNG…"))
        action.triggered.connect(lambda: self.save_requested.emit(self.kind))
        menu.popup(self.view.mapToGlobal(at))

"""Question prompts beside the talk form: a template's questions for the topics ticked."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from talkdesk.domain.values import Topic
from talkdesk.services.templates import TemplateRow
from talkdesk.ui.labels import label

QUESTION_ROLE = Qt.ItemDataRole.UserRole
"""A question item's text to insert (topic headings carry none)."""


class PromptsPanel(QWidget):
    """The chosen template's questions, under a heading per ticked topic.

    Signals:
        question_chosen(str): a question was double-clicked (or Enter pressed on it), so the
            form can take it into what was said.
    """

    question_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._templates: list[TemplateRow] = []
        self._topics: tuple[Topic, ...] = ()
        self.template_combo = QComboBox()
        self.template_combo.setMinimumContentsLength(10)
        self.questions = QListWidget()
        self.questions.setWordWrap(True)
        self.questions.setAlternatingRowColors(True)
        self.hint = QLabel(
            self.tr(
                "Tick the topics of the talk to see their questions. "
                "Double-click a question to take it into what was said."
            )
        )
        self.hint.setWordWrap(True)
        self.hint.setObjectName("hint")

        top = QHBoxLayout()
        template_label = QLabel(self.tr("Te&mplate:"))
        template_label.setBuddy(self.template_combo)
        top.addWidget(template_label)
        top.addWidget(self.template_combo, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.hint)
        layout.addWidget(self.questions, 1)

        self.template_combo.currentIndexChanged.connect(self._show)
        self.questions.itemActivated.connect(self._choose)

    def set_templates(self, templates: Sequence[TemplateRow]) -> None:
        self._templates = list(templates)
        self.template_combo.blockSignals(True)
        self.template_combo.clear()
        for row in self._templates:
            self.template_combo.addItem(row.name, row.id)
        self.template_combo.blockSignals(False)
        self._show()

    def set_topics(self, topics: Sequence[Topic]) -> None:
        self._topics = tuple(topics)
        self._show()

    def shown_questions(self) -> list[str]:
        """The questions listed now."""
        items = (self.questions.item(i) for i in range(self.questions.count()))
        return [q for q in (item.data(QUESTION_ROLE) for item in items) if q]

    def _template(self) -> TemplateRow | None:
        index = self.template_combo.currentIndex()
        return self._templates[index] if 0 <= index < len(self._templates) else None

    def _show(self) -> None:
        self.questions.clear()
        template = self._template()
        if template is None:
            return
        bold = QFont(self.questions.font())
        bold.setBold(True)
        for topic in (t for t in Topic if t in self._topics):
            heading = QListWidgetItem(label(topic))
            heading.setFont(bold)
            heading.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.questions.addItem(heading)
            for question in template.prompts.get(topic, ()):
                item = QListWidgetItem("· " + question)
                item.setData(QUESTION_ROLE, question)
                self.questions.addItem(item)

    def _choose(self, item: QListWidgetItem) -> None:
        question = item.data(QUESTION_ROLE)
        if question:
            self.question_chosen.emit(question)

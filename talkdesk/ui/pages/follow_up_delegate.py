"""The status column's editor: a list of statuses that opens at once and commits on a pick."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from talkdesk.domain.values import FollowUpStatus
from talkdesk.ui.labels import label
from talkdesk.ui.models.follow_ups_model import STATUS_ROLE

AnyIndex = QModelIndex | QPersistentModelIndex


class StatusDelegate(QStyledItemDelegate):
    """Edits a follow-up's status with a combo whose list opens as soon as editing starts.

    Picking an entry commits it (the model passes it on to the page, which asks for a
    resolution or a reason where one is needed); Escape or clicking away changes nothing.
    """

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex
    ) -> QWidget:
        combo = QComboBox(parent)
        combo.setObjectName("statusEditor")
        for status in FollowUpStatus:
            combo.addItem(label(status), status.value)
        combo.activated.connect(lambda _i, c=combo: self._pick(c))
        QTimer.singleShot(0, combo, combo.showPopup)  # dropped if the editor is gone by then
        return combo

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(0, editor.findData(index.data(STATUS_ROLE))))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: AnyIndex) -> None:
        # Only a pick commits (see _pick): leaving the cell is not a choice.
        if editor.property("picked"):
            assert isinstance(editor, QComboBox)
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)

    def _pick(self, combo: QComboBox) -> None:
        combo.setProperty("picked", True)
        self.commitData.emit(combo)
        self.closeEditor.emit(combo, QStyledItemDelegate.EndEditHint.NoHint)

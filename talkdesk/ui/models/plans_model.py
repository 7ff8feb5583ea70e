"""The plans list: few rows, so read whole."""

from __future__ import annotations

from PySide6.QtCore import QObject

from talkdesk.services.plans import PlanRow
from talkdesk.ui.labels import cadence_text, yes_no
from talkdesk.ui.models.formats import date_text
from talkdesk.ui.models.table import CENTER, RIGHT, Column, RowsTableModel


class PlansModel(RowsTableModel[PlanRow]):
    """Every plan, active ones first (the service's order)."""

    def __init__(self, parent: QObject | None = None) -> None:
        columns: list[Column[PlanRow]] = [
            Column(lambda: self.tr("Name"), lambda r: r.name),
            Column(lambda: self.tr("Talker"), lambda r: r.talker_name),
            Column(lambda: self.tr("Cadence"), lambda r: cadence_text(r.cadence, r.cadence_n)),
            Column(lambda: self.tr("Starts"), lambda r: date_text(r.start_on), align=CENTER),
            Column(lambda: self.tr("Members"), lambda r: str(r.member_count), align=RIGHT),
            Column(lambda: self.tr("Active"), lambda r: yes_no(r.active), align=CENTER),
        ]
        super().__init__(columns, parent)

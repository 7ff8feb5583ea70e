"""The Plans page: the talk plans as a simple list (editing comes with the plans issue)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from talkdesk.services.changes import Entity
from talkdesk.services.plans import PlanRow
from talkdesk.ui.models.plans_model import PlansModel
from talkdesk.ui.pages.base import ContentPage
from talkdesk.ui.pages.record_table import RecordTable
from talkdesk.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from talkdesk.services.bundle import Services


class PlansPage(ContentPage):
    """Every plan: name, talker, cadence, start, members, active."""

    concerns = frozenset({Entity.PLAN, Entity.PERSON})

    def __init__(
        self, services: Services, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(services, runner, parent)
        self.model = PlansModel(self)
        self.count_label = QLabel()
        self.table = RecordTable(self.model, widths=(260, 100, 120, 100, 70, 60), stretch=0)
        top = QHBoxLayout()
        top.addStretch()
        top.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)

    def _load(self) -> None:
        self._runner.submit(self._services.plans.list_plans, on_success=self._show)

    def _show(self, plans: list[PlanRow]) -> None:
        self.model.set_rows(plans)
        self.count_label.setText(self.tr("%n plan(s)", "", len(plans)))

"""Writing talk records to Word or PDF files, or printing them: reading, progress, the message.

Records are read on the database thread; Word files are also written there,
PDF pages are drawn on the GUI thread (Qt's text layout lives there) and the
bytes saved on the database thread. Every file goes through
`ExportsService.save` (written whole or not at all, and audited), and the user
is told the file is not encrypted.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from PySide6.QtCore import QCoreApplication, QObject, QStandardPaths, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QProgressDialog, QWidget

from talkdesk.domain.errors import TalkdeskError
from talkdesk.reports.record_data import ExportCancelled, RecordFormData, load_record_forms
from talkdesk.reports.record_form import FileNames, form_stem, unique_path, write_record_forms
from talkdesk.services.exports import ExportKind
from talkdesk.ui.messages import error_text
from talkdesk.ui.record_print import paint_forms, pdf_bytes, prepare_device
from talkdesk.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from talkdesk.services.bundle import Services

translate = QCoreApplication.translate


class RecordFormat(StrEnum):
    DOCX = "docx"
    PDF = "pdf"

    @property
    def suffix(self) -> str:
        return f".{self.value}"

    def file_filter(self) -> str:
        if self is RecordFormat.DOCX:
            return translate("RecordExport", "Word document (*.docx)")
        return translate("RecordExport", "PDF document (*.pdf)")


@dataclass(frozen=True)
class ExportRequest:
    """What to write: which talks, how, and where (a file, or a folder for a file per talk)."""

    talk_ids: tuple[int, ...]
    fmt: RecordFormat
    include_care: bool
    target: Path
    per_talk: bool = False
    names: FileNames = FileNames.DATE_NUMBER


@dataclass(frozen=True)
class ExportResult:
    written: tuple[Path, ...]
    total: int
    cancelled: bool = False


@dataclass(frozen=True)
class _Forms:
    """Records read on the database thread, oldest first (or none: the user stopped)."""

    forms: tuple[RecordFormData, ...] = ()
    cancelled: bool = False


# -- asking for a place (tests replace these two) -------------------------------------------------


def ask_save_path(parent: QWidget, title: str, suggested: Path, file_filter: str) -> Path | None:
    """The file the user chose to write, or None."""
    chosen, _ = QFileDialog.getSaveFileName(parent, title, str(suggested), file_filter)
    return Path(chosen) if chosen else None


def ask_folder(parent: QWidget, title: str, start: Path) -> Path | None:
    """The folder the user chose for a file per talk, or None."""
    chosen = QFileDialog.getExistingDirectory(parent, title, str(start))
    return Path(chosen) if chosen else None


def documents_folder() -> Path:
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation))


class _Relay(QObject):
    """Carries progress from the database thread to the GUI thread (a queued signal)."""

    step = Signal()


class RecordExporter(QObject):
    """Exports and prints talk records for a page or a form.

    Attributes:
        progress: the progress dialog while many records are written.
        message: the last message shown (written / stopped / failed).
        preview: the print preview while it is open.
        last_folder: where the last file went (the next dialog starts there).

    Signals:
        finished(object): an ExportResult, once the files are written or the export stopped.
    """

    finished = Signal(object)

    def __init__(self, services: Services, runner: TaskRunner, parent: QWidget) -> None:
        super().__init__(parent)
        self._services = services
        self._runner = runner
        self._parent = parent
        self.progress: QProgressDialog | None = None
        self.message: QMessageBox | None = None
        self.preview: QPrintPreviewDialog | None = None
        self.last_folder: Path | None = None
        self._stop = threading.Event()
        self._relay = _Relay(self)
        self._relay.step.connect(self._advance)

    # -- asking where -------------------------------------------------------------------------

    def start_folder(self) -> Path:
        return self.last_folder or documents_folder()

    def ask_file(self, fmt: RecordFormat, stem: str) -> Path | None:
        path = ask_save_path(
            self._parent,
            self.tr("Save the record form as"),
            self.start_folder() / f"{stem}{fmt.suffix}",
            fmt.file_filter(),
        )
        if path is not None and path.suffix.lower() != fmt.suffix:
            path = path.with_name(path.name + fmt.suffix)
        return path

    def ask_folder(self) -> Path | None:
        return ask_folder(self._parent, self.tr("Folder for the record forms"), self.start_folder())

    # -- writing --------------------------------------------------------------------------------

    def export(self, request: ExportRequest) -> None:
        """Write the records as asked; a progress dialog shows when there are several."""
        self.last_folder = request.target if request.per_talk else request.target.parent
        self._stop.clear()
        n = len(request.talk_ids)
        if n > 1:
            self._show_progress(2 * n)
        if request.fmt is RecordFormat.DOCX:
            self._runner.submit(
                lambda: self._write_docx(request),
                on_success=self._done,
                on_error=self._failed,
            )
        else:
            self._runner.submit(
                lambda: self._read(request.talk_ids, request.include_care),
                on_success=lambda forms: self._write_pdf(request, forms),
                on_error=self._failed,
            )

    def _read(self, talk_ids: tuple[int, ...], include_care: bool) -> _Forms:
        """Database thread: the records, oldest first."""
        try:
            forms = load_record_forms(
                self._services, talk_ids, include_care, self._step, self._stop.is_set
            )
        except ExportCancelled:
            return _Forms(cancelled=True)
        return _Forms(tuple(sorted(forms, key=lambda f: (f.held_at, f.number))))

    def _write_docx(self, request: ExportRequest) -> ExportResult:
        """Database thread: read, then write one document or a file per talk."""
        read = self._read(request.talk_ids, request.include_care)
        total = len(request.talk_ids)
        if read.cancelled:
            return ExportResult((), total, cancelled=True)
        exports, forms = self._services.exports, read.forms
        if request.per_talk:
            written: list[Path] = []
            for form in forms:
                if self._stop.is_set():
                    return ExportResult(tuple(written), total, cancelled=True)
                path = unique_path(
                    request.target, form_stem(form, translate, request.names), ".docx"
                )
                exports.save(path, _docx_writer([form]), ExportKind.TALK_RECORD, 1)
                written.append(path)
                self._step()
            return ExportResult(tuple(written), total)

        def write(out: BinaryIO) -> None:
            write_record_forms(out, forms, translate, self._step, self._stop.is_set)

        try:
            exports.save(request.target, write, ExportKind.TALK_RECORD, len(forms))
        except ExportCancelled:
            return ExportResult((), total, cancelled=True)
        return ExportResult((request.target,), total)

    def _write_pdf(self, request: ExportRequest, read: _Forms) -> None:
        """GUI thread: draw the pages, then save the files on the database thread."""
        total = len(request.talk_ids)
        if read.cancelled:
            self._done(ExportResult((), total, cancelled=True))
            return
        forms = read.forms
        files: list[tuple[Path | None, bytes, int]] = []  # None: named in the folder when saved
        try:
            if request.per_talk:
                for form in forms:
                    if self._stop.is_set():
                        break
                    files.append((None, pdf_bytes([form], translate), 1))
                    self._advance()
            else:
                data = pdf_bytes(forms, translate, self._pdf_step, self._stop.is_set)
                files.append((request.target, data, len(forms)))
        except ExportCancelled:
            files = []
        stopped = self._stop.is_set()
        if stopped and not request.per_talk:
            self._done(ExportResult((), total, cancelled=True))
            return
        exports = self._services.exports

        def save() -> ExportResult:
            written = []
            for (path, data, count), form in zip(files, forms, strict=False):
                stem = form_stem(form, translate, request.names)
                target = path or unique_path(request.target, stem, ".pdf")
                exports.save(target, _bytes_writer(data), ExportKind.TALK_RECORD, count)
                written.append(target)
            return ExportResult(tuple(written), total, cancelled=stopped)

        self._runner.submit(save, on_success=self._done, on_error=self._failed)

    # -- printing -------------------------------------------------------------------------------

    def print_talks(self, talk_ids: tuple[int, ...], include_care: bool) -> None:
        """Read the records, then show them in a print preview that can print them."""
        self._stop.clear()
        self._runner.submit(
            lambda: self._read(talk_ids, include_care),
            on_success=self._show_preview,
            on_error=self._failed,
        )

    def _show_preview(self, read: _Forms) -> None:
        if read.cancelled or not read.forms:
            return
        forms = read.forms
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        prepare_device(printer)
        printer.setFullPage(True)
        preview = QPrintPreviewDialog(printer, self._parent)
        preview.setWindowTitle(self.tr("Print the record forms"))
        preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        preview.paintRequested.connect(lambda device: paint_forms(device, forms, translate))
        preview.finished.connect(lambda result: self._printed(result, len(forms)))
        preview.resize(900, 1000)
        self.preview = preview
        preview.open()

    def _printed(self, result: int, count: int) -> None:
        self.preview = None
        if result == QDialog.DialogCode.Accepted:
            exports = self._services.exports
            self._runner.submit(
                lambda: exports.record(ExportKind.TALK_RECORD, count), on_error=self._failed
            )

    # -- progress -------------------------------------------------------------------------------

    def _show_progress(self, steps: int) -> None:
        dialog = QProgressDialog(
            self.tr("Writing the record forms…"), self.tr("Stop"), 0, steps, self._parent
        )
        dialog.setWindowTitle(self.tr("Export records"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(self._stop.set)
        dialog.setValue(0)
        self.progress = dialog

    def _step(self, *_: int) -> None:
        """Database thread: one record read or written."""
        self._relay.step.emit()

    def _pdf_step(self, *_: int) -> None:
        self._advance()

    def _advance(self) -> None:
        dialog = self.progress
        if dialog is not None and not dialog.wasCanceled():
            dialog.setValue(min(dialog.maximum(), dialog.value() + 1))

    def cancel(self) -> None:
        """Stop a running export (as the progress dialog's Stop button does)."""
        self._stop.set()

    def _close_progress(self) -> None:
        if self.progress is not None:
            self.progress.canceled.disconnect(self._stop.set)
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None

    # -- outcome -------------------------------------------------------------------------------

    def _done(self, result: ExportResult) -> None:
        self._close_progress()
        self._show_result(result)
        self.finished.emit(result)

    def _failed(self, error: TalkdeskError) -> None:
        self._close_progress()
        self._show(self._box(error_text(error), QMessageBox.Icon.Warning))

    def _show_result(self, result: ExportResult) -> None:
        written = result.written
        if not written:
            if result.cancelled:
                self._show(self._box(self.tr("Stopped. Nothing was written.")))
            return
        folder = written[0].parent
        if len(written) == 1 and not result.cancelled:
            text = self.tr("The record form was written to %1.").replace("%1", str(written[0]))
            warning = self.tr(
                "The file is not encrypted: keep it in a safe place and delete it when it is "
                "no longer needed."
            )
        else:
            if result.cancelled:
                text = self.tr(
                    "Stopped: %n file(s) had been written to the folder %1.", "", len(written)
                )
            else:
                text = self.tr("%n file(s) were written to the folder %1.", "", len(written))
            text = text.replace("%1", str(folder))
            warning = self.tr(
                "The files are not encrypted: keep them in a safe place and delete them when "
                "they are no longer needed."
            )
        box = self._box(f"{text}\n\n{warning}")
        open_button = box.addButton(self.tr("Open folder"), QMessageBox.ButtonRole.ActionRole)
        open_button.clicked.connect(lambda: open_folder(folder))
        self._show(box)

    def _box(self, text: str, icon: QMessageBox.Icon = QMessageBox.Icon.Information) -> QMessageBox:
        return QMessageBox(
            icon, self.tr("Export records"), text, QMessageBox.StandardButton.Ok, self._parent
        )

    def _show(self, box: QMessageBox) -> None:
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda _r: self._forget(box))
        self.message = box
        box.open()

    def _forget(self, box: QMessageBox) -> None:
        if self.message is box:
            self.message = None


def open_folder(folder: Path) -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


def _docx_writer(forms: Sequence[RecordFormData]) -> Callable[[BinaryIO], None]:
    return lambda out: write_record_forms(out, forms, translate)


def _bytes_writer(data: bytes) -> Callable[[BinaryIO], None]:
    def write(out: BinaryIO) -> None:
        out.write(data)

    return write

"""The print queue with a printer that fails: a failed job keeps its paper and the system's
words, stays in the queue, and prints when retried; nothing is ever lost."""

from __future__ import annotations

from counter_app.domain.errors import CounterError
from counter_app.services.printing import Paper, PaperKind
from counter_app.services.printing.backend import lpstat_message
from counter_app.ui.printing.panel import PrintQueueModel
from counter_app.ui.printing.queue import JobState, PrintQueue
from tests.ui.conftest import NOW, receive
from tests.ui.printing.conftest import A4_PRINTER, LABEL_PRINTER, FakePrinters, finished


def paper(workspace, code: str, kind: PaperKind = PaperKind.RECEIPT) -> Paper:
    return workspace.papers.render(kind, code)


def test_a_job_prints_on_its_printer_and_is_recorded(qtbot, queue, printers, workspace, dossier):
    receipt = paper(workspace, dossier.code)
    recorded: list[tuple[Paper, str]] = []
    said: list[str] = []

    job = finished(
        qtbot,
        queue,
        lambda: queue.submit(
            PaperKind.RECEIPT,
            dossier.code,
            A4_PRINTER,
            paper=receipt,
            record=lambda p, printer: recorded.append((p, printer)),
            notify=said.append,
        ),
    )

    assert job.state is JobState.DONE
    assert [(p.printer, p.pages) for p in printers.printed] == [(A4_PRINTER, 1)]
    assert printers.printed[0].pdf == receipt.pdf
    assert recorded == [(receipt, A4_PRINTER)]
    assert said == [f"Printed: Receipt and appointment {dossier.code} on {A4_PRINTER}."]


def test_a_printer_failing_mid_job_leaves_the_job_failed_with_the_systems_words(
    qtbot, queue, printers, workspace, dossier
):
    receipt = paper(workspace, dossier.code)
    printers.fail(at_page=1, detail="Paper out")
    said: list[str] = []

    job = finished(
        qtbot,
        queue,
        lambda: queue.submit(
            PaperKind.RECEIPT, dossier.code, A4_PRINTER, paper=receipt, notify=said.append
        ),
    )

    assert job.state is JobState.FAILED
    assert "“Paper out”" in job.error
    assert A4_PRINTER in job.error
    assert job in queue.jobs and job.paper == receipt  # kept, with its paper
    assert printers.printed == []
    assert said[-1].startswith("Not printed: Receipt and appointment")
    assert said[-1].endswith("The job stays in the print queue.")


def test_a_job_broken_off_after_its_first_page_prints_whole_when_retried(
    qtbot, queue, printers, workspace, staff, dossier
):
    two_pages = _two_page_paper(workspace, staff, dossier)
    printers.fail(at_page=2, detail="The printer is not responding.")

    job = finished(
        qtbot,
        queue,
        lambda: queue.submit(PaperKind.SUPPLEMENT, dossier.code, A4_PRINTER, paper=two_pages),
    )
    assert job.state is JobState.FAILED
    assert "The printer is not responding." in job.error
    assert printers.pages_sent == 1  # the first page went out, then it broke

    finished(qtbot, queue, lambda: queue.retry(job.id))

    assert job.state is JobState.DONE
    assert job.attempts == 2
    assert job.error == ""
    assert [p.pdf for p in printers.printed] == [two_pages.pdf]  # the very same paper


def _two_page_paper(workspace, staff, dossier) -> Paper:
    """The tracking book of a day with enough dossiers to take two pages."""
    for i in range(30):
        receive(workspace, staff, f"Người nộp {i}", "1.001", dossier.received_at)
    book = workspace.papers.tracking_book(dossier.received_at.date())
    assert book.pages >= 2
    return book


def test_a_retry_can_go_to_another_printer(qtbot, queue, printers, workspace, dossier):
    printers.fail(detail="Offline")
    job = finished(
        qtbot,
        queue,
        lambda: queue.submit(
            PaperKind.LABEL, dossier.code, A4_PRINTER, paper=paper(workspace, dossier.code, "label")
        ),
    )
    assert job.state is JobState.FAILED

    finished(qtbot, queue, lambda: queue.retry(job.id, LABEL_PRINTER))

    assert job.state is JobState.DONE
    assert [p.printer for p in printers.printed] == [LABEL_PRINTER]


def test_with_no_printer_at_all_the_job_waits_failed_and_prints_once_one_is_installed(
    qtbot, workspace, dossier
):
    nothing = FakePrinters(names=())
    queue = PrintQueue(nothing)
    said: list[str] = []
    job = finished(
        qtbot,
        queue,
        lambda: queue.submit(
            PaperKind.RECEIPT,
            dossier.code,
            "",
            make=lambda: paper(workspace, dossier.code),
            notify=said.append,
        ),
    )

    assert job.state is JobState.FAILED
    assert job.error.startswith("No printer is installed on this computer.")
    assert job.paper is not None  # made already: the retry prints this one
    assert "No printer is installed" in said[-1]

    nothing.names = [A4_PRINTER]
    nothing.default = A4_PRINTER
    finished(qtbot, queue, lambda: queue.retry(job.id))
    assert job.state is JobState.DONE
    assert job.printer == A4_PRINTER
    assert queue.wait()


def test_a_printer_removed_since_is_named_and_the_retry_uses_the_default(
    qtbot, queue, printers, workspace, dossier
):
    job = finished(
        qtbot,
        queue,
        lambda: queue.submit(
            PaperKind.RECEIPT, dossier.code, "HP cũ", paper=paper(workspace, dossier.code)
        ),
    )
    assert job.state is JobState.FAILED
    assert "“HP cũ” is not installed" in job.error

    finished(qtbot, queue, lambda: queue.retry(job.id))
    assert job.printer == A4_PRINTER and job.state is JobState.DONE


def test_jobs_print_one_after_another_in_the_order_given(qtbot, queue, printers, workspace, staff):
    codes = [receive(workspace, staff, f"Người {i}", "1.001", NOW).code for i in range(3)]
    papers = [paper(workspace, code) for code in codes]
    with qtbot.waitSignals([queue.sig_job_finished] * 3, timeout=20_000):
        jobs = [
            queue.submit(PaperKind.RECEIPT, code, A4_PRINTER, paper=p)
            for code, p in zip(codes, papers, strict=True)
        ]
        assert [j.state for j in jobs] == [JobState.PRINTING, JobState.QUEUED, JobState.QUEUED]

    assert all(job.state is JobState.DONE for job in jobs)
    assert [p.pdf for p in printers.printed] == [p.pdf for p in papers]


def test_cancelling_a_waiting_job_and_a_printing_one(qtbot, queue, printers, workspace, dossier):
    receipt = paper(workspace, dossier.code)
    printers.hold()
    first = queue.submit(PaperKind.RECEIPT, dossier.code, A4_PRINTER, paper=receipt)
    second = queue.submit(PaperKind.RECEIPT, dossier.code, A4_PRINTER, paper=receipt)
    assert printers.waiting.wait(10)  # the first is at the printer now

    assert queue.cancel(second.id)
    assert second.state is JobState.CANCELLED
    with qtbot.waitSignal(queue.sig_job_finished, timeout=20_000):
        assert queue.cancel(first.id)  # stops before its first page
        printers.release()

    assert first.state is JobState.CANCELLED
    assert printers.printed == []
    assert not queue.cancel(first.id)  # nothing left to cancel


def test_clearing_finished_jobs_keeps_the_failed_ones(qtbot, queue, printers, workspace, dossier):
    receipt = paper(workspace, dossier.code)
    done = finished(
        qtbot,
        queue,
        lambda: queue.submit(PaperKind.RECEIPT, dossier.code, A4_PRINTER, paper=receipt),
    )
    printers.fail()
    failed = finished(
        qtbot,
        queue,
        lambda: queue.submit(PaperKind.RECEIPT, dossier.code, A4_PRINTER, paper=receipt),
    )

    with qtbot.waitSignal(queue.sig_jobs_removed):
        assert queue.remove_finished() == 1
    assert queue.jobs == [failed]
    assert done not in queue.jobs
    assert queue.unfinished() == [failed]


def test_a_paper_the_service_refuses_fails_the_job_with_its_message(qtbot, queue, dossier):
    def refuse() -> Paper:
        raise CounterError("paper.no_due", code=dossier.code)

    job = finished(
        qtbot,
        queue,
        lambda: queue.submit(PaperKind.APOLOGY, dossier.code, A4_PRINTER, make=refuse),
    )

    assert job.state is JobState.FAILED
    assert job.error == CounterError("paper.no_due", code=dossier.code).message("vi")
    assert job.paper is None


def test_the_queue_model_follows_the_jobs(
    qtbot, qtmodeltester, queue, printers, workspace, dossier
):
    model = PrintQueueModel(queue)
    receipt = paper(workspace, dossier.code)
    printers.fail(detail="Paper jam")
    finished(
        qtbot,
        queue,
        lambda: queue.submit(PaperKind.RECEIPT, dossier.code, A4_PRINTER, paper=receipt),
    )
    finished(
        qtbot, queue, lambda: queue.submit(PaperKind.LABEL, dossier.code, A4_PRINTER, paper=receipt)
    )

    assert model.rowCount() == 2
    assert model.index(0, PrintQueueModel.STATE).data() == "Failed"
    assert "Paper jam" in model.index(0, PrintQueueModel.DETAIL).data()
    assert model.index(1, PrintQueueModel.STATE).data() == "Printed"
    assert model.index(1, PrintQueueModel.PAPER).data() == f"Folder label\n{dossier.code}"
    qtmodeltester.check(model)
    queue.remove_finished()
    assert model.rowCount() == 1
    qtmodeltester.check(model)


def test_what_cups_says_of_a_printer_is_read_from_lpstat() -> None:
    assert lpstat_message("printer HP is idle.  enabled since Mon 23 Nov 2026\n") == ""
    assert (
        lpstat_message("printer HP is idle.  enabled since Mon 23 Nov 2026\n\tPaper out\n")
        == "Paper out"
    )
    assert lpstat_message(
        "printer HP disabled since Mon 23 Nov 2026 -\n\tThe printer is not responding.\n"
    ) == ("printer HP disabled since Mon 23 Nov 2026 – The printer is not responding.")

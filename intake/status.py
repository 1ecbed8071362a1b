"""What a reporter is told about their report, by status (never who handled it)."""

from models import ReportStatus

REPORTER_STATUS_LABELS: dict[ReportStatus, str] = {
    ReportStatus.PENDING_MODERATION: "Přijato, čeká na kontrolu",
    ReportStatus.SECOND_LOOK: "Přijato, čeká na kontrolu",
    ReportStatus.SPAM: "Hlášení nebylo předáno škole",
    ReportStatus.AWAITING_PDF: "Předáváme škole",
    ReportStatus.DELIVERED: "Předáno škole",
    ReportStatus.IN_PROGRESS: "Škola hlášení řeší",
    ReportStatus.RESOLVED: "Škola hlášení uzavřela",
    ReportStatus.ANONYMISED: "Hlášení bylo po uplynutí lhůty anonymizováno",
}

"""Files a pupil sends with a report or a follow-up: read from the request, checked,
sanitised, or refused with a message that says exactly what is wrong (in the pupil's
language, "ty" like every pupil text).

The bytes were kept in memory by ``ozvise.uploads.InMemoryRequest``; here they are only
read, checked cheaply (count, size, real type, a second file hidden inside), and handed to
the sandboxed sanitiser (``evidence.sandbox``). The pupil's file name is used only in the
message of this one response, never stored.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from flask import Request
from flask_babel import format_decimal, gettext, ngettext

from evidence.kinds import MAX_FILE_BYTES, MAX_FILES, MAX_PDF_PAGES, MAX_PIXELS
from evidence.refusals import FileRefused, Reason
from evidence.sandbox import CleanFile, check_upload, sanitise_upload
from intake.validation import InvalidSubmission, Submission, validate_submission
from ozvise.uploads import CappedBuffer

#: the form field (and multipart part name) that carries the files
FIELD = "attachments"
_NAME_CHARS = 60


@dataclass(frozen=True)
class Upload:
    name: str
    data: bytes
    too_large: bool


def received(request: Request) -> list[Upload]:
    """The files of the request, in order (empty file inputs are skipped)."""
    uploads = []
    for part in request.files.getlist(FIELD):
        stream = part.stream
        too_large = isinstance(stream, CappedBuffer) and stream.overflowed
        data = stream.getvalue() if isinstance(stream, CappedBuffer) else part.read()
        if not data and not too_large and not part.filename:
            continue  # a file input left empty
        name = (part.filename or "").replace("\\", "/").rsplit("/", 1)[-1][:_NAME_CHARS]
        uploads.append(Upload(name=name, data=data, too_large=too_large))
    return uploads


def _megabytes(size: int) -> str:
    return format_decimal(round(size / 1024 / 1024, 1))


def refusal_message(reason: Reason, name: str) -> str:
    """What the pupil reads when a file is refused, naming the file as they picked it."""
    name = name or gettext("bez názvu")
    messages = {
        Reason.WRONG_TYPE: gettext(
            "Soubor „%(name)s“ není obrázek ani PDF. Přilož prosím snímek obrazovky, fotku "
            "(JPEG, PNG, WebP, HEIC) nebo dokument PDF.", name=name),
        Reason.TOO_LARGE: gettext(
            "Soubor „%(name)s“ je moc velký: jeden soubor může mít nejvýše %(limit)s MB.",
            name=name, limit=_megabytes(MAX_FILE_BYTES)),
        Reason.EMPTY: gettext("Soubor „%(name)s“ je prázdný.", name=name),
        Reason.TOO_MANY_PIXELS: gettext(
            "Obrázek „%(name)s“ má příliš mnoho bodů (víc než %(limit)s megapixelů), takže ho "
            "nemůžeme bezpečně zpracovat. Pošli prosím menší fotku nebo snímek obrazovky.",
            name=name, limit=MAX_PIXELS // 1_000_000),
        Reason.DAMAGED: gettext(
            "Soubor „%(name)s“ je poškozený nebo neúplný, nejde otevřít. Zkus ho uložit "
            "nebo vyfotit znovu.", name=name),
        Reason.POLYGLOT: gettext(
            "Soubor „%(name)s“ v sobě kromě obrázku nebo PDF skrývá ještě jiný soubor, a tak "
            "ho nepřijmeme. Pošli prosím obyčejný snímek obrazovky nebo fotku.", name=name),
        Reason.PDF_ENCRYPTED: gettext(
            "PDF „%(name)s“ je zamčené heslem. Pošli ho prosím bez hesla.", name=name),
        Reason.PDF_TOO_MANY_PAGES: gettext(
            "PDF „%(name)s“ má víc než %(limit)s stránek. Pošli prosím jen ty, o které jde.",
            name=name, limit=MAX_PDF_PAGES),
        Reason.TOO_COMPLEX: gettext(
            "Soubor „%(name)s“ je tak složitý, že ho nemůžeme bezpečně zpracovat. Pošli "
            "prosím místo něj snímek obrazovky.", name=name),
        Reason.BUSY: gettext(
            "Právě zpracováváme hodně souborů najednou. Zkus to prosím za chvíli znovu.",
            name=name),
    }
    return messages[reason]


def too_many_message() -> str:
    return ngettext("Můžeš přiložit nejvýše %(num)d soubor.",
                    "Můžeš přiložit nejvýše %(num)d souborů.", MAX_FILES)


def _refused(message: str) -> InvalidSubmission:
    return InvalidSubmission("attachment_refused", message, FIELD)


def check_all(uploads: Sequence[Upload]) -> None:
    """The cheap checks of every file (no parser runs): the first problem is raised."""
    if len(uploads) > MAX_FILES:
        raise InvalidSubmission("too_many_attachments", too_many_message(), FIELD)
    for upload in uploads:
        try:
            if upload.too_large:
                raise FileRefused(Reason.TOO_LARGE)
            check_upload(upload.data)
        except FileRefused as exc:
            raise _refused(refusal_message(exc.reason, upload.name)) from exc


def sanitise_all(uploads: Sequence[Upload]) -> tuple[CleanFile, ...]:
    """Every file sanitised (in order), or the first refusal as ``InvalidSubmission``."""
    check_all(uploads)
    clean = []
    for upload in uploads:
        try:
            clean.append(sanitise_upload(upload.data))
        except FileRefused as exc:
            raise _refused(refusal_message(exc.reason, upload.name)) from exc
    return tuple(clean)


def submission_with_files(data: dict[str, object], uploads: Sequence[Upload],
                          max_description_chars: int) -> Submission:
    """The validated submission with its sanitised files; every problem of the text and
    the first problem of the files are raised together (``InvalidSubmission.errors``), and
    the costly sanitising runs only once everything else is right."""
    file_error = None
    try:
        check_all(uploads)
    except InvalidSubmission as exc:
        file_error = exc
    try:
        submission = validate_submission(data, max_description_chars)
    except InvalidSubmission as exc:
        if file_error is not None:
            exc.errors.setdefault(FIELD, file_error)
        raise
    if file_error is not None:
        raise file_error
    return replace(submission, attachments=sanitise_all(uploads))


def files_were_sent(request: Request) -> bool:
    """Whether this request carried chosen files (a form shown again cannot keep them:
    browsers never let a page fill a file input, so the pupil is told to pick them again)."""
    return request.method == "POST" and any(
        part.filename for part in request.files.getlist(FIELD))


def form_limits() -> dict[str, int]:
    """The limits a file field shows and its script checks before sending."""
    return {"max_files": MAX_FILES, "max_file_bytes": MAX_FILE_BYTES,
            "max_file_mb": MAX_FILE_BYTES // (1024 * 1024)}

"""The coordinator's upload page: the same checks and import as `import_registrations`."""

from tijdvoorelkaar.core.access import COORDINATOR, area_view
from tijdvoorelkaar.core.formviews import handle_form, render_form

from . import services
from .forms import UploadForm


def _page(request, area, form, report=None, dry_run=True):
    """The page with the form and, after a check or an import, its report (400 when the
    report found bad lines: nothing was imported)."""
    response = render_form(
        request,
        "imports/upload.html",
        {
            "area": area,
            "form": form,
            "report": report,
            "dry_run": dry_run,
            "columns": services.COLUMNS,
            "required": services.REQUIRED,
        },
        form,
    )
    if report is not None and not report.ok:
        response.status_code = 400
    return response


@area_view(roles={COORDINATOR})
def upload(request, area):
    form = UploadForm(request.POST or None, request.FILES or None)
    # "Controleren" checks only; "Importeren" imports when every line is right.
    dry_run = request.POST.get("action") != "import"
    done = handle_form(
        request,
        form,
        lambda data: services.import_files(
            area,
            participants=data.get(services.PARTICIPANTS),
            ads=data.get(services.ADS),
            mediations=data.get(services.MEDIATIONS),
            actor=request.user,
            dry_run=dry_run,
        ),
        # The report is the answer: it stays on the page next to the form.
        success=lambda report: _page(request, area, form, report, dry_run),
    )
    return done or _page(request, area, form)

"""The coordinator's upload page: the same checks and import as `import_registrations`."""

from django.shortcuts import render

from tijdvoorelkaar.core.access import COORDINATOR, area_view

from . import services
from .forms import UploadForm


@area_view(roles={COORDINATOR})
def upload(request, area):
    report = None
    dry_run = True
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        dry_run = request.POST.get("action") != "import"
        report = services.import_files(
            area,
            participants=form.cleaned_data.get(services.PARTICIPANTS),
            ads=form.cleaned_data.get(services.ADS),
            mediations=form.cleaned_data.get(services.MEDIATIONS),
            actor=request.user,
            dry_run=dry_run,
        )
    status = 400 if form.errors or (report is not None and not report.ok) else 200
    return render(
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
        status=status,
    )

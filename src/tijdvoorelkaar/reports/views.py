import datetime as dt

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from tijdvoorelkaar.core import clock
from tijdvoorelkaar.core.access import area_view

from . import charts, exports, funder, services, tables
from .access import report_view_for
from .forms import FunderPeriodForm, PeriodForm

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
}


def _access(request, area) -> bool:
    """Whether the viewer gets the aggregate (funder) view; 403 for anyone without access."""
    view = report_view_for(request.user, area)
    if view is None:
        raise PermissionDenied
    return view == "aggregate"


def _form(request) -> PeriodForm:
    data = request.GET.copy()
    if not data.get("van") and not data.get("tot"):
        today = clock.today()
        data["van"] = dt.date(today.year, 1, 1).isoformat()
        data["tot"] = today.isoformat()
    return PeriodForm(data)


def _funder_form(request, area, today) -> FunderPeriodForm:
    """A funder's fixed period: from the select (`periode`, `vergelijk`) or from the
    address (?van=&tot=); without either, this calendar year."""
    options = {"first_year": funder.first_year(area, today), "today": today}
    if "periode" in request.GET:
        return FunderPeriodForm(request.GET, **options)
    query = request.GET.copy()
    if not query.get("van") and not query.get("tot"):
        query["van"], query["tot"] = f"{today.year}-01-01", f"{today.year}-12-31"
    return FunderPeriodForm.from_query(query, **options)


def _build(area, form, masked: bool, today) -> tables.Report:
    if masked:
        results = funder.funder_report(area, form.chosen(), today)
        return tables.build(
            [figures for figures, _hidden in results],
            masked=True,
            hidden=[hidden for _figures, hidden in results],
        )
    figures = [services.kpi(area, start, end) for start, end in form.periods()]
    return tables.build(figures, masked=False)


@area_view(login=True)
def report(request, area):
    masked = _access(request, area)
    today = clock.today()
    if masked:
        form = _funder_form(request, area, today)
        if "periode" in request.GET and form.is_valid():
            return redirect(f"{request.path}?{form.query()}")
    else:
        form = _form(request)
    report = _build(area, form, masked, today) if form.is_valid() else None
    presets = []
    for label, start, end in services.presets(today):
        presets.append({"label": label, "query": f"van={start}&tot={end}"})
        before = (
            dt.date(start.year - 1, start.month, start.day),
            dt.date(end.year - 1, end.month, end.day),
        )
        presets.append(
            {
                "label": _("%(period)s naast een jaar eerder") % {"period": label},
                "query": f"van={before[0]}&tot={before[1]}"
                f"&vergelijk_van={start}&vergelijk_tot={end}",
            }
        )
    return render(
        request,
        "reports/report.html",
        {
            "form": form,
            "report": report,
            "tables": [{"table": t, "rows": report.rows_as_text(t)} for t in report.tables]
            if report
            else [],
            "charts": [
                {"title": c.title, "svg": None if c.empty else mark_safe(charts.svg(c))}
                for c in charts.charts_for(report)
            ]
            if report
            else [],
            "masked": masked,
            "presets": presets,
            "query": request.GET.urlencode(),
        },
        status=200 if report else 400,
    )


@area_view(login=True)
def download(request, area, fmt):
    if fmt not in CONTENT_TYPES:
        raise Http404
    masked = _access(request, area)
    today = clock.today()
    form = _funder_form(request, area, today) if masked else _form(request)
    if not form.is_valid():
        return HttpResponse(
            _("Deze periode klopt niet: ")
            + " ".join(str(e) for errors in form.errors.values() for e in errors),
            status=400,
            content_type="text/plain; charset=utf-8",
        )
    report = _build(area, form, masked, today)
    title = _("Verslag TijdVoorElkaar %(area)s") % {"area": area.name}
    subtitle = report.periods[0]
    if len(report.periods) == 2:
        subtitle = _("%(first)s en %(second)s") % {
            "first": report.periods[0],
            "second": report.periods[1],
        }
    if fmt == "csv":
        body = exports.csv_bytes(report)
    elif fmt == "xlsx":
        body = exports.xlsx_bytes(report, f"{title}, {subtitle}")
    else:
        organisation = area.name
        if area.organisation_name:
            organisation = f"{area.organisation_name} · {area.name}"
        body = exports.pdf_bytes(
            report,
            title,
            _("Periode: %(period)s. Gemaakt op %(day)s.")
            % {"period": subtitle, "day": f"{clock.today():%d-%m-%Y}"},
            organisation=organisation,
            period=subtitle,
        )
    start = form.chosen()[0].start if masked else form.cleaned_data["van"]
    name = f"verslag-{area.slug}-{start:%Y%m%d}.{fmt}"
    response = HttpResponse(body, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response

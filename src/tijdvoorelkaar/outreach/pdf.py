"""The layout of the notice-board papers (reportlab): the A4 list of current ads and the
monthly poster. What they say is gathered by services.ads_list and services.poster; this
module only draws it."""

import io
from xml.sax.saxutils import escape

from django.utils.translation import gettext as _
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.lib.utils import simpleSplit
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

from .services import Paper


def _contact_footer(lines: list[str]):
    """Draws the organisation, its phone number and address at the foot of every page,
    wrapped to the page's width."""
    text = " · ".join(lines)

    def draw(canvas, document):
        if not text:
            return
        canvas.saveState()
        canvas.setFont("Helvetica", 9)
        width, _height = document.pagesize
        wrapped = simpleSplit(text, "Helvetica", 9, width - 4 * cm)[:3]
        top = 1 * cm + (len(wrapped) - 1) * 11
        for number, line in enumerate(wrapped):
            canvas.drawCentredString(width / 2, top - number * 11, line)
        canvas.restoreState()

    return draw


def _build(flowables: list, paper: Paper, **options) -> bytes:
    buffer = io.BytesIO()
    footer = _contact_footer(paper.contact)
    SimpleDocTemplate(buffer, pagesize=A4, lang="nl", **options).build(
        flowables, onFirstPage=footer, onLaterPages=footer
    )
    return buffer.getvalue()


def ads_list_pdf(paper: Paper) -> bytes:
    """Every ad with its code, kind, category, organisation, title and a short text."""
    styles = getSampleStyleSheet()
    title = _("TijdVoorElkaar %(area)s: vraag en aanbod") % {"area": paper.area_name}
    flowables = [
        Paragraph(escape(title), styles["Title"]),
        Paragraph(
            escape(
                _("Stand van %(date)s. Interesse? Noem het nummer van de advertentie.")
                % {"date": f"{paper.made_on:%d-%m-%Y}"}
                + " "
                + paper.call_us
            ),
            styles["Normal"],
        ),
        Spacer(1, 0.5 * cm),
    ]
    if not paper.ads:
        flowables.append(
            Paragraph(escape(_("Er staan op dit moment geen advertenties.")), styles["Normal"])
        )
    for ad in paper.ads:
        who = f" · {ad.organisation}" if ad.organisation else ""
        flowables.append(
            Paragraph(
                f"<b>{escape(ad.code)}</b> · {escape(ad.kind)} · "
                f"{escape(ad.category)}{escape(who)}",
                styles["Heading4"],
            )
        )
        flowables.append(Paragraph(escape(ad.title), styles["Normal"]))
        if ad.description:
            flowables.append(Paragraph(escape(ad.description), styles["Normal"]))
        flowables.append(Spacer(1, 0.3 * cm))
    return _build(
        flowables,
        paper,
        leftMargin=2 * cm,
        rightMargin=2 * cm,
        topMargin=2 * cm,
        bottomMargin=2 * cm,
        title=_("Vraag en aanbod %(area)s") % {"area": paper.area_name},
    )


def poster_pdf(paper: Paper) -> bytes:
    """The idea, the newest ads and how to take part."""
    styles = getSampleStyleSheet()
    name = f"TijdVoorElkaar {paper.area_name}"
    flowables = [
        Paragraph(escape(name), styles["Title"]),
        Paragraph(
            escape(
                _("Wie doet wat voor een ander? %(month)s") % {"month": f"{paper.made_on:%m-%Y}"}
            ),
            styles["Heading2"],
        ),
        Paragraph(
            escape(
                _(
                    "Buurtbewoners vertellen elkaar wat ze voor een ander kunnen doen en waar "
                    "ze zelf hulp bij kunnen gebruiken."
                )
                + " "
                + paper.call_us
            ),
            styles["Normal"],
        ),
        Spacer(1, 0.6 * cm),
    ]
    for ad in paper.ads:
        flowables.append(
            Paragraph(
                f"<b>{escape(ad.code)}</b>: {escape(ad.title)} ({escape(ad.kind)})",
                styles["Heading3"],
            )
        )
    flowables += [
        Spacer(1, 0.6 * cm),
        Paragraph(escape(_("Meedoen: %(site)s") % {"site": paper.site}), styles["Heading3"]),
    ]
    return _build(flowables, paper, title=name, topMargin=2.5 * cm)

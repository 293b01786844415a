"""Bar charts drawn on the server as SVG (no JavaScript), and the same data for the PDF."""

import textwrap
from dataclasses import dataclass
from html import escape

from .tables import Report

COLOURS = ["#1a4e8a", "#c8590c"]


@dataclass
class Chart:
    key: str
    title: str
    labels: list[str]
    # (name, heights, shown texts); the height of a hidden ("<5") value is None: no bar.
    series: list[tuple[str, list[int | None], list[str]]]

    @property
    def empty(self) -> bool:
        """Nothing to draw: every value is 0 or hidden (a small area, a quiet period).
        The page and the PDF then say so in words instead of drawing an empty frame."""
        return not any(value for _name, values, _texts in self.series for value in values)


def wrap(label: str, width: int, lines: int = 4) -> list[str]:
    """A label as whole-word lines of at most `width` characters (a word longer than
    that gets a line of its own); beyond `lines` lines the last one ends in "…"."""
    result = textwrap.wrap(label, width, break_long_words=False) or [""]
    if len(result) > lines:
        result = result[:lines]
        result[-1] = result[-1][: width - 1].rstrip() + "…"
    return result


def charts_for(report: Report) -> list[Chart]:
    """Mediations and inflow, one bar per period; a hidden value gets no bar, only its
    text "<5", so the picture tells no more than the table."""
    wanted = {"bemiddelingen": 5, "instroom": 8}
    result = []
    for table in report.tables:
        if table.key not in wanted or not table.rows:
            continue
        rows = table.rows[: wanted[table.key]]
        series = []
        for i, period in enumerate(report.periods):
            texts = [report._cell(row, i) for row in rows]
            heights = [None if report.is_hidden(row, i) else (row.values[i] or 0) for row in rows]
            series.append((period, heights, texts))
        result.append(Chart(table.key, table.title, [row.label for row in rows], series))
    return result


LABEL_FONT = 11  # px in the SVG's own units
LINE_HEIGHT = 13


def svg(chart: Chart, *, width: int = 680, plot_height: int = 190) -> str:
    """A grouped bar chart as an accessible SVG string (role img with a title). The
    category labels stand level under their bars, wrapped over whole words."""
    groups = len(chart.labels)
    left, right, top = 40, 10, 40
    plot_w = width - left - right
    group_w = plot_w / max(groups, 1)
    per_line = max(8, int(group_w / (LABEL_FONT * 0.55)))
    labels = [wrap(label, per_line) for label in chart.labels]
    bottom = 10 + LINE_HEIGHT * max([len(lines) for lines in labels] + [1])
    plot_h = plot_height
    height = top + plot_h + bottom
    top_value = max([1] + [v for _, values, _t in chart.series for v in values if v is not None])
    bar_w = min(28, (group_w - 10) / max(len(chart.series), 1))
    ident = f"grafiek-{chart.key}"
    parts = [
        '<svg xmlns="http://www.w3.org/2000/svg" class="report-chart" '
        f'viewBox="0 0 {width} {height}" '
        f'width="100%" role="img" aria-labelledby="{ident}-titel">',
        f'<title id="{ident}-titel">{escape(chart.title)}</title>',
        f'<line x1="{left}" y1="{top + plot_h}" x2="{width - right}" y2="{top + plot_h}" '
        'stroke="#333"/>',
    ]
    for g in range(groups):
        x0 = left + g * group_w + (group_w - bar_w * len(chart.series)) / 2
        for s, (_name, values, texts) in enumerate(chart.series):
            h = 0 if values[g] is None else plot_h * values[g] / top_value
            x = x0 + s * bar_w
            y = top + plot_h - h
            if values[g] is not None:
                parts.append(
                    f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar_w - 2:.1f}" height="{h:.1f}" '
                    f'fill="{COLOURS[s % len(COLOURS)]}"/>'
                )
            parts.append(
                f'<text x="{x + bar_w / 2 - 1:.1f}" y="{y - 4:.1f}" font-size="11" '
                f'text-anchor="middle" fill="#222">{escape(texts[g])}</text>'
            )
        cx = left + g * group_w + group_w / 2
        lines = "".join(
            f'<tspan x="{cx:.1f}" dy="{0 if i == 0 else LINE_HEIGHT}">{escape(line)}</tspan>'
            for i, line in enumerate(labels[g])
        )
        parts.append(
            f'<text x="{cx:.1f}" y="{top + plot_h + 16}" font-size="{LABEL_FONT}" '
            f'text-anchor="middle" fill="#222">{lines}</text>'
        )
    for s, (name, _v, _t) in enumerate(chart.series):
        x = left + s * 230
        parts.append(
            f'<rect x="{x}" y="6" width="12" height="12" fill="{COLOURS[s % len(COLOURS)]}"/>'
        )
        parts.append(f'<text x="{x + 16}" y="16" font-size="12" fill="#222">{escape(name)}</text>')
    parts.append("</svg>")
    return "".join(parts)

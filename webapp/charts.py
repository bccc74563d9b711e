"""Server-side SVG charts: plain text out, readable without JavaScript or CSS.

Every chart is a standalone SVG document with a ``<title>`` and a ``<desc>``
that says in words what the bars show, and every bar carries its label and
its value as text, so the picture never depends on colour alone. All text
that came from users (variant labels, partner names) goes through
:func:`xml_text`: escaped for XML and stripped of characters XML cannot hold,
so a label such as ``<script>`` is drawn as those characters and nothing else.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

# Characters XML 1.0 does not allow (C0 controls except tab/newline/CR, surrogates, U+FFFE/F).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

# Okabe–Ito colours plus darker extras: distinguishable for most colour-vision types.
PALETTE = ("#0072b2", "#d55e00", "#009e73", "#cc79a7", "#5f4690", "#8c6d00",
           "#56b4e9", "#1d6b48", "#a8326e", "#4d4d4d")
INK, MUTED, GRID, TRACK = "#1d2327", "#50575e", "#c3c4c7", "#eef0f2"
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif"


def xml_text(value) -> str:
    """``value`` as text safe inside an XML element or a double-quoted attribute."""
    text = _NOT_XML.sub("", str(value))
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;").replace("'", "&#39;"))


def shorten(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters with an ellipsis (whole text when it fits)."""
    text = " ".join(_NOT_XML.sub("", str(text)).split())
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def _number(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


@dataclass
class Bar:
    """One bar: whose it is, its value (None: no value) and an optional mark such as
    "Best fit", printed as text after the value."""

    label: str
    value: float | None
    mark: str = ""


@dataclass
class Group:
    """Bars shown together under one heading (e.g. one partner)."""

    label: str
    bars: list[Bar] = field(default_factory=list)


def grouped_bar_chart(groups: list[Group], *, title: str, desc: str = "",
                      max_value: float = 100, series: list[str] | None = None,
                      missing: str = "no score", width: int = 760) -> str:
    """A horizontal grouped bar chart as an SVG document.

    Each group gets a heading line, then one labelled bar per item with the
    value written at its end. ``series`` fixes the colour of each label
    (the same variant keeps its colour in every group); labels not listed get
    colours in order of appearance. ``desc`` defaults to a sentence per group
    listing every value.
    """
    series = list(series or [])
    for group in groups:
        for bar in group.bars:
            if bar.label not in series:
                series.append(bar.label)
    colour = {label: PALETTE[i % len(PALETTE)] for i, label in enumerate(series)}
    if not desc:
        desc = " ".join(_describe(group, missing) for group in groups) or "No data."

    label_w, pad, value_w = 190, 16, 150
    x0 = pad + label_w + 8
    plot_w = max(120, width - x0 - value_w)
    bar_h, bar_gap, head_h, group_gap, top = 20, 6, 26, 14, 58
    scale = plot_w / max_value if max_value else 0

    rows: list[str] = []
    y = top
    for group in groups:
        rows.append(f'<text x="{pad}" y="{y + 17}" font-weight="700" font-size="14" '
                    f'fill="{INK}">{xml_text(shorten(group.label, 80))}</text>')
        y += head_h
        for bar in group.bars:
            rows.append(_bar(bar, y, x0, bar_h, scale, max_value, pad, label_w,
                             colour[bar.label], missing))
            y += bar_h + bar_gap
        y += group_gap
    plot_bottom = y - group_gap
    height = int(plot_bottom + 34)

    grid = []
    for i in range(5):
        tick = max_value * i / 4
        x = x0 + tick * scale
        grid.append(f'<line x1="{x:.1f}" y1="{top - 4}" x2="{x:.1f}" y2="{plot_bottom:.1f}" '
                    f'stroke="{GRID}" stroke-width="1"/>')
        grid.append(f'<text x="{x:.1f}" y="{top - 10}" font-size="12" fill="{MUTED}" '
                    f'text-anchor="middle">{_number(tick)}</text>')

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-labelledby="chart-title chart-desc" '
        f'font-family="{xml_text(FONT)}">',
        f'<title id="chart-title">{xml_text(title)}</title>',
        f'<desc id="chart-desc">{xml_text(desc)}</desc>',
        f'<rect width="{width}" height="{height}" fill="#ffffff"/>',
        f'<text x="{pad}" y="24" font-size="16" font-weight="700" fill="{INK}">'
        f'{xml_text(shorten(title, 90))}</text>',
        *grid,
        *rows,
        f'<text x="{pad}" y="{height - 10}" font-size="12" fill="{MUTED}">'
        f'Scale 0 to {_number(max_value)}; longer bars fit better.</text>',
        "</svg>",
    ]
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + "\n".join(parts) + "\n"


def _bar(bar: Bar, y: float, x0: float, bar_h: int, scale: float, max_value: float,
         pad: int, label_w: int, fill: str, missing: str) -> str:
    label = xml_text(shorten(bar.label, 26))
    out = [f'<g><title>{xml_text(_bar_sentence(bar, missing))}</title>',
           f'<text x="{pad + label_w}" y="{y + 15}" font-size="13" fill="{INK}" '
           f'text-anchor="end">{label}</text>',
           f'<rect x="{x0}" y="{y}" width="{max_value * scale:.1f}" height="{bar_h}" '
           f'fill="{TRACK}"/>']
    if bar.value is None:
        out.append(f'<text x="{x0 + 6}" y="{y + 15}" font-size="12" fill="{MUTED}" '
                   f'font-style="italic">{xml_text(missing)}</text>')
    else:
        value = max(0.0, min(float(bar.value), max_value))
        w = value * scale
        stroke = f' stroke="{INK}" stroke-width="2"' if bar.mark else ""
        out.append(f'<rect x="{x0}" y="{y}" width="{w:.1f}" height="{bar_h}" fill="{fill}"'
                   f'{stroke}/>')
        text = _number(float(bar.value)) + (f"  ★ {bar.mark}" if bar.mark else "")
        weight = ' font-weight="700"' if bar.mark else ""
        out.append(f'<text x="{x0 + max_value * scale + 8:.1f}" y="{y + 15}" font-size="13" '
                   f'fill="{INK}"{weight}>{xml_text(text)}</text>')
    out.append("</g>")
    return "".join(out)


def _bar_sentence(bar: Bar, missing: str) -> str:
    value = missing if bar.value is None else _number(float(bar.value))
    return f"{bar.label}: {value}" + (f" ({bar.mark})" if bar.mark else "")


def _describe(group: Group, missing: str) -> str:
    bars = ", ".join(_bar_sentence(bar, missing) for bar in group.bars)
    return f"{group.label}: {bars}."

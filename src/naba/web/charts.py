"""Geometry for the inline SVG charts, computed here and drawn by the templates.

Functions return numbers and labels only (no markup), so the templates write every label through
Jinja's autoescaping. Not for: querying (:mod:`.queries`) or HTML (``templates/``).
"""

from __future__ import annotations

import math


def month_series(rows: list[dict], max_months: int = 120) -> list[dict]:
    """Fill the gaps between the first and last month of ``rows`` (``month``, ``articles``)
    with zeros, keeping the last ``max_months``."""
    by_month = {r["month"]: r["articles"] for r in rows if r.get("month") and len(r["month"]) == 7}
    if not by_month:
        return []
    first, last = min(by_month), max(by_month)
    y, m = int(first[:4]), int(first[5:7])
    out = []
    while f"{y:04d}-{m:02d}" <= last:
        key = f"{y:04d}-{m:02d}"
        out.append({"month": key, "articles": by_month.get(key, 0)})
        m += 1
        if m > 12:
            y, m = y + 1, 1
    return out[-max_months:]


def bar_chart(series: list[dict], width: int = 640, height: int = 180) -> dict | None:
    """Bars (x, y, w, h) for a month series, with a few axis labels; time runs left to right."""
    if not series:
        return None
    pad_l, pad_r, pad_t, pad_b = 34, 8, 10, 26
    plot_w, plot_h = width - pad_l - pad_r, height - pad_t - pad_b
    top = max(r["articles"] for r in series) or 1
    step = plot_w / len(series)
    bars = []
    for i, r in enumerate(series):
        h = plot_h * r["articles"] / top
        w = min(max(step * 0.8, 1), 40)
        bars.append({"x": round(pad_l + i * step + (step - w) / 2, 1), "w": round(w, 1),
                     "y": round(pad_t + plot_h - h, 1), "h": round(h, 1),
                     "month": r["month"], "n": r["articles"]})
    every = max(1, math.ceil(len(series) / 8))
    labels = [{"x": round(b["x"] + b["w"] / 2, 1), "text": b["month"]}
              for i, b in enumerate(bars) if i % every == 0]
    return {"width": width, "height": height, "bars": bars, "labels": labels, "max": top,
            "axis_y": pad_t + plot_h, "left": pad_l, "right": width - pad_r,
            "top_y": pad_t, "label_y": height - 8}


def place_map(lat: float, lon: float, name: str, others: list[dict],
              width: int = 640, height: int = 400) -> dict:
    """An equirectangular plot around a place: its point, nearby places named with it, and a
    graticule every few degrees. No tiles, no outlines: positions only."""
    pts = [(lat, lon)] + [(o["lat"], o["lon"]) for o in others]
    lats = [p[0] for p in pts]
    lons = [p[1] for p in pts]
    span = max(max(lats) - min(lats), max(lons) - min(lons), 12.0) * 1.25
    clat, clon = (max(lats) + min(lats)) / 2, (max(lons) + min(lons)) / 2
    aspect = width / height
    lat_span, lon_span = span, span * aspect
    lat0, lat1 = clat - lat_span / 2, clat + lat_span / 2
    lon0, lon1 = clon - lon_span / 2, clon + lon_span / 2

    def xy(la: float, lo: float) -> tuple[float, float]:
        return (round((lo - lon0) / (lon1 - lon0) * width, 1),
                round((lat1 - la) / (lat1 - lat0) * height, 1))

    grid_step = 5 if span <= 40 else (10 if span <= 90 else 30)
    grid = []
    g = math.ceil(lon0 / grid_step) * grid_step
    while g <= lon1:
        x, _ = xy(0, g)
        grid.append({"x1": x, "y1": 0, "x2": x, "y2": height, "label": f"{g:g}°", "lx": x + 3,
                     "ly": height - 4})
        g += grid_step
    g = math.ceil(lat0 / grid_step) * grid_step
    while g <= lat1:
        _, y = xy(g, 0)
        grid.append({"x1": 0, "y1": y, "x2": width, "y2": y, "label": f"{g:g}°", "lx": 2,
                     "ly": y - 2})
        g += grid_step
    x, y = xy(lat, lon)
    others_xy = []
    for o in others:
        ox, oy = xy(o["lat"], o["lon"])
        others_xy.append({"x": ox, "y": oy, "name": o["name"], "id": o["id"]})
    return {"width": width, "height": height, "grid": grid, "x": x, "y": y, "name": name,
            "others": others_xy}

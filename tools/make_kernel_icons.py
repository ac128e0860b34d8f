"""Draw the kernel launcher icons (logo-32x32.png, logo-64x64.png, logo-svg.svg) per language.

Each icon is a few flat shapes on a 64x64 grid, written once as SVG and once as PNG (drawn
8x larger and scaled down, for smooth edges), so the two always match.  Run it again after
changing a shape:  .venv/bin/python tools/make_kernel_icons.py
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

SPECS = Path(__file__).resolve().parent.parent / "kernels/timewarp/kernel/kernelspecs"
GRID = 64
SUPERSAMPLE = 8

# (kind, colour, points or box, stroke width); a stroke width of 0 means filled.
ICONS = {
    # A terminal: the ready prompt and a cursor, as on a 1980s home computer.
    "basic": ("#1d3a8a", [
        ("polyline", "#ffffff", [(14, 20), (26, 32), (14, 44)], 6),
        ("rect", "#5cf27a", [(32, 38), (50, 45)], 0),
    ]),
    # A square the turtle has drawn, and the turtle at its corner.
    "logo": ("#17804a", [
        ("polyline", "#ffffff", [(14, 46), (14, 16), (46, 16), (46, 46), (28, 46)], 4),
        ("polygon", "#ffd23f", [(30, 38), (30, 54), (16, 46)], 0),
    ]),
    # A speech bubble with a tick: a quiz that talks back.
    "pilot": ("#d9531e", [
        ("polygon", "#ffffff", [(10, 12), (54, 12), (54, 42), (30, 42), (18, 54), (20, 42),
                                (10, 42)], 0),
        ("polyline", "#17804a", [(20, 27), (28, 35), (44, 19)], 6),
    ]),
}


def svg(background: str, shapes: list) -> str:
    parts = [f'<rect width="{GRID}" height="{GRID}" rx="12" fill="{background}"/>']
    for kind, colour, points, width in shapes:
        if kind == "rect":
            (x1, y1), (x2, y2) = points
            parts.append(f'<rect x="{x1}" y="{y1}" width="{x2 - x1}" height="{y2 - y1}" '
                         f'fill="{colour}"/>')
            continue
        coords = " ".join(f"{x},{y}" for x, y in points)
        paint = (f'fill="{colour}"' if width == 0 else
                 f'fill="none" stroke="{colour}" stroke-width="{width}" '
                 'stroke-linecap="round" stroke-linejoin="round"')
        parts.append(f'<{kind} points="{coords}" {paint}/>')
    body = "\n  ".join(parts)
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {GRID} {GRID}" '
            f'width="{GRID}" height="{GRID}">\n  {body}\n</svg>\n')


def png(background: str, shapes: list, size: int) -> Image.Image:
    scale = SUPERSAMPLE * size / GRID
    big = Image.new("RGBA", (size * SUPERSAMPLE,) * 2, (0, 0, 0, 0))
    draw = ImageDraw.Draw(big)
    draw.rounded_rectangle([0, 0, big.width - 1, big.height - 1], radius=12 * scale,
                           fill=background)
    for kind, colour, points, width in shapes:
        scaled = [(x * scale, y * scale) for x, y in points]
        if kind == "rect":
            draw.rectangle(scaled, fill=colour)
        elif width == 0:
            draw.polygon(scaled, fill=colour)
        else:
            draw.line(scaled, fill=colour, width=round(width * scale), joint="curve")
            radius = width * scale / 2
            for x, y in (scaled[0], scaled[-1]):  # round caps, as in the SVG
                draw.ellipse([x - radius, y - radius, x + radius, y + radius], fill=colour)
    return big.resize((size, size), Image.LANCZOS)


def main() -> None:
    for language, (background, shapes) in ICONS.items():
        folder = SPECS / language
        (folder / "logo-svg.svg").write_text(svg(background, shapes), encoding="utf-8")
        for size in (32, 64):
            png(background, shapes, size).save(folder / f"logo-{size}x{size}.png", optimize=True)


if __name__ == "__main__":
    main()

"""Summarise criterion results from target/criterion as Markdown tables and a log-log SVG plot.

Usage: python3 benches/tools/summarize.py [TARGET_DIR] [SVG_PATH]

Reads each benchmark's `new/estimates.json` (the median of the last `cargo bench` run), prints
the `step`, `fit` and scaling tables, and writes the scaling plot. Only the standard library
is used, so it runs wherever Python 3 does.
"""

import json
import math
import pathlib
import sys

TRAINERS = [
    "manual two-pass f64",
    "manual fused f64",
    "manual gram f64",
    "burn f64",
    "burn f32",
    "candle f64",
    "candle f32",
]
COLOURS = ["#1f77b4", "#6baed6", "#08306b", "#e66e00", "#fdae6b", "#2ca02c", "#98df8a"]


def median_seconds(folder):
    """Return the median estimate of one benchmark in seconds, or None if it did not run."""
    path = folder / "new" / "estimates.json"
    if not path.exists():
        return None
    return json.loads(path.read_text())["median"]["point_estimate"] * 1e-9


def collect(root, group):
    """Return {(trainer, size): seconds} for one criterion group."""
    results = {}
    base = root / group
    if not base.exists():
        return results
    for trainer_dir in base.iterdir():
        if not trainer_dir.is_dir() or trainer_dir.name == "report":
            continue
        benchmark = json.loads((next(trainer_dir.iterdir()) / "new" / "benchmark.json").read_text())
        trainer = benchmark["function_id"]
        for size_dir in trainer_dir.iterdir():
            if size_dir.is_dir() and size_dir.name != "report":
                size_benchmark = json.loads((size_dir / "new" / "benchmark.json").read_text())
                results[(trainer, size_benchmark["value_str"])] = median_seconds(size_dir)
    return results


def table(results, sizes, unit, scale):
    """Print a Markdown table with one row per trainer and one column per size."""
    print("| trainer | " + " | ".join(sizes) + " |")
    print("| --- |" + " ---: |" * len(sizes))
    for trainer in TRAINERS:
        cells = []
        for size in sizes:
            seconds = results.get((trainer, size))
            cells.append("–" if seconds is None else f"{seconds * scale:.3g} {unit}")
        print(f"| {trainer} | " + " | ".join(cells) + " |")
    print()


def plot(series, path):
    """Write a log-log SVG of time per iteration against rows, one line per trainer."""
    width, height, left, right, top, bottom = 900, 620, 90, 220, 50, 70
    points = [(n, t) for values in series.values() for n, t in values]
    xs = [math.log10(n) for n, _ in points]
    ys = [math.log10(t) for _, t in points]
    x0, x1 = math.floor(min(xs)), math.ceil(max(xs))
    y0, y1 = math.floor(min(ys)), math.ceil(max(ys))

    def px(n):
        return left + (math.log10(n) - x0) / (x1 - x0) * (width - left - right)

    def py(t):
        return height - bottom - (math.log10(t) - y0) / (y1 - y0) * (height - top - bottom)

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" font-family="sans-serif">',
        f'<rect width="{width}" height="{height}" fill="white"/>',
        f'<text x="{(width - right + left) / 2}" y="28" font-size="20" text-anchor="middle">'
        "Time per iteration against training rows (10 features)</text>",
    ]
    for decade in range(x0, x1 + 1):
        x = left + (decade - x0) / (x1 - x0) * (width - left - right)
        parts.append(f'<line x1="{x}" y1="{top}" x2="{x}" y2="{height - bottom}" stroke="#ddd"/>')
        parts.append(f'<text x="{x}" y="{height - bottom + 20}" font-size="13" text-anchor="middle">1e{decade}</text>')
    for decade in range(y0, y1 + 1):
        y = height - bottom - (decade - y0) / (y1 - y0) * (height - top - bottom)
        parts.append(f'<line x1="{left}" y1="{y}" x2="{width - right}" y2="{y}" stroke="#ddd"/>')
        parts.append(f'<text x="{left - 8}" y="{y + 4}" font-size="13" text-anchor="end">1e{decade} s</text>')
    parts.append(f'<text x="{(width - right + left) / 2}" y="{height - 20}" font-size="15" text-anchor="middle">rows (log scale)</text>')
    parts.append(
        f'<text x="20" y="{(height - bottom + top) / 2}" font-size="15" text-anchor="middle" '
        f'transform="rotate(-90 20 {(height - bottom + top) / 2})">seconds per iteration (log scale)</text>'
    )
    for k, (trainer, values) in enumerate(series.items()):
        colour = COLOURS[TRAINERS.index(trainer)]
        path_points = " ".join(f"{px(n):.1f},{py(t):.1f}" for n, t in sorted(values))
        parts.append(f'<polyline points="{path_points}" fill="none" stroke="{colour}" stroke-width="2.5"/>')
        for n, t in values:
            parts.append(f'<circle cx="{px(n):.1f}" cy="{py(t):.1f}" r="4" fill="{colour}"/>')
        y = top + 20 + 22 * k
        parts.append(f'<line x1="{width - right + 15}" y1="{y}" x2="{width - right + 40}" y2="{y}" stroke="{colour}" stroke-width="3"/>')
        parts.append(f'<text x="{width - right + 48}" y="{y + 4}" font-size="13">{trainer}</text>')
    parts.append("</svg>")
    pathlib.Path(path).write_text("\n".join(parts) + "\n", encoding="utf-8")


def main():
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "target") / "criterion"
    svg = sys.argv[2] if len(sys.argv) > 2 else "docs/scaling.svg"

    print("### step: one iteration, 2507 × 10\n")
    table(collect(root, "step"), ["2507x10"], "µs", 1e6)
    print("### fit: 1 000 iterations end to end\n")
    table(collect(root, "fit"), ["1000"], "ms", 1e3)
    rows = collect(root, "scaling_rows")
    row_sizes = ["1000x10", "10000x10", "100000x10", "1000000x10"]
    print("### scaling_rows: time per iteration\n")
    table(rows, row_sizes, "µs", 1e6)
    print("### scaling_features: time per iteration, 10 000 rows\n")
    table(collect(root, "scaling_features"), ["10000x10", "10000x100", "10000x1000"], "µs", 1e6)

    series = {}
    for trainer in TRAINERS:
        values = [(int(size.split("x")[0]), rows[(trainer, size)]) for size in row_sizes if rows.get((trainer, size))]
        if values:
            series[trainer] = values
    if series:
        plot(series, svg)
        print(f"(plot written to {svg})")


if __name__ == "__main__":
    main()

"""The live sensor panel: value and unit, a gauge, a scrolling chart, min/max/mean, pause,
CSV logging with a download link, the device's status and the count of dropped lines.

``SensorPanel("timewarp-sim://thermometer")`` opens (or shares) the device; every named
reading becomes a series.  ``panel.png()`` is the chart as a picture, which the kernels put
in the notebook when the cell ends.
"""

from __future__ import annotations

import base64
import csv
import io
import time
import uuid

import ipywidgets as widgets

from timewarp import devices
from timewarp_iot.api import install_browser_bridge
from timewarp_iot.chart import Series, render_png
from timewarp_iot.pacing import Pacer

CHART_EVERY = 0.1    # seconds between chart pictures (values update at up to 20 Hz)


class SensorPanel(widgets.VBox):
    def __init__(self, port: str | devices.Device, window: float = 120.0,
                 gauge: tuple[float, float] | None = None, **kwargs) -> None:
        self.owned = not isinstance(port, devices.Device)
        if self.owned:
            install_browser_bridge()
        self.device = devices.open_device(port) if self.owned else port
        self.lines = self.device.subscribe(maxsize=50_000)
        self.window = window
        self.series: dict[str, Series] = {}
        self.gauge_range = gauge
        self.received = 0
        self.log_rows: list[list] | None = None
        self._last_chart = 0.0
        self.status = widgets.Label(value=f"{self.device.name}: {self.device.describe()}")
        self.values = widgets.Label(value="waiting for readings...")
        self.gauge = widgets.FloatProgress(value=0, min=0, max=1, description="",
                                          layout=widgets.Layout(width="300px"))
        self.chart = widgets.Image(format="png", value=render_png([]),
                                   layout=widgets.Layout(width="600px"))
        self.stats = widgets.Label(value="")
        self.pause = widgets.ToggleButton(value=False, description="Pause", icon="pause")
        self.logging = widgets.ToggleButton(value=False, description="Log to CSV", icon="save")
        self.download = widgets.HTML(value="")
        self.logging.observe(self._toggle_log, "value")
        super().__init__([self.status, widgets.HBox([self.values, self.gauge]), self.chart,
                          self.stats, widgets.HBox([self.pause, self.logging, self.download])],
                         **kwargs)
        self.pacer = Pacer(self.update)
        self.pacer.start()

    # Draining the reader thread's queue (on the kernel's thread; see pacing)

    def update(self) -> None:
        lines = self.lines.drain(10_000)
        if not self.pause.value:
            for line in lines:
                self._take(line)
        self.received += len(lines)
        self._show(force=False)

    def _take(self, line: devices.Line) -> None:
        for name, value in line.readings.items():
            series = self.series.get(name)
            if series is None:
                series = self.series[name] = Series(name, self.window)
            series.add(line.time, value)
        if self.log_rows is not None and line.readings:
            self.log_rows.append([f"{line.wall:.3f}"] + [
                f"{line.readings.get(n, '')}" for n in self.series])

    def _show(self, force: bool) -> None:
        dropped = self.lines.dropped
        self.status.value = (f"{self.device.name}: {self.device.describe()}"
                             + (f"; {dropped} line(s) dropped" if dropped else ""))
        if not self.series:
            return
        parts = [f"{s.name} {s.latest:.4g} {s.unit}".strip() for s in self.series.values()
                 if s.latest is not None]
        self.values.value = "   ".join(parts) + ("  (paused)" if self.pause.value else "")
        first = next(iter(self.series.values()))
        low, high = self.gauge_range or (min(first.low, 0.0), max(first.high, 1e-9))
        self.gauge.min, self.gauge.max = -1e308, 1e308
        self.gauge.min, self.gauge.max = low, high
        self.gauge.value = min(max(first.latest, low), high)
        self.stats.value = "   ".join(
            f"{s.name}: min {s.low:.4g} max {s.high:.4g} mean {s.mean:.4g} ({s.count} readings)"
            for s in self.series.values())
        now = time.monotonic()
        if force or now - self._last_chart >= CHART_EVERY:
            self._last_chart = now
            self.chart.value = self.png()

    def png(self) -> bytes:
        return render_png(list(self.series.values()), title=self.device.name)

    # Live, then a picture that stays (for Python cells; the language kernels do this)

    def __enter__(self) -> SensorPanel:
        """``with SensorPanel(port) as panel:`` shows it live for the block's duration..."""
        from IPython.display import display
        self.display_id = uuid.uuid4().hex
        display(self, display_id=self.display_id)
        return self

    def __exit__(self, *exc) -> None:
        """...then leaves the chart as a PNG, which a saved notebook keeps."""
        self.freeze()

    def freeze(self) -> None:
        """Replace the live panel (shown with ``with``) by a picture of its chart, and close it."""
        from IPython.display import update_display
        self.update()
        self._show(force=True)
        if getattr(self, "display_id", None):
            update_display({"image/png": base64.b64encode(self.png()).decode(),
                            "text/plain": f"<readings from {self.device.name}>"},
                           raw=True, display_id=self.display_id)
        self.close()

    # CSV logging

    def _toggle_log(self, change) -> None:
        if change["new"]:
            self.log_rows = []
            self.download.value = "logging..."
        else:
            self.download.value = self.csv_link()

    def csv_text(self) -> str:
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(["time"] + list(self.series))
        writer.writerows(self.log_rows or [])
        return out.getvalue()

    def csv_link(self) -> str:
        data = base64.b64encode(self.csv_text().encode()).decode()
        rows = len(self.log_rows or [])
        return (f'<a download="readings.csv" href="data:text/csv;base64,{data}">'
                f"download readings.csv ({rows} rows)</a>")

    def close(self) -> None:
        if hasattr(self, "pacer"):      # __del__ may call close on a half-made panel
            self.pacer.stop()
            self.lines.close()
            if self.owned:
                devices.release(self.device)
        super().close()

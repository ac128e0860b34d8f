"""Shows the devices a cell's program opens: a live sensor panel, then a picture that stays.

As the turtle does (see turtle_display): while the cell runs, every device the program has
open gets a live ``timewarp_iot.SensorPanel`` under a display id; when the cell ends,
however it ends, that output is replaced by the chart as ``image/png`` and the panel is
closed, so a saved, exported or graded notebook shows the readings without a kernel.
"""

from __future__ import annotations

import uuid

from IPython.display import display

from timewarp import devices


class DeviceDisplay:
    def __init__(self) -> None:
        self.panels: dict[str, tuple[object, str]] = {}
        self._remove_hook = None

    def __enter__(self) -> DeviceDisplay:
        from timewarp_iot.api import install_browser_bridge
        install_browser_bridge()     # in a notebook, the browser's port is a device too
        self._remove_hook = devices.add_idle_hook(self.watch)
        return self

    def watch(self) -> None:
        """Give each device opened since the cell began a panel (called on the main thread)."""
        for device in devices.open_devices():
            if device.url not in self.panels:
                from timewarp_iot.panel import SensorPanel
                panel = SensorPanel(device)
                display_id = uuid.uuid4().hex
                display(panel, display_id=display_id)
                self.panels[device.url] = (panel, display_id)

    def __exit__(self, *exc) -> None:
        self._remove_hook()
        for panel, display_id in self.panels.values():
            panel.display_id = display_id
            panel.freeze()
        self.panels.clear()

"""Sensors in JupyterLab: the live chart while a BASIC program reads the simulator, the
picture it leaves, and a device on the student's own machine read through the Web Serial
bridge (navigator.serial is provided in the page by a script that streams lines, as no
USB device exists here)."""

from __future__ import annotations

import time

import nbformat

SLOW_MS = 120_000

READ_SIMULATOR = """10 OPEN "timewarp-sim://thermometer?rate=20&seed=3" AS #1
20 FOR I = 1 TO 160: LINE INPUT #1, L$: NEXT
30 PRINT "READ"; I - 1; "LINES"
RUN"""

# A pretend USB device behind navigator.serial: lines temp=20..24 every 40 ms; what the
# page writes to it is kept in window.__written; window.__unplug() pulls it out.
FAKE_WEB_SERIAL = """
(() => {
  let controller = null, timer = null, n = 0;
  window.__written = '';
  window.__opened = 0;
  const port = {
    // Each open is a plug-in: fresh streams, lines from the board again.
    async open(options) {
      window.__baud = options.baudRate;
      window.__opened += 1;
      port.readable = new ReadableStream({ start(c) { controller = c; } });
      port.writable = new WritableStream({
        write(chunk) { window.__written += new TextDecoder().decode(chunk); } });
      start();
    },
    async close() {},
    getInfo() { return { usbVendorId: 0x2341, usbProductId: 0x0043 }; },
  };
  const start = () => {
    clearInterval(timer);
    timer = setInterval(() => {
      n += 1;
      controller.enqueue(new TextEncoder().encode('temp=' + (20 + n % 5) + '\\r\\n'));
    }, 40);
  };
  window.__unplug = () => {
    clearInterval(timer);
    controller.error(new DOMException('The device has been lost.', 'NetworkError'));
  };
  const serial = {
    async requestPort() { return port; },
    async getPorts() { return [port]; },
    addEventListener() {}, removeEventListener() {},
  };
  Object.defineProperty(Navigator.prototype, 'serial', { get: () => serial, configurable: true });
})();
"""

def _start(lab, index: int = 0) -> None:
    """Run a cell, pressing again if a just-opened notebook missed the first Shift+Enter."""
    prompt = lab.cell(index).locator(".jp-InputPrompt")
    for _ in range(10):
        lab.run_cell(index)
        for _ in range(40):
            if prompt.inner_text().strip() not in ("", "[ ]:"):
                return
            time.sleep(0.05)
    raise AssertionError("the cell would not start")


def test_live_sensor_chart_updates_then_stays_as_a_picture(lab):
    path = lab.write_notebook("sensor_live.ipynb", "basic", [READ_SIMULATOR])
    lab.open("sensor_live.ipynb")
    _start(lab)
    output = lab.cell(0).locator(".jp-OutputArea")
    chart = output.locator(".widget-image img, img.widget-image").first
    chart.wait_for(timeout=SLOW_MS)
    first = chart.get_attribute("src")
    lab.page.wait_for_function(
        "([sel, before]) => { const i = document.querySelector(sel);"
        " return i && i.getAttribute('src') !== before; }",
        arg=[".jp-Cell:first-child .jp-OutputArea .widget-image", first], timeout=SLOW_MS)
    values = output.locator(".widget-label", has_text="temp").first
    values.wait_for(timeout=SLOW_MS)
    assert "°C" in values.inner_text()
    lab.screenshot("sensor_live")

    output.get_by_text("READ 160 LINES").wait_for(timeout=SLOW_MS)
    lab.wait_idle(timeout=SLOW_MS)
    output.locator(".jp-RenderedImage img").wait_for(timeout=SLOW_MS)
    assert output.locator(".widget-image").count() == 0
    lab.save()
    lab.page.locator(".jp-mod-dirty").wait_for(state="detached")
    outputs = nbformat.read(path, as_version=4).cells[0].outputs
    pictures = [o for o in outputs if o.get("output_type") == "display_data"]
    assert [set(o["data"]) for o in pictures] == [{"image/png", "text/plain"}]


READ_UNTIL_TAB_CLOSES = """10 ON ERROR GOTO 100
20 OPEN "WEBSERIAL:" AS #1
30 LINE INPUT #1, L$: GOTO 30
100 OPEN "TAB_CLOSED.TXT" FOR OUTPUT AS #2
110 PRINT #2, ERR; ERL
120 CLOSE #2: END
RUN"""


def test_closing_the_tab_mid_stream_is_device_unavailable(lab, jupyter_lab):
    lab.page.add_init_script(FAKE_WEB_SERIAL)
    lab.write_notebook("web_serial_tab.ipynb", "basic", [READ_UNTIL_TAB_CLOSES])
    result = jupyter_lab.root / "TAB_CLOSED.TXT"
    lab.open("web_serial_tab.ipynb")
    _start(lab)
    connect = lab.cell(0).locator("button.timewarp-webserial-connect")
    connect.wait_for(timeout=SLOW_MS)
    connect.click()
    lab.cell(0).locator(".timewarp-webserial-status", has_text="connected").wait_for()
    time.sleep(1)
    lab.page.close()
    deadline = time.monotonic() + 60
    while not result.exists() or not result.read_text().strip():
        assert time.monotonic() < deadline, "the program never heard that the tab closed"
        time.sleep(0.2)
    assert result.read_text().split() == ["68", "30"]


READ_AGAIN_AFTER_REPLUG = """10 ON ERROR GOTO 100
20 OPEN "WEBSERIAL:115200" AS #1
25 PRINT #1, "LED ON"
30 LINE INPUT #1, L$: N = N + 1
40 IF N MOD 10 = 0 THEN PRINT "LINES"; N
50 GOTO 30
100 PRINT "UNPLUGGED"; ERR; "IN"; ERL: CLOSE #1: RESUME 20
RUN"""


def test_device_in_the_browser_read_written_unplugged_and_plugged_back_in(lab):
    lab.page.add_init_script(FAKE_WEB_SERIAL)
    lab.write_notebook("web_serial_replug.ipynb", "basic", [READ_AGAIN_AFTER_REPLUG])
    lab.open("web_serial_replug.ipynb")
    _start(lab)
    output = lab.cell(0).locator(".jp-OutputArea")
    connect = output.locator("button.timewarp-webserial-connect")
    connect.wait_for(timeout=SLOW_MS)
    connect.click()
    output.get_by_text("LINES 10").wait_for(timeout=SLOW_MS)
    assert lab.page.evaluate("window.__baud") == 115200
    lab.page.wait_for_function("window.__written.includes('LED ON\\n')", timeout=SLOW_MS)
    output.locator(".timewarp-webserial-status", has_text="connected").wait_for()
    lab.screenshot("web_serial_reading")
    lab.page.evaluate("window.__unplug()")
    output.get_by_text("UNPLUGGED 68 IN 30").wait_for(timeout=SLOW_MS)
    output.locator(".timewarp-webserial-status", has_text="lost").wait_for()
    connect.click()
    output.get_by_text("LINES 30").wait_for(timeout=SLOW_MS)
    assert lab.page.evaluate("window.__opened") == 2
    lab.screenshot("web_serial_replugged")

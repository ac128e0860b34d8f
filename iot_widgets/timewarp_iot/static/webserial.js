// The Web Serial bridge's front end: opens the student's own port in the browser and
// passes its bytes to the kernel over the widget's comm; bytes the kernel writes come back.
// No HTML from the device is ever rendered: status text only.

function render({ model, el }) {
  const button = document.createElement("button");
  button.className = "timewarp-webserial-connect jupyter-button";
  button.textContent = "Connect a device (Web Serial)";
  const status = document.createElement("span");
  status.className = "timewarp-webserial-status";
  status.style.marginLeft = "0.5em";
  el.append(button, status);
  const show = () => { status.textContent = model.get("status"); };
  show();
  model.on("change:status", show);

  if (!("serial" in navigator)) {
    button.disabled = true;
    model.send({ kind: "unsupported" });
    return;
  }
  let port = null;
  let writer = null;

  async function readLoop() {
    const reader = port.readable.getReader();
    let reason = "the device stopped sending";
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        if (value && value.byteLength) {
          const bytes = value.buffer.slice(value.byteOffset, value.byteOffset + value.byteLength);
          model.send({ kind: "data" }, undefined, [bytes]);
        }
      }
    } catch (err) {
      reason = String(err);
    } finally {
      reader.releaseLock();
    }
    writer = null;
    model.send({ kind: "closed", reason });
  }

  button.addEventListener("click", async () => {
    try {
      port = await navigator.serial.requestPort();
      await port.open({ baudRate: model.get("baud") });
      writer = port.writable ? port.writable.getWriter() : null;
      model.send({ kind: "open" });
      readLoop();
      // While the port is open, say so every second: a kernel that stops hearing this
      // knows the tab was closed or lost its connection, even if the device is silent.
      const beat = setInterval(() => {
        if (writer === null) { clearInterval(beat); return; }
        model.send({ kind: "alive" });
      }, 1000);
    } catch (err) {
      model.send({ kind: "error", reason: String(err) });
    }
  });

  model.on("msg:custom", async (msg, buffers) => {
    if (msg.kind === "write" && writer && buffers && buffers.length) {
      const view = buffers[0];
      await writer.write(new Uint8Array(view.buffer, view.byteOffset, view.byteLength));
    }
  });

  window.addEventListener("pagehide", () => {
    if (port) model.send({ kind: "closed", reason: "the browser tab was closed" });
  });
}

export default { render };

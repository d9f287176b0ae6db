/** Small clients of the yuyin HTTP and WebSocket APIs. */

async function errorMessage(response) {
  try {
    const body = await response.json();
    return body.error ? body.error.message : JSON.stringify(body);
  } catch {
    return `${response.status} ${response.statusText}`;
  }
}

export async function getJSON(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(await errorMessage(response));
  return response.json();
}

export async function post(url, body) {
  const response = await fetch(url, {
    method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(await errorMessage(response));
  return response;
}

/** POST a file as the raw request body (e.g. an audio clip); returns the parsed JSON answer. */
export async function postFile(url, file) {
  const response = await fetch(url, {
    method: "POST", headers: { "Content-Type": file.type || "application/octet-stream" }, body: file,
  });
  if (!response.ok) throw new Error(await errorMessage(response));
  return response.json();
}

/**
 * Start one synthesis over /ws/synthesize. handlers: onEvent(event) for JSON events,
 * onAudio(ArrayBuffer) for PCM frames, onClose(finished: a done, error or cancelled event came). Returns {cancel}.
 */
export function synthesizeOverWebSocket(request, handlers) {
  const scheme = location.protocol === "https:" ? "wss:" : "ws:";
  const socket = new WebSocket(`${scheme}//${location.host}/ws/synthesize`);
  socket.binaryType = "arraybuffer";
  let finished = false;
  socket.onopen = () => socket.send(JSON.stringify({ type: "synthesize", ...request }));
  socket.onmessage = (message) => {
    if (typeof message.data !== "string") return handlers.onAudio(message.data);
    const event = JSON.parse(message.data);
    if (["done", "error", "cancelled"].includes(event.type)) finished = true;
    handlers.onEvent(event);
    if (finished) socket.close();
  };
  socket.onclose = () => handlers.onClose(finished);
  return {
    /** Stop the synthesis: say so if the socket is open (the server then answers "cancelled"), and
     *  close it, so that the server stops at once and no more of its audio arrives. */
    cancel() {
      if (socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify({ type: "cancel" }));
      socket.close();
    },
  };
}

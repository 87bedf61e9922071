// The JSON-RPC calls the scripts of this folder make to Odoo, as the web client makes them.

/** `jsonrpc(path, params, cookie?)` → `{result, cookie}`; an Odoo error throws its message. */
export function createJsonRpc(url, { timeoutMs = 60_000 } = {}) {
  return async function jsonrpc(path, params, cookie) {
    const response = await fetch(url + path, {
      method: "POST",
      headers: { "Content-Type": "application/json", ...(cookie ? { Cookie: cookie } : {}) },
      body: JSON.stringify({ jsonrpc: "2.0", method: "call", id: 1, params }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const body = await response.json();
    if (body.error) throw new Error(`${path}: ${body.error.data?.message ?? body.error.message}`);
    return { result: body.result, cookie: response.headers.get("set-cookie")?.split(";")[0] };
  };
}

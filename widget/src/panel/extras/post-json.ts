/** What the panel's own actions (join, split) need: a JSON POST and its status, never an exception. */
export async function postJson(server: string, path: string, body: unknown): Promise<{ status: number; body: any }> {
  try {
    const response = await fetch(server + path, {
      method: 'POST',
      credentials: 'omit',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: await response.json().catch(() => null) };
  } catch {
    // Offline or blocked: reported to the visitor as "try again later".
    return { status: 0, body: null };
  }
}

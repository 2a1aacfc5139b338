/**
 * A page's first number format makes Chromium list every language it can format numbers in (it
 * opens each one's locale data): 30-80 ms in one piece, more than the widget's budget for a task.
 * The list is kept for the whole renderer process, so a worker builds it off the main thread and
 * the panel's own formats then take well under a millisecond. Where no worker may start (a
 * Content-Security-Policy without `worker-src blob:`), a task of its own does it instead.
 * Resolves when the list is there; never rejects. Once per page.
 */
let loaded: Promise<unknown> | undefined;

export function loadLocaleData(): Promise<unknown> {
  return (loaded ||= new Promise((resolve) => {
    // The browser's own language: this never throws, unlike a tag from the page.
    const onMainThread = () => setTimeout(() => resolve(new Intl.NumberFormat()));
    try {
      const worker = new Worker(URL.createObjectURL(new Blob(['Intl.NumberFormat();postMessage(0)'])));
      worker.onmessage = () => resolve(worker.terminate());
      // Refused by the page's policy: it never started.
      worker.onerror = onMainThread;
    } catch {
      onMainThread();
    }
  }));
}

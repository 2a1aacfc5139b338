/**
 * The widget's only way to report trouble: one console warning, never an exception into the
 * shop's page.
 */
export function warn(problem: unknown): void {
  console.warn('[sarafan] ' + problem);
}

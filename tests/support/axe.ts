import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource: string = createRequire(import.meta.url)('axe-core').source;

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: unknown[];
}

export interface AxeScan {
  violations: AxeViolation[];
  /** Elements inside shadow roots that rules passed: proof that the widget was looked at. */
  shadowNodesChecked: number;
}

/**
 * Runs axe-core in the page (open shadow roots included) against WCAG 2.0, 2.1 and 2.2 A and AA
 * and axe's best practices, and returns the violations in a form that reads well in a failed
 * expectation. axe is injected for the scan only; pages never ship it.
 */
export async function axeScan(page: Page): Promise<AxeScan> {
  // Evaluated rather than added as a <script>: pages under a strict CSP (the dashboard) refuse inline scripts.
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<any> } }).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    });
    const inShadow = (node: any) => Array.isArray(node.target[0]);
    return {
      violations: result.violations.map((violation: any) => ({
        id: violation.id,
        impact: violation.impact,
        help: violation.help,
        targets: violation.nodes.map((node: any) => node.target),
      })),
      shadowNodesChecked: result.passes.flatMap((rule: any) => rule.nodes).filter(inShadow).length,
    };
  });
}

import { describe, expect, it } from 'vitest';
import { panelCss } from '../../src/panel/styles.ts';

describe('panelCss', () => {
  it('resets what the host page could pass in, and sizes in px only (shops change the root font size)', () => {
    const css = panelCss(undefined);
    expect(css).toContain(':host{all:initial;display:block;');
    expect(css).toContain('.card{all:initial;');
    expect(css).not.toMatch(/\d(r?em)\b/);
    expect(css).not.toContain('\n');
  });

  it('follows the system scheme by default, and data-theme forces one', () => {
    const dark = ':host{color-scheme:dark;--a:var(--sarafan-accent,#7ed7a4)';
    expect(panelCss(undefined)).toContain(`@media (prefers-color-scheme:dark){${dark}`);
    expect(panelCss('dark')).toContain(dark);
    expect(panelCss('dark')).not.toContain('prefers-color-scheme');
    expect(panelCss('light')).not.toContain('color-scheme:dark');
    expect(panelCss('light')).toContain('--a:var(--sarafan-accent,#1f6f43)');
  });
});

import { describe, expect, it } from 'vitest';
import { escapeHtml, linkPreviewPage } from '../../src/routes/link-preview-page.ts';

describe('escapeHtml', () => {
  it('escapes everything that could end a text or a quoted attribute', () => {
    expect(escapeHtml(`<a href="x" title='y'>Tom & Jerry</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;Tom &amp; Jerry&lt;/a&gt;',
    );
    expect(escapeHtml('plain')).toBe('plain');
  });
});

describe('linkPreviewPage', () => {
  it('leaves no unescaped markup from its input in the page', () => {
    const hostile = `"><script>alert(1)</script>`;
    const page = linkPreviewPage({
      title: hostile,
      description: hostile,
      image: { url: `https://x.example/${hostile}`, alt: hostile, width: null, height: null },
      url: `https://x.example/?q=${hostile}`,
      siteName: hostile,
    });
    expect(page).not.toContain('<script>');
    expect(page).not.toContain('"><');
  });
});

import { describe, expect, it } from 'vitest';
import { escapeHtml, html, inlineJson, trustedHtml } from '../src/html.ts';

describe('html', () => {
  it('escapes every interpolated string', () => {
    const name = `<img src=x onerror="alert('x')">&`;
    expect(html`<p title="${name}">${name}</p>`.toString()).toBe(
      '<p title="&lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt;&amp;">&lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt;&amp;</p>',
    );
  });

  it('keeps nested templates and trusted markup, escapes arrays item by item', () => {
    const items = ['<b>', 'ok'];
    const out = html`<ul>${items.map((item) => html`<li>${item}</li>`)}</ul>${trustedHtml('<hr>')}${['<i>']}`;
    expect(out.toString()).toBe('<ul><li>&lt;b&gt;</li><li>ok</li></ul><hr>&lt;i&gt;');
  });

  it('renders nothing for null, undefined and false, and numbers as text', () => {
    expect(html`${null}${undefined}${false}${0}${12}`.toString()).toBe('012');
  });

  it('escapes backticks too', () => {
    expect(escapeHtml('`')).toBe('&#96;');
  });
});

describe('inlineJson', () => {
  it('cannot close the script element it is written into', () => {
    const json = inlineJson({ name: '</script><script>alert(1)</script>', note: '<!--' }).toString();
    expect(json).not.toContain('<');
    expect(JSON.parse(json)).toEqual({ name: '</script><script>alert(1)</script>', note: '<!--' });
  });

  it('escapes the JavaScript line separators', () => {
    expect(inlineJson('a\u2028b\u2029c').toString()).toBe('"a\\u2028b\\u2029c"');
  });
});

import { html, type SafeHtml } from '../html.ts';

/** Not found, server error and other one-paragraph pages. */
export function messagePage(heading: string, text: string): SafeHtml {
  return html`<h1>${heading}</h1>
<p>${text}</p>
<p><a href="/">Back to the shop</a></p>`;
}

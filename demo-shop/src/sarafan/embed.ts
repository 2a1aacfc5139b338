import { html, inlineJson, trustedHtml, type SafeHtml } from '../html.ts';
import type { IdentifyArgs } from './identity.ts';

/**
 * The widget embed, as every shop page carries it:
 *
 * 1. the two-line stub, so `sarafan(...)` calls queue up before the script has loaded;
 * 2. this page's commands (`identify`, `purchase`), queued by the stub;
 * 3. the loader itself, `async` so it never blocks rendering.
 *
 * Everything goes in `<head>`; the loader renders nothing until the page is ready.
 */
export type SarafanCommand =
  | ['identify', IdentifyArgs]
  | ['purchase', { orderId: string; amount: number; currency: string }]
  | ['consent', boolean];

export interface SarafanEmbedOptions {
  /** The tracking server as the browser reaches it. */
  serverUrl: string;
  programId: string;
  commands?: readonly SarafanCommand[];
  /** `data-consent="required"`: Sarafan stores nothing and reports no click until `consent(true)`. */
  consentRequired?: boolean;
  /** `data-launcher`: Sarafan's floating "Invite friends" button, in this corner. */
  launcher?: 'bottom-right' | 'bottom-left';
}

const STUB = trustedHtml('window.sarafan=window.sarafan||function(){(sarafan.q=sarafan.q||[]).push(arguments)};');

export function sarafanEmbed(options: SarafanEmbedOptions): SafeHtml {
  const commands = options.commands ?? [];
  // Commands are data, not code: each argument goes through inlineJson so that nothing a customer
  // typed (a name with `</script>` in it) can break out of the script element.
  const calls = commands.map(([name, args]) => html`sarafan(${inlineJson(name)},${inlineJson(args)});`);
  return html`<script>${STUB}</script>
${commands.length > 0 ? html`<script>${calls}</script>` : ''}
<script async src="${options.serverUrl}/widget.js" data-program="${options.programId}"${
    options.consentRequired ? html` data-consent="required"` : ''
  }${options.launcher ? html` data-launcher="${options.launcher}"` : ''}></script>`;
}

import type { WidgetPlacement } from '../../shared/src/wire.ts';

/**
 * The contract between the loader (on every page) and the lazily loaded panel chunk. The loader
 * imports the panel by URL and calls `show` whenever a placement may have to appear or change.
 */
export interface Identity {
  email: string;
  name?: string;
  customerId?: string;
  /** When the shop signed it, UTC epoch milliseconds. */
  timestamp: number;
  /** Hex HMAC-SHA256 from `signIdentity` in the shop's backend. */
  signature: string;
}

/**
 * Why the panel is being shown: `purchase` and `open` open the dialog, `inline` and `referral` do
 * not. `forget` shows nothing: consent was withdrawn, so the server deletes the cookie it set.
 */
export type PanelReason = 'inline' | 'referral' | 'purchase' | 'open' | 'forget';

export interface PanelContext {
  /** The tracking server's base URL without a trailing slash, e.g. `http://localhost:8787`. */
  server: string;
  programId: string;
  visitorId: string;
  /** Without a click id while the referral waits for consent (`data-consent="required"`). */
  referral: { code: string; clickId?: string | undefined } | null;
  identity: IdentityInput | null;
  /**
   * The script tag's `data-*` attributes, read by the panel when it renders: `lang` (a BCP 47
   * tag; the panel falls back to `<html lang>`, then the browser), `texts` (JSON overriding
   * texts) and `theme` (`light` or `dark`). Passed whole, so a new setting costs the loader nothing.
   */
  dataset: ScriptDataset;
  /** `orderId` of the latest `purchase` call, as the shop passed it (the panel checks it), so
   * that its dialog opens once, not on every reload. */
  orderId: unknown;
  reason: PanelReason;
  /** With `open` from the widget's own launcher or banner: which one, for the events. */
  placement?: WidgetPlacement;
}

/**
 * What the shop passed to `identify`, or the script tag's dataset (all strings): the loader only
 * checks that email, signature and timestamp are there; the panel keeps the fields the server verifies.
 */
export type IdentityInput = Readonly<Record<string, unknown>>;

/** `script.dataset`: every value is a string, and any may be missing. */
export type ScriptDataset = Readonly<Record<string, string | undefined>>;

export interface PanelModule {
  show(context: PanelContext): void;
}

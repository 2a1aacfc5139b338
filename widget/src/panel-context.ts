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

/** Why the panel is being shown: `purchase` and `open` open the dialog, the others do not. */
export type PanelReason = 'inline' | 'referral' | 'purchase' | 'open';

export interface PanelContext {
  /** The tracking server's base URL without a trailing slash, e.g. `http://localhost:8787`. */
  server: string;
  programId: string;
  visitorId: string;
  referral: { code: string; clickId: string } | null;
  identity: Identity | null;
  /** BCP 47 language tag from `data-lang`; the panel falls back to `<html lang>`, then the browser. */
  lang: string | undefined;
  /** `orderId` of the latest `purchase` call, as the shop passed it (the panel checks it), so
   * that its dialog opens once, not on every reload. */
  orderId: unknown;
  reason: PanelReason;
}

export interface PanelModule {
  show(context: PanelContext): void;
}

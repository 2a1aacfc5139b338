import type {
  AmbassadorRecord,
  AmbassadorSummary,
  ClickBreakdown,
  ClickRecord,
  ClickSource,
  ClientDetails,
  ConversionDetails,
  ConversionRecord,
  ProgramRecord,
  RewardRecord,
} from './records.ts';

/**
 * The narrow interface between the services and the database. SQLite implements it today; a
 * PostgreSQL implementation for several server instances is planned, so:
 * - every method is async, even though better-sqlite3 answers synchronously;
 * - every multi-step write is one method, which the implementation runs in one transaction;
 * - decisions that must be atomic with a write stay pure functions in `domain/`: click
 *   deduplication (`decideClick`, which implementations call inside their transaction) and
 *   refund maths (passed in as a planner), so the rules live in one place and the locking here.
 */
export interface Store {
  /** Answers when the database does; used by `GET /health`. */
  ping(): Promise<void>;
  close(): Promise<void>;

  // Programs
  saveProgram(program: ProgramRecord): Promise<void>;
  getProgram(id: string): Promise<ProgramRecord | null>;
  findProgramBySecretHash(secretHash: string): Promise<ProgramRecord | null>;
  /** For CORS preflight, which does not say which program it is for. */
  isOriginAllowedByAnyProgram(origin: string): Promise<boolean>;

  // Ambassadors
  /** Creates the ambassador, or returns the one with the same normalised email (filling in a
   * missing name / customer id). `code_taken` means: pick another code and try again. */
  insertAmbassador(ambassador: NewAmbassador): Promise<InsertAmbassadorResult>;
  /** Codes are globally unique; `code` must be canonical. */
  findAmbassadorByCode(code: string): Promise<AmbassadorRecord | null>;
  getAmbassador(id: number): Promise<AmbassadorRecord | null>;
  /** Remembers a browser of the ambassador and flags its earlier clicks on their own link as self. */
  addAmbassadorVisitor(ambassadorId: number, visitorId: string, at: number): Promise<void>;
  isAmbassadorVisitor(ambassadorId: number, visitorId: string): Promise<boolean>;
  /** Whether this browser already bought through the ambassador: the friend offer is for a first purchase. */
  hasBoughtThrough(ambassadorId: number, visitorId: string): Promise<boolean>;
  summariseAmbassador(ambassadorId: number): Promise<AmbassadorSummary>;

  // Clicks
  /** Writes a batch of clicks in one durable transaction, deciding each with `decideClick`;
   * results are in the order of `writes`. A write that fails alone yields an `Error` in its
   * slot; a failed commit rejects the promise. */
  recordClicks(writes: ClickWrite[]): Promise<Array<ClickWriteResult | Error>>;
  findClick(programId: string, clickId: string): Promise<ClickRecord | null>;
  /** The ambassador's latest click from this browser. */
  findLatestClick(ambassadorId: number, visitorId: string): Promise<ClickRecord | null>;
  /** Counted clicks of the program (not the ambassadors' own) made in `[from, to)`, broken down
   * by device type, browser and OS, for the owner's statistics. */
  summariseClicks(programId: string, range: { from: number; to: number }): Promise<ClickBreakdown>;

  // Conversions
  findConversion(programId: string, orderId: string): Promise<ConversionDetails | null>;
  /** Inserts the conversion and its reward in one transaction, unless the order id is already
   * recorded: then nothing changes and the stored conversion comes back with `created: false`. */
  recordConversion(conversion: NewConversion): Promise<{ created: boolean; conversion: ConversionDetails }>;
  /** Runs `plan` on the current conversion inside a write transaction and stores its outcome
   * (refund row, conversion and reward update). `plan` may throw to refuse: nothing is written. */
  applyRefund(programId: string, orderId: string, plan: RefundPlanner, at: number): Promise<ConversionDetails | null>;
}

export interface NewAmbassador {
  programId: string;
  code: string;
  email: string;
  emailNormalised: string;
  name: string | null;
  customerId: string | null;
  createdAt: number;
}

export type InsertAmbassadorResult =
  | { status: 'created' | 'existing'; ambassador: AmbassadorRecord }
  | { status: 'code_taken' };

export interface ClickWrite extends ClientDetails {
  /** The id a new click gets; ignored when the click turns out to be a repeat. */
  newClickId: string;
  programId: string;
  ambassadorId: number;
  source: ClickSource;
  visitorId: string | null;
  /** Salted hash of IP + user agent under the current salt: stored with the click. */
  ipUaHash: string | null;
  /** The same under the previous salt: matched (a repeat from before the salt rotated), never stored. */
  previousIpUaHash: string | null;
  /** Opened from a QR code (`?qr=1` on the short link). */
  qr: boolean;
  /** The click id from a short-link redirect, which the landing page claims. */
  claimClickId: string | null;
  url: string | null;
  referrer: string | null;
  at: number;
  dedupWindowMs: number;
}

export interface ClickWriteResult {
  clickId: string;
  /** true only for a new click that counts (not a repeat, not the ambassador's own). */
  counted: boolean;
}

export type NewConversion = Omit<
  ConversionRecord,
  'id' | 'refundedAmount' | 'status'
> & {
  reward: Pick<RewardRecord, 'ambassadorId' | 'kind' | 'amount' | 'currency' | 'status'> | null;
};

export interface RefundPlan {
  /** The amount refunded now (> 0). */
  amount: number;
  refundedAmount: number;
  status: ConversionRecord['status'];
  reward: { amount: number; status: RewardRecord['status'] } | null;
}

export type RefundPlanner = (conversion: ConversionDetails) => RefundPlan;

import type { ClickRequest, ClickResponse } from '../../../shared/src/wire.ts';
import type { AmbassadorRecord, ProgramRecord } from '../store/records.ts';
import type { ClickWrite, ClickWriteResult } from '../store/store.ts';
import { newClickId } from './click-ids.ts';
import type { ServiceContext } from './service-context.ts';
import type { UserAgents } from './user-agents.ts';
import { IpUserAgentHasher } from './visitor-fingerprint.ts';
import { WriteBatcher, type BatcherOptions } from './write-batcher.ts';

/** Page URLs and referrers are kept for the owner's curiosity, not as evidence: a prefix is enough. */
export const MAX_STORED_URL_LENGTH = 1_024;

export interface ClientInfo {
  ip: string;
  userAgent: string;
}

/** What differs between a short-link click and the widget's. */
type ClickOfSource = Pick<ClickWrite, 'source' | 'visitorId' | 'claimClickId' | 'url' | 'referrer' | 'qr'>;

export interface ClickServiceOptions {
  /** The secret the rotating salts of the IP + user-agent hash derive from (`SARAFAN_IP_SALT`). */
  ipSalt: string;
  batch?: Partial<BatcherOptions>;
}

/**
 * Counts clicks. Writes go through a batcher: many requests share one transaction and one fsync,
 * and each request is answered after its batch committed.
 */
export class ClickService {
  readonly #context: ServiceContext;
  readonly #hasher: IpUserAgentHasher;
  readonly #userAgents: UserAgents;
  readonly #batcher: WriteBatcher<ClickWrite, ClickWriteResult>;

  constructor(context: ServiceContext, userAgents: UserAgents, options: ClickServiceOptions) {
    this.#context = context;
    this.#userAgents = userAgents;
    this.#hasher = new IpUserAgentHasher(options.ipSalt);
    this.#batcher = new WriteBatcher((writes) => context.store.recordClicks(writes), options.batch);
  }

  /** `GET /r/{code}` by a person: no visitor id yet, so repeats are recognised by IP + user agent. */
  recordLinkClick(
    program: ProgramRecord,
    ambassador: AmbassadorRecord,
    client: ClientInfo & { referrer: string | null; qr: boolean },
  ): Promise<ClickWriteResult> {
    // A blocked ambassador's link still leads to the shop, but the visit is not a click of theirs.
    if (ambassador.blockedAt) return Promise.resolve({ clickId: newClickId(this.#context.clock()), counted: false });
    return this.#batcher.write(
      this.#clickWrite(program, ambassador, client, {
        source: 'link',
        visitorId: null,
        claimClickId: null,
        url: null,
        referrer: truncate(client.referrer),
        qr: client.qr,
      }),
    );
  }

  /** The widget's click beacon; claims the short-link click when it carries its id. */
  async recordWidgetClick(
    program: ProgramRecord,
    ambassador: AmbassadorRecord,
    request: ClickRequest,
    client: ClientInfo,
  ): Promise<ClickResponse> {
    if (ambassador.blockedAt) return this.ignoredWidgetClick(request);
    const result = await this.#batcher.write(
      this.#clickWrite(program, ambassador, client, {
        source: 'widget',
        visitorId: request.visitorId,
        claimClickId: request.clickId ?? null,
        url: truncate(request.url ?? null),
        referrer: truncate(request.referrer ?? null),
        qr: isQrLanding(request.url),
      }),
    );
    return { clickId: result.clickId, counted: result.counted };
  }

  /**
   * The answer to a bot's click beacon (a crawler that runs scripts): nothing is stored, and the
   * click id is the one it brought, or a fresh one that names no click, so that attribution
   * falls back to the referral code should it ever come back.
   */
  ignoredWidgetClick(request: ClickRequest): ClickResponse {
    return { clickId: request.clickId ?? newClickId(this.#context.clock()), counted: false };
  }

  /** Clicks waiting for their batch. */
  get pendingWrites(): number {
    return this.#batcher.waiting;
  }

  /** Writes the clicks still waiting; call before closing the store. */
  drain(): Promise<void> {
    return this.#batcher.drain();
  }

  /**
   * Property by property, with no spread: V8 builds an object literal that spreads another and
   * then adds properties on a slow path, which cost a few µs per click (measured with the
   * benchmark's clicks).
   */
  #clickWrite(program: ProgramRecord, ambassador: AmbassadorRecord, client: ClientInfo, click: ClickOfSource): ClickWrite {
    const at = this.#context.clock();
    const hashes = this.#hasher.hashes(client.ip, client.userAgent, at);
    const details = this.#userAgents.of(client.userAgent).details;
    return {
      newClickId: newClickId(at),
      programId: program.id,
      ambassadorId: ambassador.id,
      source: click.source,
      visitorId: click.visitorId,
      ipUaHash: hashes.current,
      previousIpUaHash: hashes.previous,
      qr: click.qr,
      claimClickId: click.claimClickId,
      url: click.url,
      referrer: click.referrer,
      browser: details.browser,
      os: details.os,
      deviceType: details.deviceType,
      at,
      dedupWindowMs: program.dedupWindowMs,
    };
  }
}

/**
 * The QR code of a product share encodes that page's own address with `qr=1`, so the landing page
 * says it was scanned. (The QR code of the short link carries `qr=1` to `GET /r/{code}` instead.)
 */
function isQrLanding(url: string | undefined): boolean {
  // Most landing pages say nothing of `qr`: the substring test spares parsing them.
  return url !== undefined && url.includes('qr=1') && URL.canParse(url) && new URL(url).searchParams.get('qr') === '1';
}

function truncate(value: string | null): string | null {
  if (value === null || value === '') return null;
  return value.length > MAX_STORED_URL_LENGTH ? value.slice(0, MAX_STORED_URL_LENGTH) : value;
}

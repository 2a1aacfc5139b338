import type { RewardRules } from '../../../shared/src/reward-rules/rules.ts';
import type { ProgramResponse, RewardChoicesRequest, RewardChoicesResponse, RulesVersion } from '../../../shared/src/wire.ts';
import { rulesMirror, rulesProblem, sameRules } from '../domain/rules-settings.ts';
import { AmbassadorNotFoundError, InvalidRequestError, RulesVersionNotFoundError } from '../errors.ts';
import type { ProgramRecord, RulesVersionRecord } from '../store/records.ts';
import type { AmbassadorService } from './ambassadors.ts';
import type { ServiceContext } from './service-context.ts';

/**
 * The owner's reward rules: read them, replace them (a new immutable version each time they
 * change), and set an ambassador's VIP tier and split choice.
 */
export class RewardRulesService {
  readonly #context: ServiceContext;
  readonly #ambassadors: AmbassadorService;

  constructor(context: ServiceContext, ambassadors: AmbassadorService) {
    this.#context = context;
    this.#ambassadors = ambassadors;
  }

  async program(program: ProgramRecord): Promise<ProgramResponse> {
    return {
      id: program.id,
      name: program.name,
      rules: view(await this.#current(program)),
      versions: await this.#context.store.listRulesVersions(program.id),
      joinPolicy: program.joinPolicy ?? 'open',
      allowedOrigins: program.allowedOrigins,
    };
  }

  async version(program: ProgramRecord, version: number): Promise<RulesVersion> {
    const found = await this.#context.store.getRules(program.id, version);
    if (!found) throw new RulesVersionNotFoundError();
    return view(found);
  }

  /** Rules equal to those in force change nothing (`created: false`); conversions already recorded keep their version. */
  async replace(program: ProgramRecord, rules: RewardRules): Promise<{ created: boolean; rules: RulesVersion }> {
    const problem = rulesProblem(rules);
    if (problem) throw new InvalidRequestError(`${problem.path} ${problem.message}`);
    const current = await this.#current(program);
    if (sameRules(current.rules, rules)) return { created: false, rules: view(current) };
    const saved = await this.#context.store.saveRules(program.id, rules, rulesMirror(rules), this.#context.clock());
    return { created: true, rules: view(saved) };
  }

  /**
   * A tier must be one of the rules in force, and a split choice one the rules offer: later
   * versions that drop them simply stop applying them (see `tierFor`, `splitReward`).
   */
  async setChoices(program: ProgramRecord, code: string, choices: RewardChoicesRequest): Promise<RewardChoicesResponse> {
    const ambassador = await this.#ambassadors.findByCode(program, code);
    if (!ambassador) throw new AmbassadorNotFoundError();
    const { rules } = await this.#current(program);
    if (choices.tier !== undefined && choices.tier !== null && !rules.tiers.some((tier) => tier.name === choices.tier)) {
      throw new InvalidRequestError(`body/tier must be one of the program's tiers: ${rules.tiers.map((tier) => tier.name).join(', ') || 'none'}`);
    }
    const share = choices.friendSharePercent;
    if (share !== undefined && share !== null && (!rules.split.enabled || !rules.split.choices.includes(share))) {
      throw new InvalidRequestError(
        rules.split.enabled ? `body/friendSharePercent must be one of ${rules.split.choices.join(', ')}` : 'body/friendSharePercent: this program has no split',
      );
    }
    await this.#context.store.setRewardChoices(ambassador.id, choices);
    return {
      code: ambassador.code,
      tier: choices.tier === undefined ? ambassador.tier : choices.tier,
      friendSharePercent: share === undefined ? ambassador.friendSharePercent : share,
    };
  }

  async #current(program: ProgramRecord): Promise<RulesVersionRecord> {
    const current = await this.#context.store.currentRules(program.id);
    if (!current) throw new Error(`program ${program.id} has no reward rules`);
    return current;
  }
}

function view(record: RulesVersionRecord): RulesVersion {
  return { version: record.version, createdAt: record.createdAt, rules: record.rules };
}

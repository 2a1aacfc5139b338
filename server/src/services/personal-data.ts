import type { ErasureResponse, PersonalDataExport } from '../../../shared/src/wire.ts';
import { AmbassadorNotFoundError } from '../errors.ts';
import type { AmbassadorRecord, ProgramRecord } from '../store/records.ts';
import type { AmbassadorService } from './ambassadors.ts';
import type { RewardService } from './rewards.ts';
import type { ServiceContext } from './service-context.ts';

/** The owner's answers to an ambassador's data requests: an export, and erasure. */
export class PersonalDataService {
  readonly #context: ServiceContext;
  readonly #ambassadors: AmbassadorService;
  readonly #rewards: RewardService;

  constructor(context: ServiceContext, ambassadors: AmbassadorService, rewards: RewardService) {
    this.#context = context;
    this.#ambassadors = ambassadors;
    this.#rewards = rewards;
  }

  async export(program: ProgramRecord, code: string): Promise<PersonalDataExport> {
    const ambassador = await this.#find(program, code);
    const { browsers, orders } = await this.#context.store.personalDataOf(ambassador);
    return {
      ambassador: {
        code: ambassador.code,
        email: ambassador.email,
        name: ambassador.name,
        customerId: ambassador.customerId,
        createdAt: ambassador.createdAt,
      },
      browsers,
      orders,
      ledger: await this.#rewards.ledger(program, ambassador.code),
    };
  }

  /** After this the code no longer works (a repeat answers 404); rewards and the ledger remain. */
  async erase(program: ProgramRecord, code: string): Promise<ErasureResponse> {
    const ambassador = await this.#find(program, code);
    const erasedAt = this.#context.clock();
    if (!(await this.#context.store.eraseAmbassador(ambassador, erasedAt))) throw new AmbassadorNotFoundError();
    return { code: ambassador.code, erasedAt };
  }

  async #find(program: ProgramRecord, code: string): Promise<AmbassadorRecord> {
    const ambassador = await this.#ambassadors.findByCode(program, code);
    if (!ambassador) throw new AmbassadorNotFoundError();
    return ambassador;
  }
}

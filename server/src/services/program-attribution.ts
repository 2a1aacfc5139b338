import { ProgramNotFoundError } from '../errors.ts';
import type { ProgramRecord } from '../store/records.ts';
import type { AttributionSettings } from '../store/store.ts';
import type { ServiceContext } from './service-context.ts';

export function attributionOf(program: ProgramRecord): AttributionSettings {
  return { attributionWindowMs: program.attributionWindowMs, attributionModel: program.attributionModel };
}

/** Orders attributed from now on follow the new settings; recorded conversions keep theirs. The
 * browser API's cached program catches up within its few seconds of cache. */
export async function changeAttribution(context: ServiceContext, program: ProgramRecord, settings: AttributionSettings): Promise<AttributionSettings> {
  const next = { attributionWindowMs: settings.attributionWindowMs, attributionModel: settings.attributionModel };
  if (!(await context.store.setAttribution(program.id, next))) throw new ProgramNotFoundError();
  return next;
}

import type { Database } from 'better-sqlite3';
import type { AttributionSettings } from '../store.ts';

/** The owner's attribution settings: two columns of `programs`, changed in place by one statement
 * so that a concurrent change of other columns (the rules' mirror) is never overwritten. */
export function createProgramAttribution(db: Database) {
  const update = db.prepare<{ programId: string; windowMs: number; model: string }>(
    'UPDATE programs SET attribution_window_ms = @windowMs, attribution_model = @model WHERE id = @programId',
  );
  return {
    set(programId: string, settings: AttributionSettings): boolean {
      return update.run({ programId, windowMs: settings.attributionWindowMs, model: settings.attributionModel }).changes > 0;
    },
  };
}

import type { WidgetSettings } from '../../../shared/src/wire.ts';
import { widgetTextProblem } from '../domain/widget-texts.ts';
import { InvalidWidgetTextError } from '../errors.ts';
import type { ProgramRecord } from '../store/records.ts';
import type { ServiceContext } from './service-context.ts';

/** What a program has before its owner changes anything: the widget's own texts and looks. */
export const DEFAULT_WIDGET_SETTINGS: WidgetSettings = { texts: {}, theme: {}, leaderboard: false };

/** The owner's settings of the widget (`GET` / `PUT /v1/program/widget`), also sent in every session. */
export class WidgetSettingsService {
  readonly #context: ServiceContext;

  constructor(context: ServiceContext) {
    this.#context = context;
  }

  async get(program: ProgramRecord): Promise<WidgetSettings> {
    return (await this.#context.store.getWidgetSettings(program.id)) ?? DEFAULT_WIDGET_SETTINGS;
  }

  /** Replaces the settings whole (a PUT); texts are checked key by key before anything is written. */
  async replace(program: ProgramRecord, settings: WidgetSettings): Promise<WidgetSettings> {
    const problem = widgetTextProblem(settings.texts);
    if (problem) throw new InvalidWidgetTextError(problem.field, problem.message);
    await this.#context.store.saveWidgetSettings(program.id, settings, this.#context.clock());
    return settings;
  }
}

import { describe, expect, it } from 'vitest';
import { WIDGET_TEXT_KEYS, widgetTextProblem } from '../../src/domain/widget-texts.ts';

describe('widget text keys', () => {
  it("come from the widget's own texts, groups and plural forms included", () => {
    for (const key of ['title', 'status.pending', 'reason.under_review', 'clicks.one', 'clicks.few', 'clicks.many', 'joinLead', 'newRewards.other']) {
      expect(WIDGET_TEXT_KEYS.has(key), key).toBe(true);
    }
    expect(WIDGET_TEXT_KEYS.has('lang')).toBe(false);
    expect([...WIDGET_TEXT_KEYS.get('friendsGet')!]).toEqual(['percent']);
    expect([...WIDGET_TEXT_KEYS.get('nextBonus.few')!].sort()).toEqual(['count', 'target']);
  });

  it('finds the first problem, naming the field', () => {
    expect(widgetTextProblem({ en: { title: 'ok', 'status.paid': 'Sent' }, pl: { title: 'Poleć' } })).toBeNull();
    expect(widgetTextProblem({ ru: { shareText: 'Купите в {shop}' } })).toMatchObject({ field: 'texts.ru.shareText' });
    expect(widgetTextProblem({ en: { 'clicks.lots': 'x' } })?.field).toBe('texts.en.clicks.lots');
  });
});

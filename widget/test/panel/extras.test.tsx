import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AmbassadorView, SessionResponse, WidgetSettings } from '../../../shared/src/wire.ts';
import { resetPanel, show } from '../../src/panel/show-panel.ts';
import { textOn } from '../../src/panel/extras/owner-settings.ts';
import { SERVER, adoptedCss, ambassadorView, byTestId, identity, json, panelContext, session, shadowOf, type RecordedRequest } from '../fixtures.ts';

type Answer = (body: any, url: string) => Response | Promise<Response>;

/** The browser API as the extras use it: session, join, split and leaderboard, by path. */
function stubApi(answers: Partial<Record<'session' | 'join' | 'split' | 'leaderboard', Answer>>): RecordedRequest[] {
  const requests: RecordedRequest[] = [];
  // Widget events go by beacon; happy-dom's own would try a real request to the server.
  if (!vi.isMockFunction(navigator.sendBeacon)) vi.spyOn(navigator, 'sendBeacon').mockReturnValue(true);
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string | URL, init?: RequestInit) => {
      const url = String(input);
      const body: unknown = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
      requests.push({ url, init, body });
      const path = url.slice(url.indexOf('/v1/widget/') + '/v1/widget/'.length).split('?')[0] as keyof typeof answers;
      const answer = answers[path];
      if (!answer) throw new TypeError('Failed to fetch');
      return answer(body, url);
    }),
  );
  return requests;
}

const settings = (patch: Partial<WidgetSettings> = {}): WidgetSettings => ({ texts: {}, theme: {}, leaderboard: false, ...patch });
const withSettings = (patch: Partial<SessionResponse> = {}, widget: Partial<WidgetSettings> = {}) => session({ ...patch, widget: settings(widget) });
const until = async (check: () => unknown) => {
  await vi.waitFor(() => {
    if (!check()) throw new Error('not yet');
  });
};

let warn: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  document.body.innerHTML = '<div data-sarafan-panel></div>';
  document.documentElement.lang = '';
  localStorage.clear();
  sessionStorage.clear();
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(async () => {
  await resetPanel();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe("the owner's widget settings", () => {
  it("apply under the script tag's data-texts, which win", async () => {
    stubApi({
      session: () =>
        json(withSettings({ ambassador: ambassadorView() }, { texts: { en: { title: 'Bring a friend', friendsGet: 'Friends save {percent}%', 'status.pending': 'On its way', 'clicks.other': 'visits' } } })),
    });
    await show(panelContext({ identity, dataset: { lang: 'en-US', texts: '{"title":"The page wins"}' } }));
    const root = shadowOf('[data-sarafan-panel]');
    expect(root.querySelector('h2')?.textContent).toBe('The page wins');
    expect(root.textContent).toContain('Friends save 10%');
    expect(root.textContent).toContain('On its way');
    expect(root.querySelector('dt')?.textContent).toBe('visits');
    expect(warn).not.toHaveBeenCalled();
  });

  it("take the page's language: Russian texts for a Russian page, English ones not", async () => {
    stubApi({ session: () => json(withSettings({}, { texts: { en: { introText: 'English text' }, ru: { introText: 'Текст владельца' } } })) });
    await show(panelContext({ dataset: { lang: 'ru' } }));
    const root = shadowOf('[data-sarafan-panel]');
    expect(byTestId(root, 'sarafan-intro').textContent).toContain('Текст владельца');
    // The join form's own texts come in Russian too.
    expect(byTestId(root, 'sarafan-join-submit').textContent).toBe('Получить ссылку');
  });

  it('theme: colours, radius and font as defaults under the page’s own --sarafan-* properties; the mode unless data-theme says otherwise', async () => {
    stubApi({ session: () => json(withSettings({}, { theme: { accent: '#ffd400', radius: 4, font: '"Inter", sans-serif', mode: 'dark' } })) });
    await show(panelContext());
    const css = adoptedCss(shadowOf('[data-sarafan-panel]'));
    expect(css).toContain('var(--sarafan-accent, #ffd400)');
    expect(css).toContain('var(--sarafan-accent-text, #000)');
    expect(css).toContain('var(--sarafan-radius, 4px)');
    expect(css).toContain('var(--sarafan-font, "Inter", sans-serif)');
    // Dark forced by the owner: the dark colours without a media query.
    expect(css).not.toContain('prefers-color-scheme');
    expect(css).toContain('#7ed7a4');

    await resetPanel();
    document.body.innerHTML = '<div data-sarafan-panel></div>';
    await show(panelContext({ dataset: { theme: 'light' } }));
    expect(adoptedCss(shadowOf('[data-sarafan-panel]'))).not.toContain('#7ed7a4');
  });

  it('picks readable text on the accent', () => {
    expect(textOn('#ffd400')).toBe('#000');
    expect(textOn('#1f6f43')).toBe('#fff');
    expect(textOn('#fff')).toBe('#000');
  });
});

describe('joining by email', () => {
  const joined: AmbassadorView = ambassadorView({ code: 'CAROL2345', name: 'Carol', link: `${SERVER}/r/CAROL2345`, rewards: [], totals: [], confirmed: false });
  const token = 't'.repeat(43);

  it('an unidentified visitor joins, keeps the token and sees their panel at once and on later visits', async () => {
    const requests = stubApi({
      session: (body) => json(withSettings({ ambassador: body.joinToken === token ? joined : null })),
      join: () => json({ ambassador: joined, joinToken: token }, 201),
    });
    await show(panelContext());
    const root = shadowOf('[data-sarafan-panel]');
    const form = byTestId<HTMLFormElement>(root, 'sarafan-join');
    // Labelled fields.
    const email = byTestId<HTMLInputElement>(root, 'sarafan-join-email');
    expect(root.querySelector(`label[for="${email.id}"]`)?.textContent).toBe('Email');
    expect(email.required).toBe(true);
    email.value = 'carol@example.com';
    byTestId<HTMLInputElement>(root, 'sarafan-join-name').value = 'Carol';
    form.dispatchEvent(new Event('submit', { cancelable: true, bubbles: true }));

    await until(() => root.querySelector('[data-testid="sarafan-panel"]'));
    const join = requests.find((request) => request.url === `${SERVER}/v1/widget/join`);
    expect(join?.body).toEqual({ programId: 'demo', visitorId: 'visitor_1', email: 'carol@example.com', name: 'Carol' });
    expect(join?.init?.credentials).toBe('omit');
    expect(localStorage.getItem('sarafan_join')).toBe(token);
    expect(byTestId(root, 'sarafan-referral-link').getAttribute('value') ?? (byTestId<HTMLInputElement>(root, 'sarafan-referral-link').value)).toBe(`${SERVER}/r/CAROL2345`);
    expect(byTestId(root, 'sarafan-unconfirmed').textContent).toMatch(/on hold until the shop confirms/);
    await until(() => root.activeElement === byTestId(root, 'sarafan-referral-link'));
    expect((requests.at(-1)?.body as { joinToken?: string }).joinToken).toBe(token);

    // A later visit: the token goes with the session request.
    await resetPanel();
    document.body.innerHTML = '<div data-sarafan-panel></div>';
    await show(panelContext());
    expect(byTestId(shadowOf('[data-sarafan-panel]'), 'sarafan-referral-code').textContent).toBe('CAROL2345');
  });

  it.each([
    [409, { error: { code: 'ambassador_exists', message: '' } }, /already in the program: sign in at the shop/],
    [400, { error: { code: 'disposable_email', message: '' } }, /not a disposable one/],
    [400, { error: { code: 'invalid_request', message: '' } }, /check your email/],
    [429, { error: { code: 'too_many_requests', message: '' } }, /try again later/],
  ])('announces a refusal (%i) in an alert tied to the email field', async (status, body, text) => {
    stubApi({ session: () => json(withSettings()), join: () => json(body, status) });
    await show(panelContext());
    const root = shadowOf('[data-sarafan-panel]');
    byTestId<HTMLInputElement>(root, 'sarafan-join-email').value = 'alice@example.com';
    byTestId(root, 'sarafan-join').dispatchEvent(new Event('submit', { cancelable: true, bubbles: true }));
    await until(() => byTestId(root, 'sarafan-join-error').textContent);
    const error = byTestId(root, 'sarafan-join-error');
    expect(error.getAttribute('role')).toBe('alert');
    expect(error.textContent).toMatch(text);
    const email = byTestId(root, 'sarafan-join-email');
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(email.getAttribute('aria-describedby')).toBe(error.id);
    expect(localStorage.getItem('sarafan_join')).toBeNull();
    expect(root.querySelector('[data-testid="sarafan-panel"]')).toBeNull();
  });

  it('is not offered to an identified ambassador', async () => {
    stubApi({ session: () => json(withSettings({ ambassador: ambassadorView() })) });
    await show(panelContext({ identity }));
    expect(shadowOf('[data-sarafan-panel]').querySelector('[data-testid="sarafan-join"]')).toBeNull();
  });
});

describe('what the ambassador sees', () => {
  it('a badge with the rewards new since the last visit in this browser', async () => {
    const rewards = (times: number[]) => times.map((createdAt) => ({ amount: 100, currency: 'EUR', status: 'pending' as const, createdAt }));
    let view = ambassadorView({ rewards: rewards([1_000]) });
    stubApi({ session: () => json(withSettings({ ambassador: view })) });
    await show(panelContext({ identity }));
    // First visit: nothing is new yet.
    expect(shadowOf('[data-sarafan-panel]').querySelector('[data-testid="sarafan-new-rewards"]')).toBeNull();

    await resetPanel();
    view = ambassadorView({ rewards: rewards([3_000, 2_000, 1_000]) });
    document.body.innerHTML = '<div data-sarafan-panel></div>';
    await show(panelContext({ identity }));
    const badge = byTestId(shadowOf('[data-sarafan-panel]'), 'sarafan-new-rewards');
    expect(badge.textContent).toBe('2 new rewards');
    expect(badge.dataset.value).toBe('2');

    await resetPanel();
    document.body.innerHTML = '<div data-sarafan-panel></div>';
    await show(panelContext({ identity }));
    expect(shadowOf('[data-sarafan-panel]').querySelector('[data-testid="sarafan-new-rewards"]')).toBeNull();
  });

  it.each([
    ['en', '2 of 3 friends to your next bonus', 'Gold tier from 10 friends', 'Your tier: Silver'],
    ['ru', '2 из 3 друзей до следующего бонуса', 'Уровень «Gold» с 10 друзей', 'Ваш уровень: Silver'],
    ['pl', '2 z 3 znajomych do kolejnego bonusu', 'Poziom Gold od 10 znajomych', 'Twój poziom: Silver'],
  ])('progress to the next milestone and tier (%s)', async (lang, bonus, tier, current) => {
    const progress = { referrals: 2, nextMilestone: { referrals: 3, amounts: [{ amount: 500, currency: 'EUR' }] }, tier: 'Silver', nextTier: { name: 'Gold', fromReferrals: 10 } };
    stubApi({ session: () => json(withSettings({ ambassador: ambassadorView({ progress }) })) });
    await show(panelContext({ identity, dataset: { lang } }));
    const root = shadowOf('[data-sarafan-panel]');
    expect(byTestId(root, 'sarafan-progress-bonus').textContent).toBe(bonus);
    expect(byTestId(root, 'sarafan-progress-tier').textContent).toBe(tier);
    expect(byTestId(root, 'sarafan-tier').textContent).toBe(current);
  });

  it('one friend: singular forms', async () => {
    const progress = { referrals: 0, nextMilestone: { referrals: 1, amounts: [] } };
    stubApi({ session: () => json(withSettings({ ambassador: ambassadorView({ progress }) })) });
    await show(panelContext({ identity, dataset: { lang: 'ru' } }));
    expect(byTestId(shadowOf('[data-sarafan-panel]'), 'sarafan-progress-bonus').textContent).toBe('0 из 1 друга до следующего бонуса');
  });

  it('the split choice, saved on the server with the signed identity', async () => {
    const requests = stubApi({
      session: () => json(withSettings({ ambassador: ambassadorView({ split: { choices: [0, 50, 100], friendSharePercent: 0 } }) })),
      split: (body) => json({ friendSharePercent: body.friendSharePercent }),
    });
    await show(panelContext({ identity }));
    const root = shadowOf('[data-sarafan-panel]');
    const split = byTestId(root, 'sarafan-split');
    expect(split.querySelector('legend')?.textContent).toBe('Share your reward with your friends');
    const radios = [...split.querySelectorAll<HTMLInputElement>('input[type=radio]')];
    expect(radios.map((radio) => radio.parentElement?.textContent)).toEqual(['0% to your friend', '50% to your friend', '100% to your friend']);
    expect(radios[0]!.checked).toBe(true);
    radios[1]!.click();
    await until(() => byTestId(root, 'sarafan-split-status').textContent);
    expect(byTestId(root, 'sarafan-split-status').textContent).toBe('Saved');
    const sent = requests.find((request) => request.url === `${SERVER}/v1/widget/split`)?.body;
    expect(sent).toMatchObject({ programId: 'demo', visitorId: 'visitor_1', friendSharePercent: 50, identity: { email: identity.email, signature: identity.signature } });
  });

  it('the leaderboard, only when the owner turned it on', async () => {
    const requests = stubApi({
      session: () => json(withSettings({ ambassador: ambassadorView() }, { leaderboard: true })),
      leaderboard: () => json({ entries: [{ rank: 1, name: 'Al*** K.', referrals: 3 }, { rank: 2, name: 'Bo***', referrals: 1 }] }),
    });
    await show(panelContext({ identity }));
    const board = byTestId(shadowOf('[data-sarafan-panel]'), 'sarafan-leaderboard');
    expect([...board.querySelectorAll('li')].map((item) => item.textContent)).toEqual(['1. Al*** K.3 friends', '2. Bo***1 friend']);
    expect(requests.some((request) => request.url === `${SERVER}/v1/widget/leaderboard?programId=demo`)).toBe(true);

    await resetPanel();
    const quiet = stubApi({ session: () => json(withSettings({ ambassador: ambassadorView() })) });
    document.body.innerHTML = '<div data-sarafan-panel></div>';
    await show(panelContext({ identity }));
    expect(shadowOf('[data-sarafan-panel]').querySelector('[data-testid="sarafan-leaderboard"]')).toBeNull();
    expect(quiet.some((request) => request.url.includes('leaderboard'))).toBe(false);
  });
});

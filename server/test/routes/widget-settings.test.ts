import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, OTHER, type TestApp } from '../helpers/test-app.ts';

const settings = (patch: Record<string, unknown> = {}) => ({ texts: {}, theme: {}, leaderboard: false, ...patch });

describe('owner widget settings: GET and PUT /v1/program/widget', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp();
  });
  afterEach(async () => {
    await t.close();
  });

  it('has the defaults until the owner changes them, then exactly what was saved', async () => {
    expect((await t.api('GET', '/v1/program/widget')).json()).toEqual(settings());
    const wanted = settings({
      texts: { en: { title: 'Bring a friend', 'status.pending': 'On its way', 'clicks.one': 'visit', 'newRewards.other': '{count} new!' }, ru: { title: 'Приведите друга' } },
      theme: { accent: '#7a3cc9', radius: 4, font: '"Inter", sans-serif', mode: 'dark' },
      leaderboard: true,
    });
    const put = await t.api('PUT', '/v1/program/widget', wanted);
    expect(put.statusCode).toBe(200);
    expect(put.json()).toEqual(wanted);
    expect((await t.api('GET', '/v1/program/widget')).json()).toEqual(wanted);
    expect(t.count('widget_settings')).toBe(1);
  });

  it('sends the settings to the panel in every session', async () => {
    await t.api('PUT', '/v1/program/widget', settings({ texts: { pl: { title: 'Poleć nas' } }, leaderboard: true }));
    const session = (await t.widget('session', { programId: 'demo', visitorId: 'v1' })).json();
    expect(session.widget).toEqual(settings({ texts: { pl: { title: 'Poleć nas' } }, leaderboard: true }));
  });

  it.each([
    [{ texts: { en: { titel: 'x' } } }, 'texts.en.titel', 'invalid_widget_text'],
    [{ texts: { ru: { title: 'x'.repeat(301) } } }, 'texts.ru.title', 'invalid_widget_text'],
    [{ texts: { en: { friendsGet: 'Friends get {percnt}% off' } } }, 'texts.en.friendsGet', 'invalid_widget_text'],
    [{ texts: { en: { 'status.nope': 'x' } } }, 'texts.en.status.nope', 'invalid_widget_text'],
    [{ texts: { en: { lang: 'de' } } }, 'texts.en.lang', 'invalid_widget_text'],
    [{ texts: { en: { title: '   ' } } }, 'texts.en.title', 'invalid_widget_text'],
  ])('refuses bad texts with the field named: %j', async (patch, field, code) => {
    const response = await t.api('PUT', '/v1/program/widget', settings(patch));
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code, field });
    expect(response.json().error.message).toContain(field);
    expect(t.count('widget_settings')).toBe(0);
  });

  it('accepts the placeholders a text has', async () => {
    const ok = await t.api('PUT', '/v1/program/widget', settings({ texts: { en: { friendsGet: '{percent}% off for friends', offer: '{percent}% from {name}' } } }));
    expect(ok.statusCode).toBe(200);
  });

  it.each([
    { texts: { de: { title: 'x' } } },
    { texts: { en: { title: 5 } } },
    { theme: { accent: 'red' } },
    { theme: { accent: '#12345' } },
    { theme: { radius: 33 } },
    { theme: { radius: 1.5 } },
    { theme: { font: 'x;} body{display:none' } },
    { theme: { font: 'url(https://evil.example/font)' } },
    { theme: { mode: 'sepia' } },
    { theme: { shadow: '1px' } },
    { leaderboard: 'yes' },
    { extra: 1 },
  ])('refuses bad settings with invalid_request: %j', async (patch) => {
    const response = await t.api('PUT', '/v1/program/widget', settings(patch));
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('invalid_request');
    expect(t.count('widget_settings')).toBe(0);
  });

  it('lists the keys an owner may set, with their placeholders and built-in texts', async () => {
    const response = await t.api('GET', '/v1/program/widget/texts');
    expect(response.statusCode).toBe(200);
    const texts = response.json().texts as Array<{ key: string }>;
    expect(texts).toContainEqual({ key: 'friendsGet', placeholders: ['percent'], builtIn: { en: 'Your friends get {percent}% off', ru: 'Ваши друзья получат скидку {percent}%', pl: expect.any(String) } });
    expect(texts).toContainEqual({ key: 'clicks.few', placeholders: [], builtIn: { ru: 'перехода', pl: expect.any(String) } });
    expect(texts.find((text) => text.key === 'joinLead')).toBeTruthy();
    // Every listed key is accepted.
    const all = Object.fromEntries(texts.map((text) => [text.key, 'x']));
    expect((await t.api('PUT', '/v1/program/widget', settings({ texts: { en: all } }))).statusCode).toBe(200);
    expect((await t.inject({ method: 'GET', url: '/v1/program/widget/texts' })).statusCode).toBe(401);
  });

  it('needs the secret key, and one program never sees or changes another one’s settings', async () => {
    expect((await t.inject({ method: 'GET', url: '/v1/program/widget' })).statusCode).toBe(401);
    expect((await t.inject({ method: 'PUT', url: '/v1/program/widget', payload: settings() })).statusCode).toBe(401);
    await t.api('PUT', '/v1/program/widget', settings({ leaderboard: true, texts: { en: { title: 'Demo' } } }));
    expect((await t.api('GET', '/v1/program/widget', undefined, OTHER.secretKey)).json()).toEqual(settings());
    const otherSession = await t.widget('session', { programId: 'other', visitorId: 'v1' }, { origin: OTHER.origin });
    expect(otherSession.json().widget).toEqual(settings());
  });
});

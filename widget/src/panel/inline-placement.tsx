import type { SessionResponse } from '../../../shared/src/wire.ts';
import { AmbassadorPanel } from './components/ambassador-panel.tsx';
import { ProgramIntro } from './components/program-intro.tsx';
import type { Messages } from './messages.ts';
import { renderStyled } from './shadow-host.tsx';

export const MOUNT_SELECTOR = '[data-sarafan-panel]';

/**
 * Fills a `<div data-sarafan-panel>` on the shop's page. The shadow root is attached only once
 * there is something to show, so whatever the shop put inside the element stays visible while
 * the server is unreachable.
 */
export function renderInline(mount: Element, session: SessionResponse, t: Messages, lang: string | undefined): void {
  let root: ShadowRoot;
  try {
    root = mount.shadowRoot ?? mount.attachShadow({ mode: 'open' });
  } catch {
    // Someone else already attached a closed shadow root to this element.
    return;
  }
  const programName = session.program.name;
  renderStyled(
    session.ambassador ? (
      <AmbassadorPanel ambassador={session.ambassador} programName={programName} t={t} lang={lang} placement="inline" />
    ) : (
      <ProgramIntro programName={programName} t={t} />
    ),
    root,
  );
}

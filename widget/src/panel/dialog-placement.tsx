import type { SessionResponse, WidgetPlacement } from '../../../shared/src/wire.ts';
import { AmbassadorPanel } from './components/ambassador-panel.tsx';
import { PanelDialog } from './components/panel-dialog.tsx';
import { ProgramIntro } from './components/program-intro.tsx';
import type { Messages } from './messages.ts';
import { CLOSE_CSS } from './close-css.ts';
import { renderWithCss } from './extra-sheet.tsx';
import { appendHost, removeHost } from './shadow-host.tsx';

/** The dialog's own styles, in its chunk: most pages never open it. */
const CSS = `${CLOSE_CSS}\
.overlay{all:initial;box-sizing:border-box;position:fixed;inset:0;z-index:2147483647;display:flex;align-items:center;\
justify-content:center;padding:16px;background:rgba(0,0,0,.45)}\
.dialog{position:relative;width:100%;max-width:480px;max-height:calc(100vh - 32px);overflow:auto;border-radius:var(--sarafan-radius,12px)}\
.dialog>.card{max-width:none}`;

let dialogRoot: ShadowRoot | null = null;
let returnFocusTo: HTMLElement | null = null;

/**
 * Opens (or updates) the panel in a modal dialog. After a purchase it shows only the
 * ambassador's panel: without one (a bad signature) it stays hidden rather than show a
 * "buy something to join" text to someone who just bought. `open` falls back to that text.
 */
export function openDialog(
  session: SessionResponse,
  reason: 'purchase' | 'open',
  t: Messages,
  lang: string | undefined,
  placement?: WidgetPlacement,
): boolean {
  const { ambassador } = session;
  if (!ambassador && reason === 'purchase') return false;
  if (!dialogRoot) {
    // The focused element itself, also inside a shadow root (the widget's launcher or banner).
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    returnFocusTo = active as HTMLElement | null;
    dialogRoot = appendHost('sarafan-dialog');
  }
  const programName = session.program.name;
  renderWithCss(
    <PanelDialog t={t} onClose={closeDialog}>
      {ambassador ? (
        <AmbassadorPanel ambassador={ambassador} programName={programName} t={t} lang={lang} placement={placement} />
      ) : (
        <ProgramIntro programName={programName} t={t} />
      )}
    </PanelDialog>,
    dialogRoot,
    CSS,
  );
  return true;
}

export function closeDialog(): void {
  if (!dialogRoot) return;
  removeHost(dialogRoot);
  dialogRoot = null;
  if (returnFocusTo?.isConnected) returnFocusTo.focus();
  returnFocusTo = null;
}

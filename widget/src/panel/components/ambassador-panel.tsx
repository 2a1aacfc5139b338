import type { AmbassadorView, WidgetPlacement } from '../../../../shared/src/wire.ts';
import { reportShare } from '../events.ts';
import { offerText } from '../format.ts';
import { fill, type Messages } from '../messages.ts';
import { AmbassadorStats } from './ambassador-stats.tsx';
import { CopyButton } from './copy-button.tsx';
import { LazyShare } from './lazy-share.tsx';

interface Props {
  ambassador: AmbassadorView;
  programName: string;
  t: Messages;
  lang: string | undefined;
  /** Where the panel is shown, for the share events. */
  placement?: WidgetPlacement | undefined;
}

/** "Invite a friend": the ambassador's link and code, ways to share them, and what they earned. */
export function AmbassadorPanel({ ambassador, programName, t, lang, placement }: Props) {
  return (
    <section lang={t.lang} class="card" data-testid="sarafan-panel" aria-labelledby="sarafan-title">
      <h2 id="sarafan-title">{t.title}</h2>
      <p>{offerText(t.friendsGet, ambassador.offer.discount, lang)}</p>
      <label class="muted" for="sarafan-link">
        {t.linkLabel}
      </label>
      <div class="row">
        <input
          id="sarafan-link"
          readOnly
          value={ambassador.link}
          data-testid="sarafan-referral-link"
          onFocus={(event) => event.currentTarget.select()}
        />
        <CopyButton
          text={ambassador.link}
          label={t.copyLink}
          t={t}
          testId="sarafan-copy-link"
          onCopied={() => reportShare('copy_link', placement, ambassador.code)}
        />
      </div>
      <p class="muted">{t.codeLabel}</p>
      <div class="row">
        <code data-testid="sarafan-referral-code">{ambassador.code}</code>
        <CopyButton
          text={ambassador.code}
          label={t.copyCode}
          t={t}
          testId="sarafan-copy-code"
          secondary
          onCopied={() => reportShare('copy_code', placement, ambassador.code)}
        />
      </div>
      <LazyShare ambassador={ambassador} programName={programName} t={t} placement={placement} />
      <AmbassadorStats ambassador={ambassador} t={t} lang={lang} />
    </section>
  );
}

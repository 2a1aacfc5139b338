import type { AmbassadorView } from '../../../../shared/src/wire.ts';
import { fill, type Messages } from '../messages.ts';

interface Props {
  ambassador: AmbassadorView;
  programName: string;
  t: Messages;
}

/** The system share sheet where the browser has one, and an e-mail draft everywhere. */
export function ShareButtons({ ambassador, programName, t }: Props) {
  const values = { percent: ambassador.offer.discount.percent, program: programName };
  const title = fill(t.shareTitle, values);
  const text = fill(t.shareText, values);
  const mailto = `mailto:?subject=${encodeURIComponent(title)}&body=${encodeURIComponent(text + '\n\n' + ambassador.link)}`;
  return (
    <div class="row">
      {typeof navigator.share === 'function' && (
        <button
          type="button"
          class="secondary"
          data-testid="sarafan-share-native"
          // Cancelling the share sheet rejects; that is not an error worth a warning.
          onClick={() => void navigator.share({ title, text, url: ambassador.link }).catch(() => {})}
        >
          {t.shareNative}
        </button>
      )}
      <a class="button secondary" data-testid="sarafan-share-email" href={mailto}>
        {t.shareEmail}
      </a>
    </div>
  );
}

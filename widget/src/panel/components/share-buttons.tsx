import type { AmbassadorView } from '../../../../shared/src/wire.ts';
import { offerText } from '../format.ts';
import { fill, type Messages } from '../messages.ts';

interface Props {
  ambassador: AmbassadorView;
  programName: string;
  t: Messages;
}

/** The system share sheet where the browser has one, and an e-mail draft everywhere. */
export function ShareButtons({ ambassador, programName, t }: Props) {
  const say = (text: string) => fill(offerText(text, ambassador.offer.discount, t.lang), { program: programName });
  const title = say(t.shareTitle);
  const text = say(t.shareText);
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

import { useState } from 'preact/hooks';
import type { InvitationView, JoinPolicy, JoinPolicyBody } from '../../../../shared/src/wire-joining-draws.ts';
import { api } from '../api.ts';
import { Notice, Status } from '../components/status.tsx';
import { dateTime } from '../format.ts';
import { useAction } from '../use-action.ts';
import { useApi } from '../use-api.ts';

const POLICIES: ReadonlyArray<{ value: JoinPolicy; label: string }> = [
  { value: 'open', label: 'Anyone' },
  { value: 'customers', label: 'Customers with an order that stands' },
  { value: 'invite_only', label: 'Invited emails only' },
];

/** Who may become an ambassador and, for a program by invitation, the invitations. */
export function JoinPolicySettings() {
  const stored = useApi<JoinPolicyBody>('/v1/program/join-policy');
  return (
    <section aria-labelledby="joining-title">
      <h2 id="joining-title">Who may join</h2>
      <Status loaded={stored}>{(data) => <JoinPolicyForm initial={data.joinPolicy} />}</Status>
    </section>
  );
}

function JoinPolicyForm({ initial }: { initial: JoinPolicy }) {
  const [policy, setPolicy] = useState(initial);
  const { notice, run } = useAction();
  return (
    <>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void run(() => api('PUT', '/v1/program/join-policy', { joinPolicy: policy }), 'Join policy saved: it applies to everyone who joins from now on.');
        }}
      >
        <fieldset>
          <legend>Who may become an ambassador</legend>
          {POLICIES.map((option) => (
            <label key={option.value} class="check">
              <input type="radio" name="join-policy" value={option.value} checked={policy === option.value} onChange={() => setPolicy(option.value)} />{' '}
              {option.label}
            </label>
          ))}
        </fieldset>
        <button type="submit">Save join policy</button>
        <Notice text={notice?.text ?? null} kind={notice?.kind} />
      </form>
      {policy === 'invite_only' && <Invitations />}
    </>
  );
}

function Invitations() {
  const invitations = useApi<{ invitations: InvitationView[] }>('/v1/invitations');
  const [email, setEmail] = useState('');
  const { notice, run: act } = useAction();

  async function run(action: () => Promise<unknown>, done: string): Promise<boolean> {
    const succeeded = await act(action, done);
    invitations.reload();
    return succeeded;
  }

  return (
    <>
      <h3 id="invitations-title">Invitations</h3>
      <p class="muted">Withdrawing an invitation does not remove someone who already joined.</p>
      <Notice text={notice?.text ?? null} kind={notice?.kind} />
      <Status loaded={invitations}>
        {(data) => (
          <ul class="invitations">
            {data.invitations.map((invitation) => (
              <li key={invitation.email}>
                {invitation.email} <span class="muted">invited {dateTime(invitation.createdAt)}</span>{' '}
                <button
                  type="button"
                  aria-label={`Remove the invitation of ${invitation.email}`}
                  onClick={() => run(() => api('DELETE', `/v1/invitations/${encodeURIComponent(invitation.email)}`), `${invitation.email} is no longer invited.`)}
                >
                  Remove
                </button>
              </li>
            ))}
            {data.invitations.length === 0 && <li class="muted">Nobody is invited yet.</li>}
          </ul>
        )}
      </Status>
      <form
        class="toolbar"
        onSubmit={(event) => {
          event.preventDefault();
          const invited = email.trim();
          void run(() => api('POST', '/v1/invitations', { email: invited }), `${invited} invited.`).then((succeeded) => succeeded && setEmail(''));
        }}
      >
        <label>
          Email to invite{' '}
          <input type="email" required value={email} onInput={(event) => setEmail(event.currentTarget.value)} />
        </label>{' '}
        <button type="submit">Invite</button>
      </form>
    </>
  );
}

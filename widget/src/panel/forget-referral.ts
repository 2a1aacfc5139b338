import type { ForgetRequest } from '../../../shared/src/wire.ts';
import { warn } from '../warn.ts';

/**
 * After `consent(false)`: asks the tracking server to delete the `sarafan_ref` cookie that it may
 * have set itself. That cookie is HttpOnly, out of the loader's reach; only a response can delete
 * it. Credentials are included so that the browser applies the deleting `Set-Cookie`.
 */
export function forgetReferral(server: string, programId: string): Promise<void> {
  return fetch(server + '/v1/widget/forget', {
    method: 'POST',
    keepalive: true,
    credentials: 'include',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ programId } satisfies ForgetRequest),
  }).then(
    (response) => {
      if (!response.ok) warn('forget failed: HTTP ' + response.status);
    },
    warn,
  );
}

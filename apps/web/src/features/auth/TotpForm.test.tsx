// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { byLabel, byRole, click, mount, type, type Mounted } from '../../testing/dom';
import { TotpForm } from './TotpForm';

const LABEL = { banner: 'HUB OFFICIAL//REL TO XHN', colour: '#007a33', textColour: '#ffffff' };
const ME = {
  id: 'u1',
  username: 'leader',
  displayName: 'Leader',
  orgCode: 'XHN-MOD',
  orgName: 'MoD',
  nationality: 'XHN',
  partner: false,
  roles: ['viewer'],
  assurance: 'mfa',
  csrfToken: 't0k',
  recoveryCodesLeft: 2,
};

let view: Mounted | null = null;
afterEach(() => {
  view?.unmount();
  view = null;
  vi.unstubAllGlobals();
});

describe('TOTP step', () => {
  it('takes a recovery code instead, and says how many remain before going on', async () => {
    const fetch = vi.fn(
      async (_url: string, _init?: RequestInit) =>
        new Response(
          JSON.stringify({
            data: { mfaRequired: false, me: ME, recoveryCodesLeft: 2 },
            meta: { pageLabel: LABEL },
          }),
          { status: 200, headers: { 'Content-Type': 'application/json' } },
        ),
    );
    vi.stubGlobal('fetch', fetch);
    const onSignedIn = vi.fn();
    view = await mount(<TotpForm onSignedIn={onSignedIn} onBack={() => undefined} />);
    await click(byRole(view.container, 'button', 'Use a recovery code'));
    await type(byLabel(view.container, 'Recovery code'), 'abcde-fghij');
    await click(byRole(view.container, 'button', 'Verify'));
    await vi.waitFor(() => expect(view!.container.textContent).toMatch(/2 recovery codes left/));
    expect(JSON.parse(String(fetch.mock.calls[0]?.[1]?.body))).toEqual({ code: 'abcde-fghij' });
    expect(onSignedIn).not.toHaveBeenCalled();
    await click(byRole(view.container, 'button', 'Continue'));
    expect(onSignedIn).toHaveBeenCalledWith(expect.objectContaining({ username: 'leader' }));
  });
});

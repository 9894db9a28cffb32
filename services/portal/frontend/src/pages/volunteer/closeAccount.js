/**
 * After a volunteer erased their record (DELETE /volunteers/me), the page asks the issuer, through the portal, to close
 * their sign-in account too (the issuer's DELETE /accounts/me with their own token), then signs them out.
 */

/** The portal's route to the issuer's DELETE /accounts/me (Routes.closeOwnAccount). */
export const CLOSE_ACCOUNT_PATH = '/api/issuer/accounts/me';

/** How long the page shows what was done before it signs the person out. */
export const SIGN_OUT_AFTER_MS = 8000;

/**
 * Asks the issuer to close the sign-in account with `del` (api.del). 'closed' when it did; 'atIssuer' when the issuer
 * has no such endpoint (404 or 405: an issuer of another hub version), so the account must be closed there. Any other
 * refusal (a 403 for an account with another role, a 5xx) is thrown: the page shows it and does not sign out.
 */
export async function closeSignInAccount(del) {
  try {
    await del(CLOSE_ACCOUNT_PATH);
    return 'closed';
  } catch (e) {
    if (e && (e.status === 404 || e.status === 405)) return 'atIssuer';
    throw e;
  }
}

/** The message key of an outcome of closeSignInAccount. */
export function closedMessage(outcome) {
  return outcome === 'closed' ? 'erase.closed' : 'erase.closeAtIssuer';
}

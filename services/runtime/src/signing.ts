import { fileURLToPath } from 'node:url';
import * as v from 'valibot';

/**
 * Where the provinces' PDF signing certificates live and the passphrase their keys are
 * encrypted under. Read by the API (to sign forms) and by `npm run setup` (to make the local
 * test CA); docs/operations/pdf-signing.md says how to install a licensed CA's certificates.
 */
/** `PDF_SIGNING_LOCAL_CA` as a boolean, with the deployable's default. */
export function localCaFlag(fallback: 'true' | 'false') {
  return v.pipe(
    v.optional(v.picklist(['true', 'false'], 'must be true or false'), fallback),
    v.transform((s) => s === 'true'),
  );
}

export const SigningEnv = v.object({
  /** ca/ (the local test CA), units/<province code>.p12 and trust/ (extra trusted roots) below it. */
  PDF_SIGNING_DIR: v.optional(v.pipe(v.string(), v.minLength(1)), fileURLToPath(new URL('../../../.data/signing', import.meta.url))),
  /**
   * Encrypts every private key file (PKCS#12 and PKCS#8, AES-256). The default is for local
   * development only: set a long random value, from a secret store, everywhere else.
   */
  PDF_SIGNING_PASSPHRASE: v.optional(v.pipe(v.string(), v.minLength(16, 'must be at least 16 characters')), 'local-development-pdf-signing-passphrase'),
  /**
   * "true": a province without a certificate gets one from the local test CA on first use
   * (development only: `npm start` and `npm run setup` default to it). Off unless asked for, so a
   * shared environment fails closed: a province without a licensed CA's certificate cannot have
   * forms issued until it is installed, rather than signing with a test CA nobody trusts.
   */
  PDF_SIGNING_LOCAL_CA: localCaFlag('false'),
});
export type SigningEnv = v.InferOutput<typeof SigningEnv>;

import { execFile } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import forge from 'node-forge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFontFiles, renderDossierRegister } from '../index.js';
import { readBack } from '../testing.js';
import { ensureLocalCa, ensureProvinceCertificate, openPkcs12, SigningKeys } from './keys.js';
import { signPdf } from './sign-pdf.js';
import { NotAPdf, verifyPdf } from './verify-pdf.js';

const PASSPHRASE = 'test-pdf-signing-passphrase-0123';
const hanoi = { code: '01', name: 'Hà Nội', fullName: 'Thành phố Hà Nội' };
const header = { authority: 'UBND Thành phố Hà Nội', unitName: 'Bộ phận một cửa phường Ba Đình', issuedAt: '2026-02-27T10:05:00Z' };
const info = { name: 'UBND Thành phố Hà Nội', reason: 'Ký số phiếu do hệ thống một cửa điện tử cấp', location: 'Hà Nội, Việt Nam', signingTime: new Date() };
// Whole seconds: the PDF date (/M) has no fractions.
info.signingTime.setMilliseconds(0);
/** poppler's pdfsig, a verifier written independently of ours (it exits non-zero when a signature fails). */
async function pdfsig(pdf: Uint8Array): Promise<string> {
  const file = join(dir, `pdfsig-${Math.random().toString(36).slice(2)}.pdf`);
  await writeFile(file, pdf);
  const result = await promisify(execFile)('pdfsig', [file]).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }));
  return result.stdout;
}
let dir: string;
let keys: SigningKeys;
let form: Uint8Array;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gov-signing-'));
  keys = new SigningKeys({ dir, passphrase: PASSPHRASE, issueMissing: true });
  form = await renderDossierRegister(await loadFontFiles(), { header, from: '2026-02-01', to: '2026-02-28', rows: [] });
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('signing a form', () => {
  it('signs with the province certificate; the signature names it, its time and covers the whole file; the form still reads', async () => {
    const signed = await signPdf(form, await keys.keyFor(hanoi), info);
    const report = verifyPdf(signed, await keys.trustAnchors());
    expect(report).toMatchObject({
      signed: true,
      intact: true,
      coversWholeDocument: true,
      trusted: true,
      valid: true,
      subFilter: 'ETSI.CAdES.detached',
      problems: [],
    });
    expect(report.signer?.organization).toBe('Ủy ban nhân dân Thành phố Hà Nội');
    expect(report.signer?.commonName).toBe('UBND Thành phố Hà Nội');
    expect(report.signedAt).toBe(info.signingTime.toISOString());
    expect(report.reason).toBe(info.reason);
    expect(report.location).toBe('Hà Nội, Việt Nam');
    const poppler = await pdfsig(signed);
    expect(poppler).toContain('Signature Type: ETSI.CAdES.detached');
    expect(poppler).toContain('Signature Validation: Signature is Valid.');
    expect(poppler).toContain('Total document signed');
    expect((await readBack(signed)).text.replace(/\s+/g, ' ')).toContain('SỔ THEO DÕI HỒ SƠ Từ ngày 01/02/2026 đến ngày 28/02/2026');
  });

  it('fails when a signed byte changes, when bytes are appended, and names a signer outside the CA as untrusted', async () => {
    const signed = await signPdf(form, await keys.keyFor(hanoi), info);
    const flipped = new Uint8Array(signed);
    // A byte inside the first signed range (the page content), not the signature.
    const at = Math.floor(signed.length / 4);
    flipped[at] = flipped[at]! ^ 0x01;
    const broken = verifyPdf(flipped, await keys.trustAnchors());
    expect(broken).toMatchObject({ intact: false, valid: false });
    expect(broken.problems.join()).toContain('modified');
    expect(await pdfsig(flipped)).not.toContain('Signature is Valid.');

    const appended = verifyPdf(Buffer.concat([signed, Buffer.from('\n% added later\n')]), await keys.trustAnchors());
    expect(appended).toMatchObject({ intact: true, coversWholeDocument: false, valid: false });

    // Another CA entirely (a second local CA in another folder): intact but untrusted.
    const otherDir = await mkdtemp(join(tmpdir(), 'gov-signing-other-'));
    try {
      const other = new SigningKeys({ dir: otherDir, passphrase: PASSPHRASE, issueMissing: true });
      const foreign = verifyPdf(await signPdf(form, await other.keyFor(hanoi), info), await keys.trustAnchors());
      expect(foreign).toMatchObject({ intact: true, trusted: false, valid: false });
      expect(foreign.problems.join()).toContain('does not chain');
    } finally {
      await rm(otherDir, { recursive: true, force: true });
    }
  });

  it('reports an unsigned PDF as unsigned and refuses what is not a PDF', async () => {
    expect(verifyPdf(form, await keys.trustAnchors())).toMatchObject({ signed: false, valid: false });
    expect(() => verifyPdf(new TextEncoder().encode('hello, not a pdf'), [])).toThrow(NotAPdf);
  });
});

describe('the key files', () => {
  it('keep private keys only encrypted, are created once, and open only with the passphrase', async () => {
    expect(await ensureLocalCa(dir, PASSPHRASE)).toEqual({ created: false });
    expect(await ensureProvinceCertificate(dir, PASSPHRASE, hanoi)).toEqual({ created: false });
    const caKey = await readFile(join(dir, 'ca', 'root-ca.key'), 'utf8');
    expect(caKey).toContain('BEGIN ENCRYPTED PRIVATE KEY');
    const p12 = await readFile(join(dir, 'units', '01.p12'));
    expect(() => openPkcs12(p12, 'a-wrong-passphrase-0000')).toThrow(/PDF_SIGNING_PASSPHRASE/);
    const { chain, key } = openPkcs12(p12, PASSPHRASE);
    expect(chain[0]!.checkPrivateKey(key)).toBe(true);
    // No file in the folder holds an unencrypted key.
    for (const f of [...(await readdir(join(dir, 'ca'))).map((n) => join(dir, 'ca', n)), join(dir, 'units', '01.p12')])
      expect((await readFile(f)).toString('latin1')).not.toMatch(/BEGIN (RSA )?PRIVATE KEY/);
    // Key usage: digital signature and non-repudiation only; not a CA.
    const cert = forge.pki.certificateFromPem(new X509Certificate(chain[0]!.raw).toString());
    expect(cert.getExtension('keyUsage')).toMatchObject({ digitalSignature: true, nonRepudiation: true, keyCertSign: false });
    expect(cert.getExtension('basicConstraints')).toMatchObject({ cA: false });
  });
});

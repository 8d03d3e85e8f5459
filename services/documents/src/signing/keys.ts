import { createPrivateKey, generateKeyPairSync, randomBytes, X509Certificate, type KeyObject } from 'node:crypto';
import { chmod, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import forge from 'node-forge';
import type { CmsSignerKey } from './cms.js';

/** The province (tenant) whose people's committee issues a document: its certificate signs it. */
export interface IssuingProvince {
  code: string;
  /** "Hà Nội"; the certificate names "Ủy ban nhân dân <fullName>". */
  name: string;
  fullName: string;
}

const CA_DIR = 'ca';
const CA_CERT = 'root-ca.crt';
const CA_KEY = 'root-ca.key';
const UNITS_DIR = 'units';
const TRUST_DIR = 'trust';

const CA_SUBJECT: [string, string][] = [
  ['C', 'VN'],
  ['O', 'Hệ thống một cửa điện tử (thử nghiệm)'],
  ['CN', 'CA thử nghiệm của hệ thống một cửa điện tử'],
];

const notFound = (error: unknown) => (error as NodeJS.ErrnoException).code === 'ENOENT';
const safeCode = (code: string) => {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(code)) throw new Error(`province code ${JSON.stringify(code)} cannot name a key file`);
  return code;
};

/** UTF-8 name attributes (forge encodes them): forge writes PrintableString unless told, which cannot hold Vietnamese letters. */
const name = (fields: [string, string][]): forge.pki.CertificateField[] =>
  fields.map(([shortName, value]) =>
    shortName === 'C' ? { shortName, value } : { shortName, value: value.normalize('NFC'), valueTagClass: forge.asn1.Type.UTF8 as unknown as forge.asn1.Class },
  );

function newCertificate(publicKey: KeyObject, years: number) {
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString());
  // A positive serial: 16 random bytes with the top bit cleared.
  const serial = randomBytes(16);
  serial[0]! &= 0x7f;
  cert.serialNumber = serial.toString('hex');
  const now = Date.now();
  cert.validity.notBefore = new Date(now - 24 * 3600 * 1000);
  cert.validity.notAfter = new Date(now + years * 365 * 24 * 3600 * 1000);
  return cert;
}

const toForgeKey = (key: KeyObject) => forge.pki.privateKeyFromPem(key.export({ type: 'pkcs8', format: 'pem' }).toString());

async function writePrivate(path: string, data: string | Uint8Array) {
  await writeFile(path, data, { mode: 0o600 });
  await chmod(path, 0o600);
}

/**
 * Creates the local test certificate authority under `dir`/ca unless it is there: a root
 * certificate and its key, the key only as encrypted PKCS#8 (AES-256) under `passphrase`.
 * For development and tests; a real deployment's certificates come from a licensed CA.
 */
export async function ensureLocalCa(dir: string, passphrase: string): Promise<{ created: boolean }> {
  const target = join(dir, CA_DIR);
  try {
    await readFile(join(target, CA_CERT));
    return { created: false };
  } catch (error) {
    if (!notFound(error)) throw error;
  }
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 3072 });
  const cert = newCertificate(publicKey, 10);
  const subject = name(CA_SUBJECT);
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(toForgeKey(privateKey), forge.md.sha256.create());
  // Written beside the target and renamed into place, so two processes starting at once agree on one CA.
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const staging = join(dir, `${CA_DIR}.${randomBytes(6).toString('hex')}.tmp`);
  await mkdir(staging, { mode: 0o700 });
  await writeFile(join(staging, CA_CERT), forge.pki.certificateToPem(cert));
  await writePrivate(join(staging, CA_KEY), privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase }));
  try {
    await rename(staging, target);
    return { created: true };
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    if (['ENOTEMPTY', 'EEXIST'].includes((error as NodeJS.ErrnoException).code ?? '')) return { created: false };
    throw error;
  }
}

async function readLocalCa(dir: string, passphrase: string) {
  const [certPem, keyPem] = await Promise.all([readFile(join(dir, CA_DIR, CA_CERT), 'utf8'), readFile(join(dir, CA_DIR, CA_KEY), 'utf8')]);
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: keyPem, format: 'pem', passphrase });
  } catch (error) {
    throw new Error(`the local CA's key in ${join(dir, CA_DIR)} does not open with PDF_SIGNING_PASSPHRASE`, { cause: error });
  }
  return { cert: forge.pki.certificateFromPem(certPem), key };
}

/**
 * Issues the province's signing certificate from the local CA into `dir`/units/<code>.p12 unless
 * one is there (a CA-issued one put there by an operator is kept): subject "Ủy ban nhân dân
 * <province>", key usage digital signature and non-repudiation, the key inside PKCS#12 under
 * `passphrase` (AES-256) only.
 */
export async function ensureProvinceCertificate(dir: string, passphrase: string, province: IssuingProvince): Promise<{ created: boolean }> {
  const file = join(dir, UNITS_DIR, `${safeCode(province.code)}.p12`);
  try {
    await readFile(file);
    return { created: false };
  } catch (error) {
    if (!notFound(error)) throw error;
  }
  const ca = await readLocalCa(dir, passphrase);
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const cert = newCertificate(publicKey, 3);
  cert.setSubject(
    name([
      ['C', 'VN'],
      ['ST', province.name],
      ['O', `Ủy ban nhân dân ${province.fullName}`],
      ['OU', 'Bộ phận tiếp nhận và trả kết quả'],
      ['CN', `UBND ${province.fullName}`],
    ]),
  );
  // From our own fields, not the parsed CA certificate's: forge reads UTF-8 values back as raw bytes
  // and would encode them twice, and the issuer would no longer match the CA's subject.
  cert.setIssuer(name(CA_SUBJECT));
  cert.setExtensions([
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true },
    { name: 'subjectKeyIdentifier' },
    { name: 'authorityKeyIdentifier', keyIdentifier: ca.cert.generateSubjectKeyIdentifier().getBytes() },
  ]);
  cert.sign(toForgeKey(ca.key), forge.md.sha256.create());
  const p12 = forge.pkcs12.toPkcs12Asn1(toForgeKey(privateKey), [cert, ca.cert], passphrase, { algorithm: 'aes256', friendlyName: province.code });
  await mkdir(join(dir, UNITS_DIR), { recursive: true, mode: 0o700 });
  const staging = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  await writePrivate(staging, Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary'));
  await rename(staging, file);
  return { created: true };
}

/** The key and chain in a PKCS#12 file (RSA keys: what node-forge reads). */
export function openPkcs12(p12: Uint8Array, passphrase: string): CmsSignerKey {
  let parsed: forge.pkcs12.Pkcs12Pfx;
  try {
    parsed = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(forge.util.createBuffer(Buffer.from(p12).toString('binary'))), false, passphrase);
  } catch (error) {
    throw new Error('the signing certificate (PKCS#12) does not open with PDF_SIGNING_PASSPHRASE', { cause: error });
  }
  const keyOid = forge.pki.oids.pkcs8ShroudedKeyBag!;
  const certOid = forge.pki.oids.certBag!;
  const keyBag = parsed.getBags({ bagType: keyOid })[keyOid]?.[0];
  const certs = (parsed.getBags({ bagType: certOid })[certOid] ?? []).flatMap((b) => (b.cert ? [b.cert] : []));
  if (!keyBag?.key) throw new Error('the PKCS#12 file holds no private key');
  const key = createPrivateKey(forge.pki.privateKeyToPem(keyBag.key));
  const chain = certs.map((c) => new X509Certificate(forge.pki.certificateToPem(c)));
  const own = chain.findIndex((c) => c.checkPrivateKey(key));
  if (own < 0) throw new Error('the PKCS#12 file holds no certificate for its private key');
  return { key, chain: [chain[own]!, ...chain.filter((_, i) => i !== own)] };
}

/**
 * The provinces' signing keys, read from `dir` and kept in memory (decrypted) for the process's
 * life only. With `issueMissing` (development and tests) a province without a certificate gets
 * one from the local CA on first use; otherwise its forms cannot be signed until an operator
 * installs one.
 */
export class SigningKeys {
  private readonly keys = new Map<string, Promise<CmsSignerKey>>();
  private anchors: Promise<X509Certificate[]> | undefined;
  constructor(private readonly opts: { dir: string; passphrase: string; issueMissing: boolean }) {}

  get dir() {
    return this.opts.dir;
  }

  keyFor(province: IssuingProvince): Promise<CmsSignerKey> {
    let key = this.keys.get(province.code);
    if (!key) {
      key = this.load(province);
      key.catch(() => this.keys.delete(province.code));
      this.keys.set(province.code, key);
    }
    return key;
  }

  private async load(province: IssuingProvince) {
    const { dir, passphrase, issueMissing } = this.opts;
    if (issueMissing) {
      await ensureLocalCa(dir, passphrase);
      await ensureProvinceCertificate(dir, passphrase, province);
    }
    let p12: Buffer;
    try {
      p12 = await readFile(join(dir, UNITS_DIR, `${safeCode(province.code)}.p12`));
    } catch (error) {
      if (notFound(error)) throw new MissingSigningCertificate(province);
      throw error;
    }
    return openPkcs12(p12, passphrase);
  }

  /** The roots a signature must chain to: the local CA's and any certificate in `dir`/trust. */
  trustAnchors(): Promise<X509Certificate[]> {
    this.anchors ??= (async () => {
      if (this.opts.issueMissing) await ensureLocalCa(this.opts.dir, this.opts.passphrase);
      const files = [join(this.opts.dir, CA_DIR, CA_CERT)];
      try {
        for (const f of await readdir(join(this.opts.dir, TRUST_DIR))) if (/\.(pem|crt|cer)$/i.test(f)) files.push(join(this.opts.dir, TRUST_DIR, f));
      } catch (error) {
        if (!notFound(error)) throw error;
      }
      const anchors: X509Certificate[] = [];
      for (const f of files) {
        try {
          anchors.push(new X509Certificate(await readFile(f)));
        } catch (error) {
          if (!notFound(error)) throw error;
        }
      }
      return anchors;
    })();
    return this.anchors;
  }
}

export class MissingSigningCertificate extends Error {
  override readonly name = 'MissingSigningCertificate';
  constructor(readonly province: IssuingProvince) {
    super(`no signing certificate for province ${province.code}: put ${UNITS_DIR}/${province.code}.p12 in the signing directory`);
  }
}

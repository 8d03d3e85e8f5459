import { createHash, verify as verifySignature, type X509Certificate } from 'node:crypto';
import { findSignerCertificate, OID, parseCms } from './cms.js';

/** Not a PDF at all: the caller's input is wrong, not the signature. */
export class NotAPdf extends Error {
  override readonly name = 'NotAPdf';
}

export interface SignerDescription {
  /** The certificate's subject as one line (RFC 2253 order is Node's). */
  subject: string;
  commonName: string | null;
  organization: string | null;
  issuer: string;
  serialNumber: string;
  validFrom: string;
  validTo: string;
}

/** What a person needs to trust a signed PDF: who signed, when, and whether anything changed since. */
export interface VerificationReport {
  /** A signature dictionary with a byte range was found. */
  signed: boolean;
  /** The signed bytes hash to the signed digest, and the signature over it checks with the signer's key. */
  intact: boolean;
  /** The signature covers the whole file: nothing was appended after signing. */
  coversWholeDocument: boolean;
  /** The signer's certificate chains to a trust anchor and was valid at the signing time. */
  trusted: boolean;
  /** intact, covering the whole file, and trusted. */
  valid: boolean;
  subFilter: string | null;
  signer: SignerDescription | null;
  /** The signing time the signature dictionary claims (/M), ISO 8601. */
  signedAt: string | null;
  reason: string | null;
  location: string | null;
  /** Why the signature is not valid, in English words for logs and tests (the API words them in Vietnamese too). */
  problems: string[];
}

const DIGESTS: Record<string, string> = { [OID.sha256]: 'sha256', [OID.sha384]: 'sha384', [OID.sha512]: 'sha512' };

/** A PDF text string: UTF-16BE after a byte-order mark, else PDFDocEncoding (read as Latin-1). */
function pdfText(raw: string | undefined, hex: boolean): string | null {
  if (raw === undefined) return null;
  const bytes = hex ? Buffer.from(raw.replace(/\s+/g, ''), 'hex') : Buffer.from(raw.replace(/\\([()\\])/g, '$1'), 'latin1');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    const body = Buffer.from(bytes.subarray(2));
    body.swap16();
    return body.toString('utf16le');
  }
  return bytes.toString('latin1');
}

function entry(dict: string, key: string): string | null {
  const hex = new RegExp(`/${key}\\s*<([0-9A-Fa-f\\s]*)>`).exec(dict);
  if (hex) return pdfText(hex[1], true);
  const literal = new RegExp(`/${key}\\s*\\(((?:\\\\.|[^\\\\)])*)\\)`).exec(dict);
  return literal ? pdfText(literal[1], false) : null;
}

/** D:YYYYMMDDHHmmSS+HH'mm' (PDF date) to ISO 8601. */
function pdfDate(value: string | null): string | null {
  const m = value ? /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(?:([Zz+-])(\d{2})?'?(\d{2})?'?)?/.exec(value) : null;
  if (!m) return null;
  const [, y, mo = '01', d = '01', h = '00', mi = '00', s = '00', sign = 'Z', oh = '00', om = '00'] = m;
  const zone = sign === 'Z' || sign === 'z' ? 'Z' : `${sign}${oh}:${om}`;
  const date = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}${zone}`);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

const field = (subject: string, key: string) => new RegExp(`(?:^|\\n)${key}=([^\\n]*)`).exec(subject)?.[1] ?? null;

function describe(cert: X509Certificate): SignerDescription {
  return {
    subject: cert.subject.split('\n').join(', '),
    commonName: field(cert.subject, 'CN'),
    organization: field(cert.subject, 'O'),
    issuer: cert.issuer.split('\n').join(', '),
    serialNumber: cert.serialNumber,
    validFrom: new Date(cert.validFrom).toISOString(),
    validTo: new Date(cert.validTo).toISOString(),
  };
}

/** A key or signature Node cannot use (an unknown algorithm, a malformed value) does not check. */
const checks = (verify: () => boolean) => {
  try {
    return verify();
  } catch {
    return false;
  }
};

const issued = (child: X509Certificate, parent: X509Certificate) => child.checkIssued(parent) && child.verify(parent.publicKey);
const validAt = (cert: X509Certificate, at: Date) => new Date(cert.validFrom) <= at && at <= new Date(cert.validTo);

/** Walks from the signer up through the certificates the signature carries to a trust anchor. */
function chainProblems(signer: X509Certificate, carried: X509Certificate[], anchors: X509Certificate[], at: Date): string[] {
  const problems: string[] = [];
  let current = signer;
  for (let depth = 0; depth < 6; depth += 1) {
    if (!validAt(current, at)) problems.push(`certificate ${current.subject.replaceAll('\n', ', ')} was not valid at the signing time`);
    if (anchors.some((a) => a.fingerprint256 === current.fingerprint256)) return problems;
    const anchor = anchors.find((a) => issued(current, a));
    if (anchor) {
      if (!validAt(anchor, at)) problems.push('the trust anchor was not valid at the signing time');
      return problems;
    }
    const parent = carried.find((c) => c.fingerprint256 !== current.fingerprint256 && c.ca && issued(current, c));
    if (!parent) break;
    current = parent;
  }
  return [...problems, 'the signer certificate does not chain to a trusted certificate authority'];
}

/**
 * Checks the last signature of a PDF: the CMS signature against the byte range it covers
 * (integrity), the byte range against the file's length (nothing appended), and the signer's
 * certificate chain against `anchors` at the claimed signing time.
 */
export function verifyPdf(pdf: Uint8Array, anchors: X509Certificate[]): VerificationReport {
  const file = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  if (file.subarray(0, 1024).indexOf('%PDF-') < 0) throw new NotAPdf('not a PDF file');
  const report: VerificationReport = {
    signed: false,
    intact: false,
    coversWholeDocument: false,
    trusted: false,
    valid: false,
    subFilter: null,
    signer: null,
    signedAt: null,
    reason: null,
    location: null,
    problems: [],
  };
  const at = file.lastIndexOf('/ByteRange');
  const range = at < 0 ? null : /^\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/.exec(file.subarray(at, at + 100).toString('latin1'));
  if (!range) {
    report.problems.push('the document is not signed');
    return report;
  }
  report.signed = true;
  const [a, b, c, d] = range.slice(1).map(Number) as [number, number, number, number];
  const objStart = file.lastIndexOf(' obj', at);
  const objEnd = file.indexOf('endobj', at);
  // The dictionary's text without its /Contents, which is hex of the whole CMS.
  const dict = file
    .subarray(Math.max(0, objStart), objEnd < 0 ? file.length : objEnd)
    .toString('latin1')
    .replace(/\/Contents\s*<[0-9A-Fa-f\s]*>/, '');
  report.subFilter = /\/SubFilter\s*\/([^\s/<>[\]()]+)/.exec(dict)?.[1] ?? null;
  report.signedAt = pdfDate(entry(dict, 'M'));
  report.reason = entry(dict, 'Reason');
  report.location = entry(dict, 'Location');
  if (a !== 0 || b <= 0 || c <= b || c + d > file.length || file[b] !== 0x3c || file[c - 1] !== 0x3e) {
    report.problems.push('the signature byte range is malformed');
    return report;
  }
  report.coversWholeDocument = c + d === file.length;
  if (!report.coversWholeDocument) report.problems.push('the document was changed after signing (bytes follow the signed range)');

  let cms: ReturnType<typeof parseCms>;
  try {
    const hex = file
      .subarray(b + 1, c - 1)
      .toString('latin1')
      .replace(/\s+/g, '');
    // The placeholder is zero-padded; the DER's own length says where the CMS ends.
    cms = parseCms(Buffer.from(hex, 'hex'));
  } catch {
    report.problems.push('the signature is not a readable CMS structure');
    return report;
  }
  const signer = findSignerCertificate(cms);
  if (!signer) {
    report.problems.push('the signature does not carry its signer certificate');
    return report;
  }
  report.signer = describe(signer);
  const algorithm = DIGESTS[cms.signer.digestOid];
  if (!algorithm) {
    report.problems.push(`unsupported digest algorithm ${cms.signer.digestOid}`);
    return report;
  }
  const signed = Buffer.concat([file.subarray(a, a + b), file.subarray(c, c + d)]);
  const digest = createHash(algorithm).update(signed).digest();
  let digestMatches: boolean;
  let mathOk: boolean;
  if (cms.signer.signedAttributes) {
    const claimed = cms.attributes.get(OID.messageDigest);
    digestMatches = claimed !== undefined && Buffer.from(claimed.value as string, 'binary').equals(digest);
    mathOk = checks(() => verifySignature(algorithm, cms.signer.signedAttributes!, signer.publicKey, cms.signer.signature));
    const certRef = cms.attributes.get(OID.signingCertificateV2);
    if (!certRef && report.subFilter === 'ETSI.CAdES.detached') report.problems.push('the signature lacks the signing-certificate-v2 attribute PAdES requires');
  } else {
    digestMatches = true;
    mathOk = checks(() => verifySignature(algorithm, signed, signer.publicKey, cms.signer.signature));
  }
  if (!digestMatches) report.problems.push('the signed content was modified (its digest does not match the signature)');
  if (!mathOk) report.problems.push('the signature value does not check with the signer certificate');
  report.intact = digestMatches && mathOk;
  const when = report.signedAt ? new Date(report.signedAt) : new Date();
  const chain = chainProblems(signer, cms.certificates, anchors, when);
  report.trusted = chain.length === 0;
  report.problems.push(...chain);
  report.valid = report.intact && report.coversWholeDocument && report.trusted && report.problems.length === 0;
  return report;
}

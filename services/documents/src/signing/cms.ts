import { createHash, sign as rsaSign, type KeyObject, X509Certificate } from 'node:crypto';
import forge from 'node-forge';

const { asn1 } = forge;
const U = asn1.Class.UNIVERSAL;
const T = asn1.Type;

export const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha384: '2.16.840.1.101.3.4.2.2',
  sha512: '2.16.840.1.101.3.4.2.3',
  rsaEncryption: '1.2.840.113549.1.1.1',
} as const;

const oid = (id: string) => asn1.create(U, T.OID, false, asn1.oidToDer(id).getBytes());
const seq = (items: forge.asn1.Asn1[]) => asn1.create(U, T.SEQUENCE, true, items);
const set = (items: forge.asn1.Asn1[]) => asn1.create(U, T.SET, true, items);
const octets = (bytes: Buffer) => asn1.create(U, T.OCTETSTRING, false, bytes.toString('binary'));
const algorithm = (id: string) => seq([oid(id), asn1.create(U, T.NULL, false, '')]);
const attribute = (type: string, value: forge.asn1.Asn1) => seq([oid(type), set([value])]);
const fromBuffer = (der: Buffer) => asn1.fromDer(forge.util.createBuffer(der.toString('binary')));
export const toBuffer = (node: forge.asn1.Asn1) => Buffer.from(asn1.toDer(node).getBytes(), 'binary');

/** The certificate's issuer Name and serial number, as they stand in its DER (what a SignerInfo names it by). */
function issuerAndSerial(certificate: X509Certificate) {
  const tbs = (fromBuffer(certificate.raw).value as forge.asn1.Asn1[])[0]!;
  const fields = tbs.value as forge.asn1.Asn1[];
  // The version is an explicit [0] tag when present; serial and issuer follow it (with the signature algorithm between).
  const first = fields[0]!.tagClass === asn1.Class.CONTEXT_SPECIFIC ? 1 : 0;
  return seq([fields[first + 2]!, fields[first]!]);
}

export interface CmsSignerKey {
  key: KeyObject;
  /** The signer's certificate first, then the chain up to (and with) the root. */
  chain: X509Certificate[];
}

/**
 * A detached CMS SignedData over `content`, as PAdES baseline B wants it (ETSI EN 319 142-1):
 * SHA-256, the signed attributes content-type, message-digest and signing-certificate-v2 (which
 * binds the signer's certificate to the signature), and no signing-time attribute: the claimed
 * time is the signature dictionary's /M, inside the signed byte range.
 */
export function createCmsSignature(content: Buffer, signer: CmsSignerKey): Buffer {
  const [certificate] = signer.chain;
  if (!certificate) throw new Error('a signing key needs its certificate');
  const sha256 = (data: Buffer) => createHash('sha256').update(data).digest();
  const signedAttributes = [
    attribute(OID.contentType, oid(OID.data)),
    attribute(OID.messageDigest, octets(sha256(content))),
    // ESSCertIDv2 with the default hash (SHA-256) left out, as DER requires for a default.
    attribute(OID.signingCertificateV2, seq([seq([seq([octets(sha256(certificate.raw))])])])),
  ];
  // The signature covers the attributes DER-encoded as a SET (RFC 5652 §5.4), though they are stored under [0].
  const signature = rsaSign('sha256', toBuffer(set(signedAttributes)), signer.key);
  const signerInfo = seq([
    asn1.create(U, T.INTEGER, false, String.fromCharCode(1)),
    issuerAndSerial(certificate),
    algorithm(OID.sha256),
    asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, signedAttributes),
    algorithm(OID.rsaEncryption),
    octets(signature),
  ]);
  const signedData = seq([
    asn1.create(U, T.INTEGER, false, String.fromCharCode(1)),
    set([algorithm(OID.sha256)]),
    seq([oid(OID.data)]),
    asn1.create(
      asn1.Class.CONTEXT_SPECIFIC,
      0,
      true,
      signer.chain.map((c) => fromBuffer(c.raw)),
    ),
    set([signerInfo]),
  ]);
  return toBuffer(seq([oid(OID.signedData), asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, [signedData])]));
}

/** A context-specific [0] tag (forge types tag numbers as universal types). */
const isTagZero = (node: forge.asn1.Asn1) => node.tagClass === asn1.Class.CONTEXT_SPECIFIC && Number(node.type) === 0;

export interface ParsedCms {
  certificates: X509Certificate[];
  signer: { issuer: Buffer; serial: Buffer; digestOid: string; signedAttributes: Buffer | null; signature: Buffer };
  attributes: Map<string, forge.asn1.Asn1>;
}

/** Reads a CMS SignedData (first signer only: a PDF signature has one). Throws on anything else. */
export function parseCms(der: Buffer): ParsedCms {
  // A PDF's /Contents is zero-padded past the DER: read one value and ignore the rest (the
  // options object is forge's current API; its type definitions still show the older boolean).
  const root = asn1.fromDer(forge.util.createBuffer(der.toString('binary')), { parseAllBytes: false } as unknown as boolean);
  const top = root.value as forge.asn1.Asn1[];
  if (asn1.derToOid(top[0]!.value as string) !== OID.signedData) throw new Error('not CMS SignedData');
  const signedData = ((top[1]!.value as forge.asn1.Asn1[])[0]!.value as forge.asn1.Asn1[]) ?? [];
  const certificates: X509Certificate[] = [];
  let signerInfos: forge.asn1.Asn1 | undefined;
  for (const node of signedData.slice(3)) {
    if (isTagZero(node)) for (const c of node.value as forge.asn1.Asn1[]) certificates.push(new X509Certificate(toBuffer(c)));
    else if (node.tagClass === U && node.type === T.SET) signerInfos = node;
  }
  const info = (signerInfos?.value as forge.asn1.Asn1[] | undefined)?.[0]?.value as forge.asn1.Asn1[] | undefined;
  if (!info) throw new Error('CMS without a signer');
  const sid = info[1]!.value as forge.asn1.Asn1[];
  const digestOid = asn1.derToOid((info[2]!.value as forge.asn1.Asn1[])[0]!.value as string);
  let i = 3;
  let signedAttributes: Buffer | null = null;
  const attributes = new Map<string, forge.asn1.Asn1>();
  if (isTagZero(info[i]!)) {
    const list = info[i]!.value as forge.asn1.Asn1[];
    signedAttributes = toBuffer(set(list));
    for (const a of list) {
      const [type, values] = a.value as forge.asn1.Asn1[];
      attributes.set(asn1.derToOid(type!.value as string), (values!.value as forge.asn1.Asn1[])[0]!);
    }
    i += 1;
  }
  const signature = Buffer.from(info[i + 1]!.value as string, 'binary');
  return {
    certificates,
    signer: { issuer: toBuffer(sid[0]!), serial: Buffer.from(sid[1]!.value as string, 'binary'), digestOid, signedAttributes, signature },
    attributes,
  };
}

/** The certificate a SignerInfo names by issuer and serial number. */
export function findSignerCertificate(cms: ParsedCms): X509Certificate | undefined {
  return cms.certificates.find((c) => {
    const named = toBuffer(issuerAndSerial(c));
    return named.equals(toBuffer(seq([fromBuffer(cms.signer.issuer), asn1.create(U, T.INTEGER, false, cms.signer.serial.toString('binary'))])));
  });
}

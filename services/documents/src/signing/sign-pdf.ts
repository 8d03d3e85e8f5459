import { SignPdf } from '@signpdf/signpdf';
import { ANNOTATION_FLAGS, DEFAULT_BYTE_RANGE_PLACEHOLDER, SIG_FLAGS, Signer, SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';
import { PDFArray, PDFDocument, PDFHexString, PDFInvalidObject, PDFName, PDFNumber, PDFString } from 'pdf-lib';
import { createCmsSignature, type CmsSignerKey } from './cms.js';

// Room for the CMS in the /Contents placeholder: a 4096-bit signature with a three-certificate chain fits.
const SIGNATURE_BYTES = 16384;

/** What the signature dictionary says about the signing, in Vietnamese. */
export interface SignatureInfo {
  /** The signer as a person reads it (the unit), shown by viewers beside the certificate. */
  name: string;
  reason: string;
  location: string;
  signingTime: Date;
}

class CmsSigner extends Signer {
  constructor(private readonly key: CmsSignerKey) {
    super();
  }
  override sign(content: Buffer): Promise<Buffer> {
    return Promise.resolve(createCmsSignature(content, this.key));
  }
}

/**
 * Adds an invisible signature field and its signature dictionary (SubFilter ETSI.CAdES.detached)
 * to the document. @signpdf/placeholder-pdf-lib writes text entries as PDF literal strings,
 * which cannot carry Vietnamese letters; these are UTF-16 text strings instead.
 */
function addPlaceholder(doc: PDFDocument, info: SignatureInfo) {
  const context = doc.context;
  const byteRange = PDFArray.withContext(context);
  byteRange.push(PDFNumber.of(0));
  for (let i = 0; i < 3; i += 1) byteRange.push(PDFName.of(DEFAULT_BYTE_RANGE_PLACEHOLDER));
  const signature = context.obj({
    Type: 'Sig',
    Filter: 'Adobe.PPKLite',
    SubFilter: SUBFILTER_ETSI_CADES_DETACHED,
    ByteRange: byteRange,
    Contents: PDFHexString.of('00'.repeat(SIGNATURE_BYTES)),
    Name: PDFHexString.fromText(info.name.normalize('NFC')),
    Reason: PDFHexString.fromText(info.reason.normalize('NFC')),
    Location: PDFHexString.fromText(info.location.normalize('NFC')),
    M: PDFString.fromDate(info.signingTime),
  });
  // Written as raw bytes so pdf-lib never packs it into an object stream, where the byte range could not point.
  const bytes = new Uint8Array(signature.sizeInBytes());
  signature.copyBytesInto(bytes, 0);
  const signatureRef = context.register(PDFInvalidObject.of(bytes));
  const page = doc.getPages()[0]!;
  const widget = context.register(
    context.obj({
      Type: 'Annot',
      Subtype: 'Widget',
      FT: 'Sig',
      Rect: [0, 0, 0, 0],
      V: signatureRef,
      T: PDFString.of('ChuKySo1'),
      F: ANNOTATION_FLAGS.PRINT,
      P: page.ref,
      AP: { N: context.register(context.formXObject([], { BBox: [0, 0, 0, 0], Resources: {} })) },
    }),
  );
  const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
  if (annots) annots.push(widget);
  else page.node.set(PDFName.of('Annots'), context.obj([widget]));
  doc.catalog.set(PDFName.of('AcroForm'), context.obj({ SigFlags: SIG_FLAGS.SIGNATURES_EXIST | SIG_FLAGS.APPEND_ONLY, Fields: [widget] }));
}

/** The PDF signed with `key` (PAdES baseline B): the whole file but the signature itself is covered. */
export async function signPdf(pdf: Uint8Array, key: CmsSignerKey, info: SignatureInfo): Promise<Uint8Array> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  addPlaceholder(doc, info);
  const prepared = Buffer.from(await doc.save({ useObjectStreams: false }));
  return new Uint8Array(await new SignPdf().sign(prepared, new CmsSigner(key)));
}

import { readFile } from 'node:fs/promises';
import { NotAPdf, SigningKeys, verifyPdf } from '@gov/documents';
import { ConfigError } from '@gov/runtime';
import { readScriptsEnv } from './env.js';

/**
 * `npm run verify-pdf -- file.pdf …`: who signed each PDF, when, and whether it is unchanged,
 * against the trust anchors of PDF_SIGNING_DIR (the local CA and trust/). Exits 1 unless every
 * file's signature is valid.
 */
async function main() {
  const files = process.argv.slice(2);
  if (files.length === 0) throw new ConfigError('usage: npm run verify-pdf -- file.pdf [more.pdf …]');
  const env = readScriptsEnv();
  // Only reading: never issue a CA or certificates from here.
  const anchors = await new SigningKeys({ dir: env.PDF_SIGNING_DIR, passphrase: env.PDF_SIGNING_PASSPHRASE, issueMissing: false }).trustAnchors();
  let allValid = true;
  for (const file of files) {
    try {
      const r = verifyPdf(await readFile(file), anchors);
      allValid &&= r.valid;
      console.log(`${file}: ${r.valid ? 'HỢP LỆ (valid)' : 'KHÔNG HỢP LỆ (not valid)'}`);
      if (r.signer) console.log(`  người ký (signer): ${r.signer.subject}\n  cấp bởi (issuer): ${r.signer.issuer}`);
      if (r.signedAt) console.log(`  thời điểm ký (signed at): ${r.signedAt}`);
      if (r.reason) console.log(`  lý do (reason): ${r.reason}`);
      console.log(
        `  toàn vẹn (integrity): ${r.intact && r.coversWholeDocument ? 'nguyên vẹn (unchanged)' : 'đã bị sửa (modified)'}; tin cậy (trusted): ${r.trusted}`,
      );
      for (const p of r.problems) console.log(`  - ${p}`);
    } catch (error) {
      allValid = false;
      console.log(`${file}: ${error instanceof NotAPdf ? 'không phải tệp PDF (not a PDF)' : String(error)}`);
    }
  }
  process.exit(allValid ? 0 : 1);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? `verify-pdf: ${error.message}` : error);
  process.exit(2);
});

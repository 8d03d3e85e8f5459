export { vnDate, vnDateTime, type FormHeader } from './common.js';
export { DEBIAN_DEJAVU_DIR, loadFontFiles, type FontFiles } from './fonts.js';
export { renderApology, type ApologyForm } from './forms/apology.js';
export { renderControlSheet, type ControlSheetForm, type ControlSheetRow } from './forms/control-sheet.js';
export { renderDossierRegister, type DossierRegisterForm, type DossierRegisterRow } from './forms/dossier-register.js';
export { renderReceipt, type ReceiptForm } from './forms/receipt.js';
export { renderRefusal, type RefusalForm } from './forms/refusal.js';
export { renderSupplementRequest, type SupplementRequestForm } from './forms/supplement-request.js';

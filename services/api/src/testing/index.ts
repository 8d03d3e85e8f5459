// Test fixtures other workspaces' tests share (the web app's browser journeys): a province with a
// commune → department procedure, and the worker runtime `npm start` runs beside the API.
export { addProvinceAdmin, buildDossierWorld, PDF, pdfWith, userIdOf, type DossierWorld, type Officer } from './dossier-world.js';
export { startDossierRuntime } from './dossier-runtime.js';
export { PASSWORD } from './world.js';
export { problemCode, problemDetail, readProblem, type Problem } from './problem.js';
export { startAccountRuntime } from './account-runtime.js';
export { TEST_SECOND_FACTOR_KEY, TEST_SECOND_FACTOR_KEY_HEX, totpCodeAt, totpCodeNow } from './authenticators.js';

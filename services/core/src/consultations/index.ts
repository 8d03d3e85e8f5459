export { answerConsultation, AnswerConsultationInput } from './answer-consultation.js';
export { listConsultationInbox, ListConsultationInbox } from './list-consultation-inbox.js';
export { listDossierConsultations } from './list-dossier-consultations.js';
export { listLateConsultations } from './list-late-consultations.js';
export type { ConsultationView } from './consultation-rows.js';

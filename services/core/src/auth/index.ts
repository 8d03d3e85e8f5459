export { login, LoginInput } from './login.js';
export { logout } from './logout.js';
export { changePassword, ChangePassword } from './change-password.js';
export { loadActor } from './load-actor.js';
export { validateSession, invalidateUserSessions, createSession, SESSION_LIFETIME_MS, type ValidSession } from './sessions.js';
export { hashPassword, verifyPassword } from './passwords.js';
export { csrfTokenFor, sameDigest, sha256Hex } from './tokens.js';
export { recordAuthEvent } from './auth-events.js';
export { signInWithVneid, VerifiedIdentity, type VneidAudience, type VneidRefusal, type VneidSignInResult } from './vneid-sign-in.js';

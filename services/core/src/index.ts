export type { ServiceContext, Actor } from './context.js';
export { assertCan } from './authorize.js';
export { listProvinces, type Province } from './provinces/list-provinces.js';

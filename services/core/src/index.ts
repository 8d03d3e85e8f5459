export type { ServiceContext } from './context.js';
export { listProvinces, type Province } from './provinces/list-provinces.js';

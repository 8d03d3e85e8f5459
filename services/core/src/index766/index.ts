export { index766Provinces, publicIndex766 } from './index-provinces.js';
export { index766ProvinceUnits } from './index-province-units.js';
export { Index766Query } from './quarter-period.js';

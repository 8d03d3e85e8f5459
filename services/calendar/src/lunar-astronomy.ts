/**
 * Astronomical helpers for the Vietnamese lunar calendar (âm lịch).
 *
 * Algorithm and constants: Hồ Ngọc Đức, "Âm lịch Việt Nam" (amlich.js, 2004–2006), which
 * follows Jean Meeus, "Astronomical Algorithms" (1998). Credited here because the code below is
 * a TypeScript transcription of his published algorithm. Accurate for roughly 1800–2199, far
 * beyond what deadline arithmetic needs.
 *
 * Why our own code and not an npm package: Chinese-calendar libraries compute new moons in UTC+8
 * and give the wrong Tết when the new moon falls between 23:00 and 24:00 Vietnam time (1985,
 * 2007); the only Vietnamese library found publishes an obfuscated build, which a government
 * platform cannot audit. See README.md.
 *
 * Day numbers are Julian Day Numbers (JDN), integers, counted at local noon.
 */

const RADIANS_PER_DEGREE = Math.PI / 180;

/** JDN of 1900-01-01 (Meeus' epoch for lunation numbering). */
export const JDN_1900_JAN_1 = 2415021;
/** Mean new moon near 1900-01-01, as a Julian Date. */
export const MEAN_NEW_MOON_1900 = 2415021.076998695;
/** Mean synodic month in days. */
export const SYNODIC_MONTH = 29.530588853;

/** Julian Date (TT, fractional) of the k-th new moon after the one of 1900-01-01. */
function newMoonJulianDate(k: number): number {
  const t = k / 1236.85;
  const t2 = t * t;
  const t3 = t2 * t;
  const dr = RADIANS_PER_DEGREE;
  let jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3;
  jd1 += 0.00033 * Math.sin((166.56 + 132.87 * t - 0.009173 * t2) * dr);
  const sunAnomaly = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3;
  const moonAnomaly = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3;
  const moonLatitude = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3;
  const m = sunAnomaly * dr;
  const mpr = moonAnomaly * dr;
  const f = moonLatitude * dr;
  let c1 = (0.1734 - 0.000393 * t) * Math.sin(m) + 0.0021 * Math.sin(2 * m);
  c1 += -0.4068 * Math.sin(mpr) + 0.0161 * Math.sin(2 * mpr) - 0.0004 * Math.sin(3 * mpr);
  c1 += 0.0104 * Math.sin(2 * f) - 0.0051 * Math.sin(m + mpr) - 0.0074 * Math.sin(m - mpr);
  c1 += 0.0004 * Math.sin(2 * f + m) - 0.0004 * Math.sin(2 * f - m) - 0.0006 * Math.sin(2 * f + mpr);
  c1 += 0.001 * Math.sin(2 * f - mpr) + 0.0005 * Math.sin(2 * mpr + m);
  const deltaT = t < -11 ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3 : -0.000278 + 0.000265 * t + 0.000262 * t2;
  return jd1 + c1 - deltaT;
}

/** JDN of the local day on which the k-th new moon falls, in a zone `utcOffsetHours` from UTC. */
export function newMoonDay(k: number, utcOffsetHours: number): number {
  return Math.floor(newMoonJulianDate(k) + 0.5 + utcOffsetHours / 24);
}

/** Apparent solar longitude in radians, normalised to [0, 2π), at Julian Date `jd`. */
function sunLongitude(jd: number): number {
  const t = (jd - 2451545.0) / 36525;
  const t2 = t * t;
  const dr = RADIANS_PER_DEGREE;
  const meanAnomaly = 357.5291 + 35999.0503 * t - 0.0001559 * t2 - 0.00000048 * t * t2;
  const meanLongitude = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
  let dl = (1.9146 - 0.004817 * t - 0.000014 * t2) * Math.sin(dr * meanAnomaly);
  dl += (0.019993 - 0.000101 * t) * Math.sin(dr * 2 * meanAnomaly);
  dl += 0.00029 * Math.sin(dr * 3 * meanAnomaly);
  const longitude = (meanLongitude + dl) * dr;
  return longitude - 2 * Math.PI * Math.floor(longitude / (2 * Math.PI));
}

/**
 * Which of the 12 solar-term sectors (30° each, 0 = spring equinox) the sun is in at the local
 * midnight that starts day `jdn`. A lunar month without a sector change is the leap month.
 */
export function sunSector(jdn: number, utcOffsetHours: number): number {
  return Math.floor((sunLongitude(jdn - 0.5 - utcOffsetHours / 24) / Math.PI) * 6);
}

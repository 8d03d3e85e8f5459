/**
 * Approximate 2025 population of the 34 provinces, in thousands, keyed by official province
 * code (services/db/data/admin-units/provinces.csv). *(unverified)*: summed from the pre-merger
 * provinces' 2023–2024 estimates as remembered, rounded. Only the shape matters here: dossier
 * volume follows population, Hồ Chí Minh city and Hà Nội dominate, the mountain provinces are
 * small (≈ 25× fewer people than Hồ Chí Minh city).
 */
export const POPULATION_THOUSANDS: Readonly<Record<string, number>> = {
  '01': 8720, // Hà Nội
  '04': 570, // Cao Bằng
  '08': 1710, // Tuyên Quang + Hà Giang
  '11': 640, // Điện Biên
  '12': 480, // Lai Châu
  '14': 1300, // Sơn La
  '15': 1620, // Lào Cai + Yên Bái
  '19': 1670, // Thái Nguyên + Bắc Kạn
  '20': 800, // Lạng Sơn
  '22': 1360, // Quảng Ninh
  '24': 3440, // Bắc Ninh + Bắc Giang
  '25': 3590, // Phú Thọ + Vĩnh Phúc + Hòa Bình
  '31': 4060, // Hải Phòng + Hải Dương
  '33': 3180, // Hưng Yên + Thái Bình
  '37': 3780, // Ninh Bình + Hà Nam + Nam Định
  '38': 3740, // Thanh Hóa
  '40': 3440, // Nghệ An
  '42': 1320, // Hà Tĩnh
  '44': 1570, // Quảng Trị + Quảng Bình
  '46': 1170, // Huế
  '48': 2770, // Đà Nẵng + Quảng Nam
  '51': 1830, // Quảng Ngãi + Kon Tum
  '52': 3090, // Gia Lai + Bình Định
  '56': 1850, // Khánh Hòa + Ninh Thuận
  '66': 2800, // Đắk Lắk + Phú Yên
  '68': 3260, // Lâm Đồng + Đắk Nông + Bình Thuận
  '75': 4290, // Đồng Nai + Bình Phước
  '79': 13410, // Hồ Chí Minh + Bình Dương + Bà Rịa–Vũng Tàu
  '80': 2930, // Tây Ninh + Long An
  '82': 3390, // Đồng Tháp + Tiền Giang
  '86': 3350, // Vĩnh Long + Bến Tre + Trà Vinh
  '91': 3670, // An Giang + Kiên Giang
  '92': 3190, // Cần Thơ + Hậu Giang + Sóc Trăng
  '96': 2120, // Cà Mau + Bạc Liêu
};

/**
 * Roughly from Huế (code 46) southwards the family names Hoàng and Vũ are mostly written Huỳnh
 * and Võ (an old naming taboo); the generator spells them the local way *(unverified boundary)*.
 */
export function isSouthern(provinceCode: string): boolean {
  return Number(provinceCode) >= 46;
}

/**
 * Splits `total` over provinces in proportion to population, by largest remainder, so the
 * counts add up exactly and do not depend on the random stream.
 */
export function apportion(total: number, provinceCodes: readonly string[]): Map<string, number> {
  const weights = provinceCodes.map((code) => POPULATION_THOUSANDS[code] ?? 0);
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum === 0) throw new RangeError('apportion: no province has a known population');
  const exact = weights.map((w) => (total * w) / sum);
  const counts = exact.map(Math.floor);
  let left = total - counts.reduce((a, b) => a + b, 0);
  const byRemainder = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((x, y) => y[0] - x[0]);
  for (const [, i] of byRemainder) {
    if (left === 0) break;
    counts[i] = (counts[i] ?? 0) + 1;
    left -= 1;
  }
  return new Map(provinceCodes.map((code, i) => [code, counts[i] ?? 0]));
}

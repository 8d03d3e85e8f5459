import { type Random, Weighted } from './random.js';

/**
 * Family names with their approximate share of the population, in per mille *(unverified:
 * widely quoted survey figures)*: Nguyễn alone is close to 4 in 10. Hoàng and Vũ stand for
 * Huỳnh and Võ in the south (see isSouthern). The tail is spread over common smaller names.
 */
const FAMILY: readonly (readonly [string, number])[] = [
  ['Nguyễn', 384],
  ['Trần', 121],
  ['Lê', 95],
  ['Phạm', 70],
  ['Hoàng', 51],
  ['Phan', 45],
  ['Vũ', 39],
  ['Đặng', 21],
  ['Bùi', 20],
  ['Đỗ', 14],
  ['Hồ', 13],
  ['Ngô', 13],
  ['Dương', 10],
  ['Lý', 5],
  ['Đinh', 9],
  ['Trương', 8],
  ['Đào', 7],
  ['Mai', 6],
  ['Đoàn', 6],
  ['Trịnh', 6],
  ['Lâm', 5],
  ['Cao', 5],
  ['Lương', 5],
  ['Hà', 5],
  ['Tạ', 3],
  ['Châu', 3],
  ['Lưu', 3],
  ['Thái', 3],
  ['Quách', 2],
  ['Triệu', 2],
  ['Nông', 2],
  ['Kiều', 2],
  ['Chu', 2],
  ['La', 2],
  ['Tô', 2],
  ['Văn', 2],
  ['Lò', 1],
  ['Vi', 1],
  ['Thạch', 1],
  ['Danh', 1],
];

const SOUTHERN_SPELLING: Readonly<Record<string, string>> = { Hoàng: 'Huỳnh', Vũ: 'Võ' };

/** Most adult men are "Văn" and most adult women "Thị"; the rest spread over common ones. */
const MIDDLE_MALE = weightedByRank(
  ['Văn', 'Đức', 'Minh', 'Quang', 'Hữu', 'Công', 'Thanh', 'Ngọc', 'Xuân', 'Tiến', 'Quốc', 'Đình', 'Hoàng', 'Gia', 'Anh'],
  'Văn',
  0.5,
);
const MIDDLE_FEMALE = weightedByRank(
  ['Thị', 'Ngọc', 'Thu', 'Thanh', 'Phương', 'Minh', 'Hồng', 'Kim', 'Bích', 'Thùy', 'Mai', 'Khánh', 'Bảo', 'Diệu', 'Ánh'],
  'Thị',
  0.5,
);
const SECOND_MIDDLE_FEMALE = ['Thu', 'Ngọc', 'Thanh', 'Minh', 'Phương', 'Hồng', 'Kim', 'Bích', 'Thùy'] as const;

const GIVEN_MALE = weightedByRank([
  'Anh',
  'Hùng',
  'Dũng',
  'Tuấn',
  'Minh',
  'Nam',
  'Long',
  'Hải',
  'Sơn',
  'Thắng',
  'Huy',
  'Khánh',
  'Phúc',
  'Bảo',
  'Đức',
  'Quân',
  'Trung',
  'Hiếu',
  'Tài',
  'Thành',
  'Cường',
  'Hoàng',
  'Vinh',
  'Lâm',
  'Khoa',
  'Phong',
  'Tùng',
  'Đạt',
  'Hưng',
  'Thịnh',
  'Kiên',
  'Toàn',
  'Quý',
  'Lợi',
  'Tú',
]);
const GIVEN_FEMALE = weightedByRank([
  'Linh',
  'Hương',
  'Lan',
  'Hà',
  'Trang',
  'Mai',
  'Ngọc',
  'Thảo',
  'Hằng',
  'Hạnh',
  'Nhung',
  'Thủy',
  'Yến',
  'Vy',
  'Anh',
  'Nhi',
  'Phương',
  'Hoa',
  'Dung',
  'Loan',
  'Huyền',
  'Giang',
  'Hiền',
  'Thư',
  'Châu',
  'Quỳnh',
  'Uyên',
  'Trâm',
  'Oanh',
  'Hồng',
  'Nga',
  'Vân',
  'Tâm',
  'Liên',
  'My',
]);

/** Names of private schools and firms, for procedures an organisation applies for. */
const ORGANISATION_WORDS = [
  'Hoa Sen',
  'Sao Mai',
  'Ánh Dương',
  'Hướng Dương',
  'Bình Minh',
  'Tuổi Thơ',
  'Hòa Bình',
  'An Phát',
  'Thành Công',
  'Việt Đức',
  'Trường Sơn',
  'Hồng Hà',
  'Phương Nam',
  'Đại Việt',
  'Tân Tiến',
  'Minh Khang',
] as const;
const ORGANISATION_KINDS = ['Trường Mầm non tư thục', 'Công ty TNHH', 'Công ty cổ phần', 'Trung tâm Ngoại ngữ'] as const;

/**
 * Earlier names in each list are more common (weight 1/(rank + 3), a Zipf-like tail); a
 * `dominant` name, if given, takes `share` of all draws.
 */
function weightedByRank(names: readonly string[], dominant?: string, share = 0): Weighted<string> {
  const ranked = names.map((name, rank) => [name, name === dominant ? 0 : 1 / (rank + 3)] as const);
  const others = ranked.reduce((sum, [, w]) => sum + w, 0);
  return new Weighted(ranked.map(([name, w]) => [name, name === dominant ? (others * share) / (1 - share) : w] as const));
}

const FAMILY_NAMES = new Weighted(FAMILY);

/** A full Vietnamese name as written on an identity card: family, middle, given. */
export function personName(random: Random, southern: boolean): string {
  const drawn = FAMILY_NAMES.draw(random);
  const family = southern ? (SOUTHERN_SPELLING[drawn] ?? drawn) : drawn;
  if (random.chance(0.5)) return `${family} ${MIDDLE_MALE.draw(random)} ${GIVEN_MALE.draw(random)}`;
  const middle = MIDDLE_FEMALE.draw(random);
  // "Nguyễn Thị Thu Hà": a second middle name after Thị is common.
  const second = middle === 'Thị' && random.chance(0.3) ? ` ${random.pick(SECOND_MIDDLE_FEMALE)}` : '';
  return `${family} ${middle}${second} ${GIVEN_FEMALE.draw(random)}`;
}

export function organisationName(random: Random): string {
  return `${random.pick(ORGANISATION_KINDS)} ${random.pick(ORGANISATION_WORDS)}`;
}

/**
 * What the synthetic provinces are made of: the departments every province has since the 2025
 * reorganisation (the common core; some provinces have one or two more), and a handful of
 * national procedures in education and home affairs for dossiers to reference.
 */

export type DepartmentKey =
  | 'home_affairs'
  | 'justice'
  | 'finance'
  | 'industry_trade'
  | 'agriculture_environment'
  | 'construction'
  | 'science_technology'
  | 'education'
  | 'health'
  | 'culture_sports_tourism'
  | 'office';

/** Order fixes the unit codes (`<province>.010` …): append, never reorder. */
export const DEPARTMENTS: readonly (readonly [DepartmentKey, string])[] = [
  ['home_affairs', 'Sở Nội vụ'],
  ['justice', 'Sở Tư pháp'],
  ['finance', 'Sở Tài chính'],
  ['industry_trade', 'Sở Công Thương'],
  ['agriculture_environment', 'Sở Nông nghiệp và Môi trường'],
  ['construction', 'Sở Xây dựng'],
  ['science_technology', 'Sở Khoa học và Công nghệ'],
  ['education', 'Sở Giáo dục và Đào tạo'],
  ['health', 'Sở Y tế'],
  ['culture_sports_tourism', 'Sở Văn hóa, Thể thao và Du lịch'],
  ['office', 'Văn phòng Ủy ban nhân dân'],
];

export interface ProcedureSpec {
  /** National code format; the numbers here are illustrative, not checked against the national database. */
  code: string;
  name: string;
  sector: string;
  /** Province-level procedures are filed at the service centre, commune-level ones at the commune. */
  level: 'province' | 'commune';
  /** The department that processes it (province level) after the service centre receives it. */
  department: DepartmentKey;
  /** Statutory processing time in working days (same for every channel here). */
  workingDays: number;
  /** Share of dossiers filed online; education is ≈ 99% online (docs/domain/platform-and-tenants.md). */
  onlineShare: number;
  applicant: 'person' | 'organisation';
  /** Relative volume within its level. */
  weight: number;
}

const EDUCATION = 'Giáo dục và Đào tạo';

export const PROCEDURES: readonly ProcedureSpec[] = [
  {
    code: '1.000948',
    name: 'Chuyển trường đối với học sinh trung học cơ sở',
    sector: EDUCATION,
    level: 'commune',
    department: 'education',
    workingDays: 3,
    onlineShare: 0.99,
    applicant: 'person',
    weight: 8,
  },
  {
    code: '1.008950',
    name: 'Hỗ trợ học tập đối với trẻ mẫu giáo, học sinh tiểu học, học sinh trung học cơ sở',
    sector: EDUCATION,
    level: 'commune',
    department: 'education',
    workingDays: 10,
    onlineShare: 0.97,
    applicant: 'person',
    weight: 4,
  },
  {
    code: '1.004492',
    name: 'Cho phép cơ sở giáo dục mầm non độc lập hoạt động giáo dục',
    sector: EDUCATION,
    level: 'commune',
    department: 'education',
    workingDays: 20,
    onlineShare: 0.95,
    applicant: 'organisation',
    weight: 0.3,
  },
  {
    code: '2.000337',
    name: 'Tặng Giấy khen của Chủ tịch Ủy ban nhân dân cấp xã về thành tích đột xuất',
    sector: 'Thi đua, khen thưởng',
    level: 'commune',
    department: 'home_affairs',
    workingDays: 20,
    onlineShare: 0.4,
    applicant: 'person',
    weight: 1,
  },
  {
    code: '2.001914',
    name: 'Cấp bản sao văn bằng, chứng chỉ từ sổ gốc',
    sector: EDUCATION,
    level: 'province',
    department: 'education',
    workingDays: 3,
    onlineShare: 0.99,
    applicant: 'person',
    weight: 5,
  },
  {
    code: '1.005090',
    name: 'Chỉnh sửa nội dung văn bằng, chứng chỉ',
    sector: EDUCATION,
    level: 'province',
    department: 'education',
    workingDays: 5,
    onlineShare: 0.99,
    applicant: 'person',
    weight: 2,
  },
  {
    code: '1.005092',
    name: 'Phúc khảo bài thi tốt nghiệp trung học phổ thông',
    sector: EDUCATION,
    level: 'province',
    department: 'education',
    workingDays: 15,
    onlineShare: 0.99,
    applicant: 'person',
    weight: 2,
  },
  {
    code: '1.001978',
    name: 'Giải quyết hưởng trợ cấp thất nghiệp',
    sector: 'Việc làm',
    level: 'province',
    department: 'home_affairs',
    workingDays: 20,
    onlineShare: 0.55,
    applicant: 'person',
    weight: 4,
  },
  {
    code: '1.009811',
    name: 'Cấp giấy phép lao động cho người lao động nước ngoài làm việc tại Việt Nam',
    sector: 'Việc làm',
    level: 'province',
    department: 'home_affairs',
    workingDays: 5,
    onlineShare: 0.85,
    applicant: 'organisation',
    weight: 1.5,
  },
  {
    code: '1.001612',
    name: 'Đăng ký nội quy lao động',
    sector: 'Lao động',
    level: 'province',
    department: 'home_affairs',
    workingDays: 7,
    onlineShare: 0.7,
    applicant: 'organisation',
    weight: 1,
  },
];

/** The row written to `procedures` (version 1), in the catalog's JSON shapes (StatutoryTime). */
export function procedureRow(spec: ProcedureSpec) {
  const time = { amount: spec.workingDays, unit: 'working_days' };
  return {
    code: spec.code,
    version: 1,
    name: spec.name,
    sector: spec.sector,
    level: spec.level,
    channels: ['online', 'in_person', 'postal'],
    processingTime: { online: time, in_person: time, postal: time },
    handlingAgency: spec.level === 'commune' ? 'Ủy ban nhân dân cấp xã' : (DEPARTMENTS.find(([key]) => key === spec.department)?.[1] ?? null),
    onlineServiceLevel: spec.onlineShare >= 0.9 ? ('full' as const) : ('partial' as const),
  };
}

/**
 * Per-unit lists of individuals and collectives (Danh sách cá nhân / tập thể) that the quota
 * checks count. Titles use ASCII codes; Vietnamese labels live in `TITLE_LABELS`.
 */
export type IndividualTitle = 'ldtt' | 'cstdcs' | 'cstd-tinh' | 'cstd-toan-quoc';
export type CollectiveTitle = 'ttldtt' | 'ttldxs' | 'co-tinh' | 'co-chinh-phu';

export const TITLE_LABELS: Readonly<Record<IndividualTitle | CollectiveTitle, string>> = {
  ldtt: 'Lao động tiên tiến',
  cstdcs: 'Chiến sĩ thi đua cơ sở',
  'cstd-tinh': 'Chiến sĩ thi đua cấp tỉnh',
  'cstd-toan-quoc': 'Chiến sĩ thi đua toàn quốc',
  ttldtt: 'Tập thể lao động tiên tiến',
  ttldxs: 'Tập thể lao động xuất sắc',
  'co-tinh': 'Cờ thi đua của UBND tỉnh',
  'co-chinh-phu': 'Cờ thi đua của Chính phủ',
};

export interface TitleHeld<T> {
  year: number;
  title: T;
}

export interface Person {
  unitCode: string;
  name: string;
  position?: string;
  /** Holds a leading post (lãnh đạo, quản lý). */
  leader: boolean;
  monthsInService: number;
  daysOff: number;
  disciplined: boolean;
  /** Hoàn thành nhiệm vụ (completes duties) this year. */
  completesDuties: boolean;
  /** Title proposed this year, if any. */
  proposed?: IndividualTitle;
  /** Titles of past years. */
  history: TitleHeld<IndividualTitle>[];
}

/** A collective: a member unit of the bloc (its people are the persons with its unit code). */
export interface Collective {
  unitCode: string;
  name: string;
  proposed?: CollectiveTitle;
  history: TitleHeld<CollectiveTitle>[];
}

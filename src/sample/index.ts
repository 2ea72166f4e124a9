/** The built-in sample: a Khối Nội chính of 9 units, year 2025, with sheets and lists of people. */
export { SAMPLE_TEMPLATE } from './template';
export { SAMPLE_BLOC, SAMPLE_SHEETS, SAMPLE_SUBMISSIONS } from './bloc';
export { SAMPLE_PEOPLE, SAMPLE_COLLECTIVES } from './people';

import { SAMPLE_SHEETS, SAMPLE_SUBMISSIONS } from './bloc';
import { SAMPLE_COLLECTIVES, SAMPLE_PEOPLE } from './people';

/** Everything the sample bloc's workbook holds besides the bloc itself (for createWorkbook). */
export const SAMPLE_DATA = {
  sheets: SAMPLE_SHEETS,
  submissions: SAMPLE_SUBMISSIONS,
  people: SAMPLE_PEOPLE,
  collectives: SAMPLE_COLLECTIVES,
};

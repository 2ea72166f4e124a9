/** The built-in sample: a Khối Nội chính of 9 units, year 2025, with sheets and lists of people. */
export { SAMPLE_TEMPLATE } from './template';
export { SAMPLE_BLOC, SAMPLE_SHEETS, SAMPLE_SUBMISSIONS } from './bloc';
export { SAMPLE_PEOPLE, SAMPLE_COLLECTIVES } from './people';

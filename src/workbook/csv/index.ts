/** CSV files in and out (docs/csv-formats.md). Pure: text in, data or problems out; no IO. */
export {
  parseCsv,
  lineLabel,
  type CsvTable,
  type ParseCsvOptions,
  type TableSource,
} from './parse';
export { decodeText, ENCODING_LABEL, type DecodedText, type TextEncoding } from './decode';
export { toCsv, type CsvCell, type ToCsvOptions } from './write';
export {
  criteriaToCsv,
  readCriteriaCsv,
  type ReadCriteriaOptions,
  type ReadCriteriaResult,
} from './criteria';
export { readUnitsCsv, sheetNameProblem, unitsToCsv, UNIT_COLUMNS } from './units';
export {
  readScoresCsv,
  scoreRowsToSheets,
  sheetsToScoresCsv,
  SCORE_COLUMNS,
  type ScoreRow,
  type ScoresContext,
} from './scores';
export {
  collectiveRow,
  collectivesToCsv,
  peopleToCsv,
  personRow,
  readCollectivesCsv,
  readCollectivesTable,
  readPeopleCsv,
  readPeopleTable,
  COLLECTIVE_COLUMNS,
  PEOPLE_COLUMNS,
  type PeopleContext,
} from './people';
export { baseName, foldKey, unstorableText } from './table';

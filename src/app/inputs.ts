/**
 * Reading the files a person gives (criteria, units, scores, people, collectives) into rows or
 * problems, for every door: the CLI hands the bytes it read from disk, the task pane those of the
 * file picked. One reader per kind of file, so no door decodes or parses a file itself.
 */
import type { BlocSettings, Template } from '../core';
import {
  readCollectivesCsv,
  readCriteriaCsv,
  readPeopleCsv,
  readScoresCsv,
  readUnitsCsv,
  readSettingsJson,
  type PeopleContext,
  type ReadCriteriaOptions,
  type ScoresContext,
} from '../workbook';

/** A file a person gave: its name (for messages) and its bytes. */
export interface InputFile {
  name: string;
  bytes: Uint8Array;
}

/** The file's text: UTF-8, with or without a byte-order mark (docs/csv-formats.md). */
export function inputText(file: InputFile): string {
  return new TextDecoder('utf-8').decode(file.bytes);
}

export const readCriteriaFile = (file: InputFile, options?: ReadCriteriaOptions) =>
  readCriteriaCsv(inputText(file), file.name, options);

export const readUnitsFile = (file: InputFile) => readUnitsCsv(inputText(file), file.name);

export const readScoresFile = (file: InputFile, context: ScoresContext) =>
  readScoresCsv(inputText(file), file.name, context);

export const readPeopleFile = (file: InputFile, context: PeopleContext) =>
  readPeopleCsv(inputText(file), file.name, context);

export const readCollectivesFile = (file: InputFile, context: PeopleContext) =>
  readCollectivesCsv(inputText(file), file.name, context);

/** A settings file (JSON, docs/settings.md) over the bloc's current settings. */
export const readSettingsFile = (file: InputFile, template: Template, base: BlocSettings) =>
  readSettingsJson(inputText(file), file.name, template, base);

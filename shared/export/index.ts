export type { ContractDatesOf, Deadline, LogData } from './types';
export { agendaMarkdown, type AgendaInput } from './agenda';
export { agendaIcs, escapeText, foldLine, icsUtc, unfold, type IcsInput } from './ics';
export { minutesMarkdown, type MinutesInput } from './minutes';
export { decisionBriefMarkdown, type DecisionBriefInput } from './decision-brief';
export {
  CLIENT_LOG_FORMAT,
  CLIENT_LOG_VERSION,
  ClientLogSchema,
  LOG_TABLES,
  exportClientLog,
  type ClientLog,
  type LogTable,
} from './client-log';
export { parseClientLog, MAX_ERRORS, type ParseResult } from './client-log-parse';
export {
  planImport,
  IMPORT_ORDER,
  type ImportAddition,
  type ImportConflict,
  type ImportPlan,
  type ImportTable,
} from './import-plan';
export { handoffFiles, isSafePath, type HandoffInput } from './handoff';
export { evidenceImagePaths } from './handoff-images';

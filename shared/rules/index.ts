export { zonedToUtc, zonedParts, zonedDate, isValidTimeZone } from './zoned-time';
export {
  addDays,
  daysBetween,
  daysInMonth,
  isLeapYear,
  isLocalDate,
  isLocalTime,
  nthWeekdayOfMonth,
  weekdayOf,
} from './local-date';
export { cadenceIdDate, cadenceMeetingId, cadenceSlots, type CadenceClient, type CadenceSlot } from './cadence';
export { nextMeeting, upcomingMeetings, type NextMeeting } from './next-meeting';
export { defaultPlacement, type Placement, type PlacementInput } from './placement';
export {
  addMonths,
  contractDates,
  contractTerms,
  termsBetween,
  type ContractDates,
  type ContractTerm,
  type ContractTermsInput,
} from './contract-dates';
export {
  contractDeadlines,
  meetingDeadlines,
  meetingForDate,
  DEFAULT_HORIZON_DAYS,
  type ContractDeadline,
  type Deadline,
  type MeetingDeadlinesArgs,
} from './deadlines';
export { holdMeeting, CLOSED_STATUSES, type CarriedItem, type HoldMeetingArgs, type ItemSlip } from './carry-forward';
export { fiscalYearOf, fiscalYearRange, fiscalYearLabel } from './fiscal-year';
export { annualise, budgetFor, type Budget, type BudgetArgs, type BudgetLine, type Totals } from './budget';
export {
  agendaSequence,
  compareAgenda,
  moveToSection,
  moveWithin,
  orderedAgenda,
  ORDER_GAP,
  type OrderChange,
} from './agenda-order';
export {
  fileItem,
  settleByDecision,
  isOnMeeting,
  isUntriaged,
  itemsOnMeeting,
  needsDecision,
  statusOfNewItem,
} from './filing';
export { deadlinePhrase, deadlineTiming, PRESSING, type DeadlineTiming, type MeetingWindow } from './deadline-timing';

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

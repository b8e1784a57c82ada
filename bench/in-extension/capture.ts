// Runs inside the bench page of the benchmark build; the driver calls it through page.evaluate.

/** Answers the driver's "is the page wired" check. */
export function ready(): string {
  return 'capture';
}

import type { Figure, Status } from './types';

function meets(value: number, target: NonNullable<Figure['target']>): boolean {
  return target.op === '<=' ? value <= target.value : value >= target.value;
}

/** Fills ratio and status. Quick runs prove the harness only: their figures are never judged. */
export function judge(figure: Figure, quick: boolean): Figure {
  const ratio = figure.baseline ? figure.result.median / figure.baseline.result.median : undefined;
  let status: Status;
  if (quick) status = 'unjudged';
  else if (!figure.target && figure.ratioTarget === undefined && figure.ratioFloor === undefined) status = 'info';
  else {
    const targetOk = !figure.target || meets(figure.result.median, figure.target);
    const ratioOk = figure.ratioTarget === undefined || (ratio !== undefined && ratio <= figure.ratioTarget);
    const floorOk = figure.ratioFloor === undefined || (ratio !== undefined && ratio >= figure.ratioFloor);
    status = targetOk && ratioOk && floorOk ? 'pass' : 'miss';
  }
  return { ...figure, ...(ratio !== undefined && { ratio }), status };
}

/** A ledger entry's period: Beijing dates, `endsOn` null while a monthly benefit runs. */
export interface BenefitPeriod {
  startsOn: string;
  endsOn: string | null;
}

/** The answer's period: from the start of the current run to its end (null: still running). */
export interface CurrentRun {
  since: string;
  until: string | null;
}

/** The day after a Beijing date (YYYY-MM-DD). */
function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/**
 * Whether any period covers `today`, and if so the unbroken run of periods around it: benefits
 * that overlap or follow each other without a day's gap (a 低保 renewed month after month, one
 * entry per renewal) count as one run, answered from its earliest start to its latest end.
 */
export function currentRun(periods: BenefitPeriod[], today: string): CurrentRun | null {
  const sorted = [...periods].sort((a, b) => a.startsOn.localeCompare(b.startsOn));
  let run: { since: string; until: string | null } | null = null;
  const runs: CurrentRun[] = [];
  for (const p of sorted) {
    // Joins the run when it starts no later than the day after the run's end.
    if (run && (run.until === null || p.startsOn <= nextDay(run.until))) {
      if (run.until !== null && (p.endsOn === null || p.endsOn > run.until)) run.until = p.endsOn;
      continue;
    }
    run = { since: p.startsOn, until: p.endsOn };
    runs.push(run);
  }
  return runs.find((r) => r.since <= today && (r.until === null || r.until >= today)) ?? null;
}

/**
 * Since when the household's tier has been `tier`: the earliest completion of the unbroken
 * series of latest completed assessments that all gave it (newest first in `assessed`); null
 * when the latest assessment did not give it (the tier was set another way) or none is known.
 */
export function tierSince(
  assessed: Array<{ tier: string | null; completedOn: string }>,
  tier: string,
): string | null {
  let since: string | null = null;
  for (const a of assessed) {
    if (a.tier !== tier) break;
    since = a.completedOn;
  }
  return since;
}

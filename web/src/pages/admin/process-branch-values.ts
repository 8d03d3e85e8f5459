import type { FormField, ProcessStep } from '@gov/domain';

// The designer's branch rows' plain rules, apart from their components so they test without a DOM.

type Next = NonNullable<ProcessStep['next']>;
type Outcome = Extract<Next, { by: 'choice' }>['outcomes'][number];
type Rule = Extract<Next, { by: 'condition' }>['rules'][number];

/** A new outcome's key and label: the first `huong_N` not taken, so keys stay unique. */
export function nextOutcome(outcomes: readonly Outcome[], to: string): Outcome {
  let n = outcomes.length + 1;
  while (outcomes.some((o) => o.key === `huong_${n}`)) n += 1;
  return { key: `huong_${n}`, label: `Hướng ${n}`, to };
}

/** What was typed or picked as a condition's value, in the type the field holds (the API checks it). */
export function typedValue(raw: string, field: FormField | undefined): string | number | boolean {
  if (field?.type === 'number' && raw.trim() !== '' && Number.isFinite(Number(raw))) return Number(raw);
  if (field?.type === 'boolean') return raw === 'true';
  return raw;
}

/** A rule on `field` as first offered: equal to its first option (yes, for a yes/no field). */
export function freshRule(field: FormField | undefined, to: string): Rule {
  const value = field?.type === 'boolean' ? true : field?.type === 'choice' ? (field.options?.[0] ?? '') : '';
  return { when: { field: field?.key ?? '', op: 'eq', value }, to };
}

import { ApplicationFailure, setHandler } from '@temporalio/workflow';
import * as v from 'valibot';
import {
  DOSSIER_ACTIONS,
  DOSSIER_REJECTION_TYPE,
  DossierActionInputs,
  OnlinePaymentConfirmation,
  stepOutcomes,
  type DossierAction,
  type DossierActionInput,
  type DossierRejection,
} from '@gov/domain';
import { recordApology } from './apology.js';
import * as intake from './apply-intake.js';
import * as processing from './apply-processing.js';
import { actionUpdates, confirmOnlinePaymentUpdate, dossierStateQuery } from '@gov/domain/contract';
import { installConsultationAnswers } from './consultation-answers.js';
import { checkAction } from './rules.js';
import { currentStep } from './state.js';
import type { MachineEnv } from './steps.js';
import { buildView } from './view.js';

/**
 * Rejections are non-retryable ApplicationFailures of type DossierActionRejected whose single
 * detail is the bilingual reason; thrown from a validator, they leave no trace in history.
 */
function reject(reason: DossierRejection): never {
  throw ApplicationFailure.create({ message: reason.en, type: DOSSIER_REJECTION_TYPE, nonRetryable: true, details: [reason] });
}

/** Checks that need the payload and the (deterministic) current time. */
function payloadCheck<A extends DossierAction>(env: MachineEnv, action: A, input: DossierActionInput<A>): DossierRejection | null {
  if (action === 'forward' || action === 'approve') return outcomeCheck(env, (input as DossierActionInput<'forward'>).outcome);
  if (action === 'recordApology') {
    const { newDueAt } = input as DossierActionInput<'recordApology'>;
    const floor = Math.max(Date.now(), env.state.apology?.newDueAt ?? env.state.dueAt ?? 0);
    if (Date.parse(newDueAt) <= floor) {
      return { code: 'invalid_input', vi: 'Ngày hẹn trả mới phải sau ngày hẹn hiện tại.', en: 'The new return date must be after the current one.' };
    }
  }
  return null;
}

/**
 * A step that branches by the officer's choice is completed with one of its named outcomes; any
 * other step takes none (docs/domain/procedures-and-processes.md#branches).
 */
function outcomeCheck(env: MachineEnv, outcome: string | undefined): DossierRejection | null {
  const step = currentStep(env.state);
  const outcomes = env.state.isHandOver ? [] : stepOutcomes(step);
  if (outcomes.length === 0) {
    return outcome === undefined
      ? null
      : { code: 'invalid_input', vi: `Bước "${step.name}" không có lựa chọn hướng xử lý.`, en: `Step "${step.name}" has no outcomes to choose.` };
  }
  if (outcomes.some((o) => o.key === outcome)) return null;
  const names = outcomes.map((o) => `"${o.label}"`).join(', ');
  return {
    code: 'invalid_input',
    vi: `Bước "${step.name}": hãy chọn một hướng xử lý (${names}).`,
    en: `Step "${step.name}": choose one of the outcomes (${names}).`,
  };
}

/**
 * `input` was parsed with the schema of `action`; TypeScript narrows `action` in the switch but
 * cannot narrow a separately typed `input` with it, hence `never` (assignable to each verb).
 */
function apply(env: MachineEnv, action: DossierAction, input: never, intakeMinutes: number | null): Promise<void> {
  switch (action) {
    case 'accept':
      return intake.accept(env, input);
    case 'refuse':
      return intake.refuse(env, input);
    case 'requestSupplement':
      return intake.requestSupplement(env, input);
    case 'submitSupplement':
      return intake.submitSupplement(env, input, intakeMinutes);
    case 'stop':
      return intake.close(env, 'stop', input);
    case 'withdraw':
      return intake.close(env, 'withdraw', input);
    case 'assign':
      return processing.assign(env, input);
    case 'forward':
      return processing.forward(env, input);
    case 'returnToPrevious':
      return processing.returnToPrevious(env, input);
    case 'handOver':
      return processing.handOver(env, input);
    case 'approve':
      return processing.approve(env, input);
    case 'requestFee':
      return processing.requestFee(env, input);
    case 'recordPayment':
      return processing.recordPayment(env, input);
    case 'recordApology':
      return recordApology(env, input);
    case 'returnResult':
      return processing.returnResult(env, input);
  }
}

/**
 * Registers every officer/citizen action as an Update with a validator, and the state Query.
 * Handlers change state synchronously before their first await, so a concurrent Update's
 * validator already sees the new state; they return once their transition is in PostgreSQL.
 */
export function installHandlers(env: MachineEnv, intakeMinutes: number | null): void {
  for (const action of DOSSIER_ACTIONS) {
    const schema = DossierActionInputs[action];
    setHandler(
      actionUpdates[action],
      async (input: unknown) => {
        await apply(env, action, v.parse(schema, input) as never, intakeMinutes);
        return buildView(env.state, (input as { actor: DossierActionInput<'forward'>['actor'] }).actor);
      },
      {
        validator: (input: unknown) => {
          const parsed = v.safeParse(schema, input);
          if (!parsed.success) {
            const issue = parsed.issues[0];
            reject({ code: 'invalid_input', vi: `Dữ liệu không hợp lệ: ${issue.message}`, en: `Invalid input: ${issue.message}` });
          }
          const refusal = checkAction(env.state, action, parsed.output.actor) ?? payloadCheck(env, action, parsed.output as never);
          if (refusal) reject(refusal);
        },
      },
    );
  }
  installOnlinePayment(env);
  installConsultationAnswers(env);
  setHandler(dossierStateQuery, (actor) => buildView(env.state, actor));
}

/**
 * The payment platform's notification, already verified by the API: refused (leaving no history)
 * unless a fee is pending and the amount paid is the amount asked (docs/domain/fees-and-payment.md).
 */
function installOnlinePayment(env: MachineEnv): void {
  setHandler(
    confirmOnlinePaymentUpdate,
    async (input) => {
      await processing.confirmOnlinePayment(env, v.parse(OnlinePaymentConfirmation, input));
      return buildView(env.state);
    },
    {
      validator: (input) => {
        const parsed = v.safeParse(OnlinePaymentConfirmation, input);
        if (!parsed.success) reject({ code: 'invalid_input', vi: 'Dữ liệu thanh toán không hợp lệ.', en: 'Invalid payment confirmation.' });
        if (!env.state.feePending) reject({ code: 'wrong_state', vi: 'Không có khoản phí chờ nộp.', en: 'No fee is pending.' });
        const asked = env.state.feeAmountVnd;
        if (asked != null && asked !== parsed.output.amountVnd)
          reject({ code: 'wrong_state', vi: 'Số tiền đã nộp khác số tiền phải nộp.', en: 'The amount paid differs from the fee asked.' });
      },
    },
  );
}

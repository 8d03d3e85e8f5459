import { chainLinkProblem, DOSSIER_ACTIONS, PARENT_LEVEL_ACTIONS, type DossierAction, type DossierRejection, type TenantRole } from '@gov/domain';
import { atIntake, currentStep, isClosed, previousIndex, type Actor, type DossierState } from './state.js';

const no = (code: DossierRejection['code'], vi: string, en: string): DossierRejection => ({ code, vi, en });

const CLOSED = no('wrong_state', 'Hồ sơ đã kết thúc xử lý.', 'The dossier is closed.');
const ELSEWHERE = no('wrong_state', 'Hồ sơ đang được xử lý liên thông tại đơn vị khác.', 'The dossier is with another agency (inter-agency hand-over).');
const TO_PARENT = no('not_allowed', 'Thao tác này do đơn vị tiếp nhận hồ sơ thực hiện.', 'The receiving unit performs this action.');
const NOT_PROCESSING = no('wrong_state', 'Hồ sơ không ở trạng thái đang xử lý.', 'The dossier is not being processed.');

/** Does the actor hold one of `roles` in the unit that owns the current step? */
function officerCheck(state: DossierState, actor: Actor, roles?: readonly TenantRole[]): DossierRejection | null {
  const step = currentStep(state);
  const allowed = roles ?? [step.role];
  if (actor.role === 'citizen' || !allowed.includes(actor.role)) {
    return no('wrong_role', `Bước "${step.name}" không do vai trò của bạn thực hiện.`, `Step "${step.name}" is not for your role.`);
  }
  if (actor.unitId !== step.orgUnitId) {
    return no('wrong_unit', `Bước "${step.name}" thuộc đơn vị khác.`, `Step "${step.name}" belongs to another unit.`);
  }
  return null;
}

function applicantCheck(state: DossierState, actor: Actor): DossierRejection | null {
  if (actor.role !== 'citizen') return no('wrong_role', 'Chỉ người nộp hồ sơ được thực hiện.', 'Only the applicant may do this.');
  if (state.applicantUserId && state.applicantUserId !== actor.userId) {
    return no('not_allowed', 'Bạn không phải người nộp hồ sơ này.', 'You did not submit this dossier.');
  }
  return null;
}

/** Accepted, not waiting for the citizen, not closed: the clock is running. */
function processing(state: DossierState): boolean {
  return !atIntake(state) && state.pausedSince === null && state.nationalStatus !== 5 && !isClosed(state);
}

function stepKindCheck(state: DossierState, kinds: readonly string[]): DossierRejection | null {
  if (!processing(state)) return NOT_PROCESSING;
  const step = currentStep(state);
  return kinds.includes(step.kind)
    ? null
    : no('wrong_state', `Không thực hiện được thao tác này ở bước "${step.name}".`, `This action does not apply to step "${step.name}".`);
}

/** A consultation step moves on by itself (docs/domain/consultations.md), not by an officer. */
function consultingCheck(state: DossierState): DossierRejection | null {
  if (state.consulting?.stepIndex !== state.stepIndex) return null;
  const step = currentStep(state);
  const byDeadline = step.consultation?.wait === 'deadline';
  return no(
    'wrong_state',
    `Bước "${step.name}" đang lấy ý kiến: hồ sơ tự chuyển bước khi đủ ý kiến${byDeadline ? ' hoặc khi đến hạn của bước' : ''}.`,
    `Step "${step.name}" is consulting: the dossier moves on by itself once all have answered${byDeadline ? ' or the step is due' : ''}.`,
  );
}

/**
 * A hand-over onward to another province (a chain, docs/domain/lien-thong.md) may not loop back
 * into a province the dossier already came through, nor make the chain longer than allowed. The
 * last step of a hand-over's segment hands the dossier back to its sender: never a new link.
 */
function chainCheck(state: DossierState): DossierRejection | null {
  if (state.isHandOver && state.stepIndex === state.segment.to - 1) return null;
  const target = currentStep(state).handOver?.targetTenantId;
  if (!target || target === state.tenantId) return null;
  // A hand-over inside one province adds a workflow to the chain, not a province.
  const provinces = [...state.chain, state.tenantId].filter((tenant, i, all) => tenant !== all[i - 1]);
  const problem = chainLinkProblem(provinces, target);
  return problem ? no('not_allowed', `Không thể chuyển liên thông: ${problem.vi}`, `Cannot hand over: ${problem.en}`) : null;
}

/**
 * Who may do what, now. Pure, so the Update validators and the Query share it: the web shows
 * exactly the actions a validator would accept. Payload checks live in the validators.
 */
export function checkAction(state: DossierState, action: DossierAction, actor: Actor): DossierRejection | null {
  if (isClosed(state)) return CLOSED;
  const parentLevel = PARENT_LEVEL_ACTIONS.includes(action);
  if (state.isHandOver && parentLevel) return TO_PARENT;
  if (state.activeHandOver && !parentLevel) return ELSEWHERE;
  const step = currentStep(state);
  switch (action) {
    case 'accept':
    case 'refuse':
      if (!atIntake(state) || state.nationalStatus !== 1) return no('wrong_state', 'Hồ sơ không chờ tiếp nhận.', 'The dossier is not awaiting reception.');
      return officerCheck(state, actor);
    case 'requestSupplement':
      if (atIntake(state)) {
        if (state.nationalStatus !== 1) return no('wrong_state', 'Hồ sơ không chờ tiếp nhận.', 'The dossier is not awaiting reception.');
        if (state.intakeSupplementUsed)
          return no('not_allowed', 'Chỉ được yêu cầu bổ sung một lần khi tiếp nhận.', 'A supplement may be requested only once at intake.');
        return officerCheck(state, actor);
      }
      return stepKindCheck(state, ['assign', 'process', 'review', 'approve']) ?? officerCheck(state, actor);
    case 'submitSupplement':
      if (state.nationalStatus !== 5) return no('wrong_state', 'Hồ sơ không có yêu cầu bổ sung.', 'No supplement was requested.');
      return applicantCheck(state, actor);
    case 'assign':
      if (atIntake(state) || !processing(state)) return NOT_PROCESSING;
      return officerCheck(state, actor, ['leader', 'unit_admin', step.role]);
    case 'forward':
      return consultingCheck(state) ?? stepKindCheck(state, ['assign', 'process', 'review']) ?? officerCheck(state, actor);
    case 'returnToPrevious': {
      const back = previousIndex(state);
      const previous = state.snapshot.steps[back];
      const blocked = !step.allowReturnToPrevious || !previous || back < state.segment.from || ['receive', 'hand_over'].includes(previous.kind);
      if (blocked) return no('not_allowed', 'Bước này không được trả lại bước trước.', 'This step may not return to the previous one.');
      return stepKindCheck(state, ['assign', 'process', 'review', 'approve', 'return_result']) ?? officerCheck(state, actor);
    }
    case 'handOver':
      return stepKindCheck(state, ['hand_over']) ?? officerCheck(state, actor) ?? chainCheck(state);
    case 'approve':
      return consultingCheck(state) ?? stepKindCheck(state, ['approve']) ?? officerCheck(state, actor);
    case 'requestFee':
      if (state.feePending) return no('wrong_state', 'Đã có yêu cầu nộp phí chưa thanh toán.', 'A fee request is already pending.');
      return stepKindCheck(state, ['assign', 'process', 'review', 'approve', 'return_result']) ?? officerCheck(state, actor);
    case 'recordPayment':
      if (!state.feePending) return no('wrong_state', 'Không có khoản phí chờ nộp.', 'No fee is pending.');
      return officerCheck(state, actor, [step.role, 'result_clerk', 'reception_officer']);
    case 'returnResult':
      if (state.feePending) return no('wrong_state', 'Công dân chưa hoàn thành nghĩa vụ tài chính.', 'The fee has not been paid.');
      return stepKindCheck(state, ['return_result']) ?? officerCheck(state, actor);
    case 'recordApology':
      if (state.dueAt === null || state.finishedAt !== null) return NOT_PROCESSING;
      return officerCheck(state, actor, ['leader', step.role]);
    case 'stop':
      if (atIntake(state)) return no('wrong_state', 'Hồ sơ chưa được tiếp nhận: hãy từ chối tiếp nhận.', 'Not yet received: refuse it instead.');
      if (state.finishedAt !== null) return no('wrong_state', 'Hồ sơ đã xử lý xong.', 'Processing has finished.');
      return officerCheck(state, actor, ['leader']);
    case 'withdraw':
      if (state.finishedAt !== null) return no('wrong_state', 'Hồ sơ đã xử lý xong, không thể rút.', 'Processing has finished; it cannot be withdrawn.');
      return applicantCheck(state, actor);
  }
}

export function allowedActions(state: DossierState, actor: Actor | undefined): DossierAction[] {
  if (!actor) return [];
  return DOSSIER_ACTIONS.filter((action) => checkAction(state, action, actor) === null);
}

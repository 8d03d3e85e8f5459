import { describe, expect, it } from 'vitest';
import { candidateActions, groupQueries, pickAllowed, targetOf } from './allowed-actions.js';

const root = '00000000-0000-4000-8000-000000000001';
const commune = '00000000-0000-4000-8000-000000000002';
const dept = '00000000-0000-4000-8000-000000000003';
const me = '00000000-0000-4000-8000-00000000000a';
const processStep = { name: 'Thẩm định', role: 'specialist', orgUnitId: commune, unitName: 'Xã An Bình', unitPath: [root, commune] };
const approveStep = { name: 'Phê duyệt', role: 'leader', orgUnitId: dept, unitName: 'Sở Nội vụ', unitPath: [root, dept] };
const officer = { userId: me, kind: 'officer' as const };
const everything = () => true;

describe('candidateActions', () => {
  it('offers a specialist the step actions as specialist, but not the leader-only ones', () => {
    const c = candidateActions({
      user: officer,
      applicantUserId: null,
      held: [{ role: 'specialist', orgUnitId: commune }],
      steps: { parent: processStep, child: null },
      mayWork: everything,
    });
    const actions = c.map((x) => x.action);
    expect(actions).toEqual(expect.arrayContaining(['forward', 'requestSupplement', 'assign', 'recordApology', 'returnToPrevious', 'approve']));
    expect(actions).not.toContain('stop');
    expect(c.every((x) => x.actor.role === 'specialist' && x.actor.unitId === commune && x.target === 'parent')).toBe(true);
  });

  it('acts as the leader for stop and as the step role where both are held', () => {
    const c = candidateActions({
      user: officer,
      applicantUserId: null,
      held: [
        { role: 'leader', orgUnitId: commune },
        { role: 'specialist', orgUnitId: commune },
      ],
      steps: { parent: processStep, child: null },
      mayWork: everything,
    });
    expect(c.find((x) => x.action === 'stop')!.actor.role).toBe('leader');
    expect(c.find((x) => x.action === 'forward')!.actor.role).toBe('specialist');
    expect(c.find((x) => x.action === 'assign')!.actor.role).toBe('specialist');
  });

  it('uses a role held above the step unit (subtree) and none held in another branch', () => {
    const above = candidateActions({
      user: officer,
      applicantUserId: null,
      held: [{ role: 'specialist', orgUnitId: root }],
      steps: { parent: processStep, child: null },
      mayWork: everything,
    });
    expect(above.map((x) => x.action)).toContain('forward');
    const elsewhere = candidateActions({
      user: officer,
      applicantUserId: null,
      held: [{ role: 'specialist', orgUnitId: dept }],
      steps: { parent: processStep, child: null },
      mayWork: everything,
    });
    expect(elsewhere).toEqual([]);
  });

  it('drops what CASL refuses for the role the officer would act as', () => {
    const c = candidateActions({
      user: officer,
      applicantUserId: null,
      held: [{ role: 'specialist', orgUnitId: commune }],
      steps: { parent: processStep, child: null },
      mayWork: (action) => action !== 'process',
    });
    expect(c).toEqual([]);
  });

  it('sends step actions to the hand-over child and parent-level ones to the parent', () => {
    expect(targetOf('approve', true)).toBe('child');
    expect(targetOf('recordApology', true)).toBe('parent');
    expect(targetOf('approve', false)).toBe('parent');
    const handOverStep = { ...processStep, name: 'Chuyển Sở' };
    const leader = candidateActions({
      user: officer,
      applicantUserId: null,
      held: [{ role: 'leader', orgUnitId: dept }],
      steps: { parent: handOverStep, child: approveStep },
      mayWork: everything,
    });
    expect(leader.find((x) => x.action === 'approve')).toMatchObject({ target: 'child', actor: { role: 'leader', unitId: dept } });
    // The department leader holds no role at the commune, which keeps apology and stop.
    expect(leader.some((x) => x.action === 'stop' || x.action === 'recordApology')).toBe(false);
  });

  it('gives the applicant only the citizen actions, and others nothing', () => {
    const citizen = { userId: me, kind: 'citizen' as const };
    const own = candidateActions({ user: citizen, applicantUserId: me, held: [], steps: { parent: processStep, child: null }, mayWork: everything });
    expect(own.map((x) => x.action)).toEqual(['submitSupplement', 'withdraw']);
    expect(candidateActions({ user: citizen, applicantUserId: root, held: [], steps: { parent: processStep, child: null }, mayWork: everything })).toEqual([]);
    expect(
      candidateActions({
        user: { userId: me, kind: 'ministry' },
        applicantUserId: null,
        held: [],
        steps: { parent: processStep, child: null },
        mayWork: everything,
      }),
    ).toEqual([]);
  });
});

describe('groupQueries and pickAllowed', () => {
  it('asks once per actor and keeps only what that actor’s workflow answer allows', () => {
    const c = candidateActions({
      user: officer,
      applicantUserId: null,
      held: [
        { role: 'leader', orgUnitId: commune },
        { role: 'specialist', orgUnitId: commune },
      ],
      steps: { parent: processStep, child: null },
      mayWork: everything,
    });
    const queries = groupQueries(c);
    expect(queries.map((q) => q.actor.role).sort()).toEqual(['leader', 'specialist']);
    const answers = queries.map((query) => ({
      query,
      // The workflow allows `stop` to the specialist in this made-up answer: it is still not
      // offered, because the API would send stop as the leader, whom the workflow refuses it.
      workflowAllows: query.actor.role === 'leader' ? ([] as const) : (['forward', 'stop'] as const),
    }));
    expect(pickAllowed(answers)).toEqual(['forward']);
    expect(pickAllowed(answers.map((a) => ({ ...a, workflowAllows: [] })))).toEqual([]);
  });
});

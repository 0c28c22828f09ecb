/** Shapes of incubations and milestones as the owner, the carrier's manager and officials see them. */
import { incubationWorkflow } from '../../../shared/ventures.js';
import { allowedActions } from '../../../shared/workflow.js';
import type { Actor } from '../../context.js';
import type { VentureIncubationRow, VentureMilestoneRow } from './ventures.tables.js';

const OWNER_ACTIONS = ['withdraw'];

/**
 * An incubation with the buttons the viewer may press: the owner only `withdraw`, the carrier's manager
 * the rest (an employer who owns a project never sees the host's actions, and the reverse).
 */
export function incubationSummary(i: VentureIncubationRow, carrierName: string, actor: Actor, asOwner: boolean) {
  const actions = allowedActions(incubationWorkflow, i.status as never, [actor.role]).filter((a) =>
    asOwner ? OWNER_ACTIONS.includes(a) : !OWNER_ACTIONS.includes(a),
  );
  return {
    id: i.id,
    projectId: i.projectId,
    carrierId: i.carrierId,
    carrierName,
    regionCode: i.regionCode,
    status: i.status,
    note: i.note,
    appliedAt: i.appliedAt.toISOString(),
    startedAt: i.startedAt?.toISOString() ?? null,
    endedAt: i.endedAt?.toISOString() ?? null,
    allowedActions: actions,
  };
}

/** A milestone is overdue when it is not done and its planned day has passed (China date). */
export function milestoneView(m: VentureMilestoneRow, today: string) {
  return {
    id: m.id,
    title: m.title,
    plannedOn: m.plannedOn,
    doneOn: m.doneOn,
    evidence: m.evidence,
    overdue: !m.doneOn && m.plannedOn < today,
  };
}

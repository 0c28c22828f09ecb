/**
 * Workflows are data: a table of transitions, checked by one function on the
 * server (applyTransition) and read by the UI to draw its buttons.
 */
import type { Role } from './roles.js';

export interface TransitionSpec<S extends string> {
  from: readonly S[];
  to: S;
  roles: readonly Role[];
  reason?: 'required' | 'optional';
}

export interface Workflow<S extends string, A extends string> {
  name: string;
  states: readonly S[];
  initial: S;
  transitions: Record<A, TransitionSpec<S>>;
}

export function defineWorkflow<const S extends string, const A extends string>(w: Workflow<S, A>): Workflow<S, A> {
  for (const [action, t] of Object.entries<TransitionSpec<S>>(w.transitions)) {
    for (const s of [...t.from, t.to]) {
      if (!w.states.includes(s)) throw new Error(`workflow ${w.name}: ${action} uses unknown state ${s}`);
    }
  }
  return w;
}

/** Actions a person holding `roles` may take from `status`. */
export function allowedActions<S extends string, A extends string>(w: Workflow<S, A>, status: S, roles: readonly Role[]): A[] {
  return (Object.keys(w.transitions) as A[]).filter((a) => {
    const t = w.transitions[a];
    return t.from.includes(status) && t.roles.some((r) => roles.includes(r));
  });
}

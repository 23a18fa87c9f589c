/** Undo/redo over immutable snapshots; `limit` bounds memory on long sessions. */
export interface History<State> {
  readonly past: readonly State[];
  readonly present: State;
  readonly future: readonly State[];
}

export function createHistory<State>(present: State): History<State> {
  return { past: [], present, future: [] };
}

/** A new present; the old one becomes undoable. */
export function record<State>(history: History<State>, next: State, limit = 200): History<State> {
  if (next === history.present) return history;
  return { past: [...history.past, history.present].slice(-limit), present: next, future: [] };
}

/** Replaces the present without an undo step (e.g. positions while a drag is in progress). */
export function replace<State>(history: History<State>, next: State): History<State> {
  return next === history.present ? history : { ...history, present: next };
}

export function undo<State>(history: History<State>): History<State> {
  const previous = history.past[history.past.length - 1];
  if (previous === undefined) return history;
  return { past: history.past.slice(0, -1), present: previous, future: [history.present, ...history.future] };
}

export function redo<State>(history: History<State>): History<State> {
  const [next, ...rest] = history.future;
  if (next === undefined) return history;
  return { past: [...history.past, history.present], present: next, future: rest };
}

import { describe, expect, it } from 'vitest';
import { createHistory, record, redo, replace, undo } from './history.ts';

describe('history', () => {
  it('undoes and redoes recorded states; a new record drops the redo branch', () => {
    let history = record(record(createHistory(1), 2), 3);
    history = undo(undo(history));
    expect(history.present).toBe(1);
    history = redo(history);
    expect(history.present).toBe(2);
    history = record(history, 9);
    expect(history.future).toEqual([]);
    expect(redo(history)).toBe(history);
    expect(undo(createHistory(0)).present).toBe(0);
  });

  it('replaces without an undo step and bounds the past', () => {
    const history = replace(record(createHistory(1), 2), 3);
    expect(undo(history).present).toBe(1);
    let long = createHistory(0);
    for (let value = 1; value <= 10; value += 1) long = record(long, value, 4);
    expect(long.past).toEqual([6, 7, 8, 9]);
  });
});

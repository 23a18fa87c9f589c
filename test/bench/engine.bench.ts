/**
 * Engine overhead with ports that answer instantly (issue: foundation). Prints median and p95 of:
 * a 100-node chain and a 100-node fan-out/fan-in run, and compile() of a 500-node document, each next
 * to a floor measured in the same interleaved rounds:
 * - runs: a bare async generator yielding as many events as the run does (the cost of the stream alone);
 * - compile: JSON.parse(JSON.stringify(document)) (touching the document once).
 * Targets: each run under 5 ms median (50 µs per node), compile under 20 ms.
 * Usage: npm run bench   (ROUNDS=… to change the number of samples)
 */
import { type ModelPort, type RunEvent, run } from '@edgeflow/engine';
import { createTimerClock } from '@edgeflow/engine/testing';
import { compile, type Plan } from '@edgeflow/graph';
import { format, interleave, summarize } from './stats.ts';

const rounds = Number(process.env.ROUNDS ?? 300);

/** A model port that answers at once: one delta and a finish. */
const instantModel: ModelPort = {
  async *stream() {
    yield { type: 'text-delta', delta: 'ok' };
    yield { type: 'finish', finishReason: 'stop', usage: { inputTokens: 1, outputTokens: 1 } };
  },
};

type NodeSpec = { id: string; type: string; config: Record<string, unknown> };
const documentOf = (name: string, nodes: NodeSpec[], edges: [string, string][]) => ({
  schema: 'edgeflow/workflow@1',
  name,
  mode: 'chat',
  nodes: nodes.map((node, index) => ({ ...node, position: { x: index * 10, y: 0 } })),
  edges: edges.map(([source, target], index) => ({ id: `e${index}`, source, target })),
});
const start: NodeSpec = {
  id: 'start',
  type: 'start',
  config: { inputs: [{ name: 'query', type: 'string', required: true }] },
};
const middle = (index: number, input: string): NodeSpec =>
  index % 2 === 0
    ? { id: `n${index}`, type: 'template', config: { template: `step ${index}: {{${input}}}` } }
    : { id: `n${index}`, type: 'llm', config: { model: 'bench:instant', prompt: `{{${input}}}` } };

/** start → 98 alternating template/llm nodes → answer. */
function chainDocument(size: number) {
  const nodes = [start];
  const edges: [string, string][] = [];
  let previous = 'start';
  let output = 'start.query';
  for (let index = 1; index <= size - 2; index += 1) {
    const node = middle(index, output);
    nodes.push(node);
    edges.push([previous, node.id]);
    previous = node.id;
    output = `${node.id}.text`;
  }
  nodes.push({ id: 'answer', type: 'answer', config: { text: `{{${output}}}` } });
  edges.push([previous, 'answer']);
  return documentOf(`chain-${size}`, nodes, edges);
}

/** start → 98 parallel template/llm nodes → one answer joining them all. */
function fanDocument(size: number) {
  const nodes = [start];
  const edges: [string, string][] = [];
  const branches: string[] = [];
  for (let index = 1; index <= size - 2; index += 1) {
    const node = middle(index, 'start.query');
    nodes.push(node);
    edges.push(['start', node.id]);
    branches.push(node.id);
  }
  nodes.push({
    id: 'answer',
    type: 'answer',
    config: { text: branches.map((id) => `{{${id}.text}}`).join(' ') },
  });
  for (const id of branches) edges.push([id, 'answer']);
  return documentOf(`fan-${size}`, nodes, edges);
}

function planOf(document: unknown): Plan {
  const result = compile(document);
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics.slice(0, 3)));
  return result.plan;
}

const ports = { clock: createTimerClock(), model: instantModel };

async function runToEnd(plan: Plan): Promise<number> {
  let count = 0;
  let last: RunEvent | undefined;
  for await (const event of run(plan, { inputs: { query: 'hello' }, ports })) {
    count += 1;
    last = event;
  }
  if (last?.type !== 'run-end' || last.status !== 'succeeded')
    throw new Error(`run did not succeed: ${JSON.stringify(last)}`);
  return count;
}

async function* bareStream(count: number) {
  for (let index = 0; index < count; index += 1) yield { type: 'node-end', seq: index };
}
async function drain(count: number) {
  for await (const _event of bareStream(count)) {
    // consuming is the work being measured
  }
}

const chain = planOf(chainDocument(100));
const fan = planOf(fanDocument(100));
const big = chainDocument(500);
const chainEvents = await runToEnd(chain);
const fanEvents = await runToEnd(fan);

const samples = await interleave(
  {
    'chain 100 (engine)': () => runToEnd(chain),
    'chain 100 (floor: bare stream)': () => drain(chainEvents),
    'fan-out/fan-in 100 (engine)': () => runToEnd(fan),
    'fan-out/fan-in 100 (floor: bare stream)': () => drain(fanEvents),
    'compile 500 nodes': () => compile(big),
    'compile 500 nodes (floor: JSON round trip)': () => JSON.parse(JSON.stringify(big)),
  },
  { rounds, warmup: 30 },
);

const rows: [string, number, number][] = [
  ['chain 100 (engine)', 5, 100],
  ['fan-out/fan-in 100 (engine)', 5, 100],
  ['compile 500 nodes', 20, 500],
];
console.log(`Engine benchmark, ${rounds} interleaved rounds (Node ${process.version})\n`);
for (const [name, target, nodes] of rows) {
  const measured = summarize(samples[name] ?? []);
  const floorName = Object.keys(samples).find(
    (key) => key.startsWith(name.replace(' (engine)', '')) && key.includes('floor'),
  );
  const floor = summarize(samples[floorName ?? ''] ?? []);
  const verdict = measured.median < target ? 'within' : 'OVER';
  console.log(
    `${name.padEnd(30)} median ${format(measured.median).padStart(9)}  p95 ${format(measured.p95).padStart(9)}  ` +
      `per node ${format(measured.median / nodes).padStart(7)}  | floor median ${format(floor.median).padStart(8)}  ` +
      `ratio ${(measured.median / floor.median).toFixed(1)}×  | target < ${target} ms: ${verdict}`,
  );
}

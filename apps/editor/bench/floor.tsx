/**
 * The benchmark's floor: bare React Flow with the same 500 nodes and edges as the editor's document,
 * default nodes (with the editor's size estimate), state kept by React Flow's own hooks, and a bare controlled textarea to type in.
 * Built by vite.bench.config.ts into test-results/ and never shipped.
 */
import '@xyflow/react/dist/style.css';
import {
  Background,
  type Edge,
  MiniMap,
  type Node,
  ReactFlow,
  useEdgesState,
  useNodesState,
} from '@xyflow/react';
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { benchDocument } from './bench-document.ts';

const size = Number(new URLSearchParams(window.location.search).get('size') ?? 500);
const document = benchDocument(size);
const initialNodes: Node[] = document.nodes.map((node) => ({
  id: node.id,
  position: node.position,
  data: { label: node.id },
}));
const initialEdges: Edge[] = document.edges.map((edge) => ({
  id: edge.id,
  source: edge.source,
  target: edge.target,
}));

function Floor() {
  const [nodes, , onNodesChange] = useNodesState(initialNodes);
  const [edges, , onEdgesChange] = useEdgesState(initialEdges);
  const [text, setText] = useState('');
  return (
    <div style={{ display: 'grid', gridTemplateColumns: '200px 1fr 400px', height: '100vh' }}>
      <nav />
      <ReactFlow
        nodes={nodes}
        edges={edges}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        fitView
        minZoom={0.05}
        onlyRenderVisibleElements
      >
        <Background />
        <MiniMap />
      </ReactFlow>
      <textarea
        id="floor-prompt"
        aria-label="prompt"
        value={text}
        onChange={(event) => setText(event.target.value)}
      />
    </div>
  );
}

const root = window.document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <Floor />
    </StrictMode>,
  );
}

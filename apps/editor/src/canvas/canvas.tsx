import { isNodeKind, type WorkflowDocument } from '@edgeflow/graph';
import {
  Background,
  type Connection,
  type EdgeChange,
  MiniMap,
  type NodeChange,
  type NodeTypes,
  ReactFlow,
  useReactFlow,
  useStore,
} from '@xyflow/react';
import { type DragEvent, type Ref, useCallback, useImperativeHandle, useMemo, useRef, useState } from 'react';
import { checkConnection } from '../document/connection-rules.ts';
import { addNode, connectNodes, moveNodes, type Position } from '../document/graph-edits.ts';
import { useEditor } from '../editor/editor-context.tsx';
import { useLanguage } from '../i18n/language-context.tsx';
import { CanvasToolbar } from './canvas-toolbar.tsx';
import { EdgeflowNode } from './edgeflow-node.tsx';
import { createFlowEdgeMapper, createFlowNodeMapper, type FlowNode, type Measured } from './flow-elements.ts';
import { NodeDetailContext, selectDetailed } from './node-detail.ts';
import { paletteDragType } from './palette.tsx';
import { useCanvasCommands } from './use-canvas-commands.ts';

const nodeTypes: NodeTypes = { edgeflow: EdgeflowNode };

export interface CanvasHandle {
  reveal(nodeId: string): void;
}

/** The pipeline on a React Flow canvas; every change goes through the editor's reducer. */
export function Canvas({ ref }: { ref?: Ref<CanvasHandle> }) {
  const editor = useEditor();
  const { document, state, dispatch, problemsByNode, trace } = editor;
  const { t } = useLanguage();
  const flow = useReactFlow<FlowNode>();
  const detailed = useStore(selectDetailed);
  const [notice, setNotice] = useState<string | null>(null);
  // Sizes React Flow measured, kept for node objects rebuilt later; not state: a size report re-renders nothing.
  const measured = useRef(new Map<string, Measured>()).current;
  const toFlowNodes = useMemo(createFlowNodeMapper, []);
  const toFlowEdges = useMemo(createFlowEdgeMapper, []);
  const latest = useRef(editor);
  latest.current = editor;
  const dragOrigin = useRef<WorkflowDocument | null>(null);

  const runStatus = useCallback((nodeId: string) => trace.nodes[nodeId]?.status ?? null, [trace]);
  const nodes = useMemo(
    () => toFlowNodes(document, state.selectedNodes, problemsByNode, runStatus, measured),
    [toFlowNodes, document, state.selectedNodes, problemsByNode, runStatus, measured],
  );
  const edges = useMemo(
    () => toFlowEdges(document, state.selectedEdges),
    [toFlowEdges, document, state.selectedEdges],
  );
  const commands = useCanvasCommands(setNotice);

  useImperativeHandle(ref, () => ({
    reveal(nodeId) {
      const node = latest.current.document.nodes.find((entry) => entry.id === nodeId);
      if (node)
        void flow.setCenter(node.position.x + 110, node.position.y + 40, {
          zoom: Math.max(flow.getZoom(), 0.8),
          duration: 200,
        });
    },
  }));

  const onNodesChange = useCallback(
    (changes: NodeChange<FlowNode>[]) => {
      const { document: current, state: now } = latest.current;
      const positions = new Map<string, Position>();
      let selection: Set<string> | null = null;
      for (const change of changes) {
        if (change.type === 'position' && change.position) positions.set(change.id, change.position);
        else if (change.type === 'select') {
          selection ??= new Set(now.selectedNodes);
          if (change.selected) selection.add(change.id);
          else selection.delete(change.id);
        } else if (change.type === 'dimensions' && change.dimensions) {
          measured.set(change.id, { width: change.dimensions.width, height: change.dimensions.height });
        }
      }
      if (positions.size > 0) dispatch({ type: 'preview', document: moveNodes(current, positions) });
      if (selection) dispatch({ type: 'select', nodes: [...selection], edges: [...now.selectedEdges] });
    },
    [dispatch, measured],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange[]) => {
      const { state: now } = latest.current;
      let selection: Set<string> | null = null;
      for (const change of changes) {
        if (change.type !== 'select') continue;
        selection ??= new Set(now.selectedEdges);
        if (change.selected) selection.add(change.id);
        else selection.delete(change.id);
      }
      if (selection)
        dispatch({ type: 'select', nodes: [...latest.current.state.selectedNodes], edges: [...selection] });
    },
    [dispatch],
  );

  const onConnect = useCallback(
    (connection: Connection) => {
      const current = latest.current.document;
      const check = checkConnection(current, connection);
      if (check.ok) {
        setNotice(null);
        dispatch({ type: 'change', document: connectNodes(current, connection) });
      } else {
        setNotice(t(`connection.${check.reason}`, check.params));
      }
    },
    [dispatch, t],
  );

  const onDrop = useCallback(
    (event: DragEvent) => {
      const kind = event.dataTransfer.getData(paletteDragType);
      if (!isNodeKind(kind)) return;
      event.preventDefault();
      const position = flow.screenToFlowPosition({ x: event.clientX - 20, y: event.clientY - 20 });
      const added = addNode(latest.current.document, kind, position);
      dispatch({ type: 'change', document: added.document, select: [added.nodeId] });
    },
    [flow, dispatch],
  );

  return (
    <section
      className="canvas"
      aria-label={t('canvas.label')}
      onDragOver={(event) => event.preventDefault()}
      onDrop={onDrop}
    >
      <CanvasToolbar commands={commands} />
      {notice && (
        <div className="canvas-notice" role="alert">
          {notice}
          <button type="button" aria-label={t('common.close')} onClick={() => setNotice(null)}>
            ×
          </button>
        </div>
      )}
      <NodeDetailContext value={detailed}>
        <ReactFlow<FlowNode>
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          onNodesChange={onNodesChange}
          onEdgesChange={onEdgesChange}
          onConnect={onConnect}
          onNodeDragStart={() => {
            dragOrigin.current = latest.current.document;
          }}
          onNodeDragStop={() => {
            if (dragOrigin.current) dispatch({ type: 'commit', before: dragOrigin.current });
            dragOrigin.current = null;
          }}
          deleteKeyCode={null}
          selectionKeyCode="Shift"
          multiSelectionKeyCode={['Meta', 'Control']}
          onlyRenderVisibleElements
          fitView
          minZoom={0.05}
          proOptions={{ hideAttribution: true }}
        >
          <Background gap={20} />
          <MiniMap pannable zoomable ariaLabel={t('canvas.minimap')} />
        </ReactFlow>
      </NodeDetailContext>
    </section>
  );
}

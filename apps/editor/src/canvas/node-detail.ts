import type { ReactFlowState } from '@xyflow/react';
import { createContext } from 'react';

/**
 * Below this zoom a node's text is a few pixels tall and unreadable: nodes draw a light body (their
 * box, kind colour, problem and run marks, handles) without title, id or port names. A 500-node
 * document at fit view is far below it, and the light body is most of why it opens fast.
 */
export const detailZoom = 0.4;

/** Whether nodes show their full body; changes only when the zoom crosses {@link detailZoom}. */
export const selectDetailed = (state: ReactFlowState) => state.transform[2] >= detailZoom;

/** Provided once by the canvas (one store subscription), read by every node: no per-node selector. */
export const NodeDetailContext = createContext(true);

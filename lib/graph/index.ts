export { buildGraph, getGraph, eventKey, topicKey } from './build';
export { stronglyConnectedComponents, toCsr, type Csr, type SccResult } from './scc';
export { longestPathFrom, type LongestPathResult } from './paths';
export type * from './types';
export { NODE_KIND_CODE, EDGE_KIND_CODE, PROTOCOL_CODE, EDGE_FLAG, NODE_FLAG } from './types';

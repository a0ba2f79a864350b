export { buildGraph, getGraph, eventKey, topicKey } from './build';
export { stronglyConnectedComponents, toCsr, type Csr, type SccResult } from './scc';
export { longestPathFrom, type LongestPathResult } from './paths';
export type * from './types';

'use client';

import { useActions, useEditor } from '@/components/editor/EditorContext';
import { Button } from '@/components/ui';
import { DesignInspector } from './DesignInspector';
import { EdgeInspector } from './EdgeInspector';
import { GroupInspector } from './GroupInspector';
import { useStructuralDesign } from './hooks';
import { NodeInspector } from './NodeInspector';
import { InspectorHeader } from './parts';

/**
 * Properties of the selection: one node, connection or bounded context, or the design itself
 * when nothing is selected. Each editor is keyed by the element id so drafts and errors never
 * leak from one element to the next.
 */
export function Inspector() {
  const selection = useEditor((s) => s.selection);
  const actions = useActions();
  const design = useStructuralDesign();
  const total = selection.nodes.length + selection.edges.length + selection.groups.length;

  let body;
  if (total === 0) {
    body = <DesignInspector design={design} />;
  } else if (total > 1) {
    const parts = [
      [selection.nodes.length, 'node'],
      [selection.edges.length, 'connection'],
      [selection.groups.length, 'bounded context'],
    ] as const;
    body = (
      <>
        <InspectorHeader
          kind="Selection"
          title={`${total} elements selected`}
          subtitle={parts
            .filter(([n]) => n > 0)
            .map(([n, w]) => `${n} ${w}${n === 1 ? '' : 's'}`)
            .join(', ')}
        />
        <div className="flex flex-wrap gap-2 px-4">
          {selection.nodes.length > 0 && (
            <Button size="sm" onClick={() => actions.groupSelection()} title="Put the selected nodes in a new bounded context">
              Group into context
            </Button>
          )}
          <Button size="sm" variant="ghost" className="text-red-700 dark:text-red-400" onClick={() => actions.deleteSelection()}>
            Delete selected
          </Button>
        </div>
      </>
    );
  } else if (selection.nodes.length) {
    const node = design.nodes.find((n) => n.id === selection.nodes[0]);
    body = node ? <NodeInspector key={node.id} node={node} design={design} /> : null;
  } else if (selection.edges.length) {
    const edge = design.edges.find((e) => e.id === selection.edges[0]);
    body = edge ? <EdgeInspector key={edge.id} edge={edge} design={design} /> : null;
  } else {
    const group = design.groups.find((g) => g.id === selection.groups[0]);
    body = group ? <GroupInspector key={group.id} group={group} design={design} /> : null;
  }

  return (
    <div className="flex h-full min-h-0 flex-col">
      <div className="min-h-0 flex-1 overflow-x-hidden overflow-y-auto">{body}</div>
    </div>
  );
}

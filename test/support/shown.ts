/** A row as a person sees it (in English): the presentation worded, its tooltip rendered as the adapter does. */
import type { TreeNode } from '../../src/tree/nodes';
import { present } from '../../src/tree/presentation';
import { tooltipMarkdown } from '../../src/tree/tooltipMarkdown';
import { word } from '../../src/util/text';

export function shown(node: TreeNode) {
  const p = present(node);
  return {
    ...p,
    label: word(p.label),
    description: p.description ? word(p.description) : undefined,
    tooltip: p.tooltip ? tooltipMarkdown(p.tooltip) : undefined,
  };
}

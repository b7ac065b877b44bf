/** What a row looks like, as structured data (presentation.ts fills it in, treeItems.ts words and renders it). */
import type { Text } from '../util/text';
import type { Fact } from './packageFacts';

export interface Tooltip {
  /** Shown in bold above the facts. */
  title: string;
  facts: Fact[];
  note?: Text;
}

export interface Presentation {
  label: Text;
  description?: Text;
  tooltip?: Tooltip;
  /** A codicon id. */
  icon?: string;
  /** Tints the icon for rows that need attention. */
  iconColor?: 'error' | 'warning' | 'muted';
  contextValue: string;
  collapsible: boolean;
  /** Open when first shown. */
  expanded?: boolean;
}

/** Status bar items: what the extension puts there, read by tests as the user would see it. */
import type { ThemeColor } from './items';

export class FakeStatusBarItem {
  text = '';
  tooltip: unknown;
  name?: string;
  command?: unknown;
  backgroundColor?: ThemeColor;
  visible = false;
  disposed = false;

  constructor(
    readonly id: string,
    readonly alignment?: number,
    readonly priority?: number,
  ) {}

  show(): void {
    this.visible = true;
  }

  hide(): void {
    this.visible = false;
  }

  dispose(): void {
    this.disposed = true;
    this.visible = false;
  }
}

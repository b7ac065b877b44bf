/** The part of Playwright's bundled `ws` client that cpuProfiles.ts uses (the module ships no types). */
declare module 'playwright-core/lib/utilsBundle' {
  interface InspectorSocket {
    once(event: 'open' | 'error', listener: (arg?: unknown) => void): InspectorSocket;
    on(event: 'message', listener: (data: Buffer) => void): InspectorSocket;
    off(event: 'message', listener: (data: Buffer) => void): InspectorSocket;
    send(data: string): void;
    close(): void;
  }
  export const ws: new (url: string) => InspectorSocket;
}

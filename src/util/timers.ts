/** Lets a timer run without keeping Node's process alive (a no-op where timers are plain numbers, as in browsers). */
export function background<T>(timer: T): T {
  (timer as { unref?: () => void }).unref?.();
  return timer;
}

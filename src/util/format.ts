/** Human-readable sizes and dates for tree descriptions and tooltips. */
import { text, type Text } from './text';

const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];

export function humanSize(bytes: number | undefined): string {
  if (bytes === undefined || !Number.isFinite(bytes) || bytes < 0) return '';
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${bytes} B` : `${value < 10 ? value.toFixed(1) : Math.round(value)} ${UNITS[unit]}`;
}

/** `2024-05-01` from an ISO timestamp; '' when absent or unparsable. */
export function shortDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const t = Date.parse(iso);
  return Number.isNaN(t) ? '' : new Date(t).toISOString().slice(0, 10);
}

/** `2024-05-01 14:03 UTC`. */
export function dateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const t = Date.parse(iso);
  return Number.isNaN(t) ? '' : new Date(t).toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
}

/** Server text shown on one line: control characters and bidi overrides removed, length capped. */
export function plainLine(text: string, max = 200): string {
  const clean = text
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return clean.length > max ? clean.slice(0, max - 1) + '…' : clean;
}

/** `3 days ago`, `in 2 hours`, `just now`; undefined when absent or unparsable. */
export function relativeTime(iso: string | null | undefined, now = Date.now()): Text | undefined {
  if (!iso) return undefined;
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return undefined;
  const seconds = Math.round((now - t) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 45) return text('just now');
  const units: [number, Unit][] = [
    [60, 'minute'],
    [3600, 'hour'],
    [86400, 'day'],
    [2592000, 'month'],
    [31536000, 'year'],
  ];
  let [size, unit] = units[0];
  for (const [s, u] of units) if (abs >= s) [size, unit] = [s, u];
  const n = Math.round(abs / size);
  const span = SPANS[unit](n);
  return seconds >= 0 ? text('{0} ago', span) : text('in {0}', span);
}

type Unit = 'minute' | 'hour' | 'day' | 'month' | 'year';

// One template per unit and number, so each reads right once translated.
const SPANS: Record<Unit, (n: number) => Text> = {
  minute: (n) => (n === 1 ? text('1 minute') : text('{0} minutes', n)),
  hour: (n) => (n === 1 ? text('1 hour') : text('{0} hours', n)),
  day: (n) => (n === 1 ? text('1 day') : text('{0} days', n)),
  month: (n) => (n === 1 ? text('1 month') : text('{0} months', n)),
  year: (n) => (n === 1 ? text('1 year') : text('{0} years', n)),
};

/**
 * A count as en-US writes it (10000 → "10,000"), without Intl: its first use costs ~20 ms, and
 * the first one here is on the way to a long list's first rows.
 */
export function withThousands(count: number): string {
  const digits = String(Math.trunc(Math.abs(count)));
  let out = count < 0 ? '-' : '';
  for (let i = 0; i < digits.length; i++) out += (i > 0 && (digits.length - i) % 3 === 0 ? ',' : '') + digits[i];
  return out;
}

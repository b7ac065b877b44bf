/**
 * One row of `npm run bench`'s table, and the latency limit rows are held to: with C requests in
 * flight at `rtt` each, independent requests cost ⌈N/C⌉ round trips, and P pages of a list
 * (the first alone, which tells how many there are) ⌈(P−1)/C⌉+1.
 */
export interface Figure {
  name: string;
  unit: string;
  ours: number;
  peer?: number;
  limit?: number;
  goal: string;
  met?: boolean;
  note?: string;
}

/** Round trips for P pages of a list with C in flight: the first page, then the rest C at a time. */
export const roundTrips = (pages: number, c: number): number => Math.ceil((pages - 1) / c) + 1;

/** The least time N independent requests can take with C in flight, each one round trip. */
export const requestsLimit = (requests: number, c: number, rtt: number): number => Math.ceil(requests / c) * rtt;

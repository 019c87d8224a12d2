// Staffing from traffic (RULES §4, "Staffing from traffic"): Erlang C gives the servers needed
// for a service level (share of chats answered within the target time); an agent handling
// `concurrency` chats at once counts as that many servers.

/** Probability that a chat waits, with `servers` servers and `traffic` erlangs (Erlang C). */
export function erlangC(servers: number, traffic: number): number {
  if (traffic <= 0) return 0;
  if (servers <= traffic) return 1;
  // Erlang B by the stable recursion, then C = N·B / (N − A·(1 − B)).
  let b = 1;
  for (let k = 1; k <= servers; k++) b = (traffic * b) / (k + traffic * b);
  return (servers * b) / (servers - traffic * (1 - b));
}

/** Share of chats answered within `targetSec`, for `servers` servers. */
export function serviceLevel(servers: number, traffic: number, ahtSec: number, targetSec: number): number {
  if (traffic <= 0) return 1;
  if (servers <= traffic) return 0;
  return 1 - erlangC(servers, traffic) * Math.exp((-(servers - traffic) * targetSec) / ahtSec);
}

export interface StaffingInput {
  chatsPerHour: number;
  /** Average handling time of one chat, seconds. */
  ahtSec: number;
  /** Answer within this many seconds (the platform's 3-minute response: 180). */
  targetSec: number;
  /** Share to reach, e.g. 0.9 (Tmall services ask for ≥ 90 %). */
  serviceLevel: number;
  /** Chats one agent handles at once. */
  concurrency: number;
}

/**
 * Above this many erlangs the exact search is not run: it costs time linear in the servers for an
 * hour that needs tens of thousands of agents, far more than any roster plans (at most 500).
 */
export const EXACT_ERLANGS = 100_000;

/**
 * Agents needed in one hour. Erlang B for n servers is carried from n − 1 (one recursion step per
 * server tried) instead of being recomputed from 1 for every n, which was quadratic: 10¹² chats
 * an hour (3·10¹⁰ erlangs) never finished. Past EXACT_ERLANGS the answer is the lower bound
 * ⌊A⌋ + 1 servers (fewer servers than the traffic never keep up), which already rules out any roster.
 */
export function agentsNeeded(i: StaffingInput): number {
  const traffic = (i.chatsPerHour * i.ahtSec) / 3600;
  if (traffic <= 0) return 0;
  const perAgent = Math.max(1, i.concurrency);
  let n = Math.max(1, Math.floor(traffic) + 1);
  if (traffic > EXACT_ERLANGS) return Math.ceil(n / perAgent);
  let b = 1;
  for (let k = 1; k <= n; k++) b = (traffic * b) / (k + traffic * b);
  // The same expressions as erlangC and serviceLevel, so the same answers.
  const level = () => 1 - ((n * b) / (n - traffic * (1 - b))) * Math.exp((-(n - traffic) * i.targetSec) / i.ahtSec);
  while (level() < i.serviceLevel) {
    n++;
    b = (traffic * b) / (n + traffic * b);
  }
  return Math.ceil(n / perAgent);
}

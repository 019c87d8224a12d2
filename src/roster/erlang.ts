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

/** Agents needed in one hour. */
export function agentsNeeded(i: StaffingInput): number {
  const traffic = (i.chatsPerHour * i.ahtSec) / 3600;
  if (traffic <= 0) return 0;
  let n = Math.max(1, Math.floor(traffic) + 1);
  while (serviceLevel(n, traffic, i.ahtSec, i.targetSec) < i.serviceLevel) n++;
  return Math.ceil(n / Math.max(1, i.concurrency));
}

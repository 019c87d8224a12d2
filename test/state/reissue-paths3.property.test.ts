// Property over three exports in a row (tmall-2023 and tmall-2026, docs/rules.md §1.2, §1.3): as
// reissue-paths.property.test.ts, each export then the next (orders moved, re-judged, renamed back
// and forth, left out, added). After each export: said (the run without --reissue) == --reissue all,
// and the run holds the vouchers --reissue all holds (seeds 79, 83, 119 said a held one `conflict`
// and counted it as owed); and re-issuing the conflicts one at a time, sometimes two conflicts in
// one --reissue, == --reissue all. OWED=1 also reports a total above what a fresh ledger owes on the
// last export (with the orders it lacks as last seen) plus what was paid for orders on time in it,
// and above what was paid before it.
// FUZZ_N / FUZZ_S run more seeds; KEEP_DIR keeps each seed's files and ledgers; TOTALS=FILE appends
// each seed's totals per step (said, --reissue all, one at a time, in fen) to FILE, to compare builds.
// STRAIGHT=1 also records each export with --reissue all alone, on a ledger of its own, and checks
// its total against --reissue all's after a run without --reissue, each step (money68, seed 16024; a
// difference is worked out by hand: it may be right both ways, as seed 3139's).
// Seed 40: one at a time paid 30.00 more; seed 16: --reissue all paid 500.00 more than by hand
// (reissue-one-by-one.test.ts works both out); seed 196: said and --reissue all 5.00 more than by
// hand and one at a time (reissue-takeover-held.test.ts works it out); seed 254: one at a time paid
// 30.00 more, seed 306: said 300.00 more than --reissue all (reissue-keepback-cap.test.ts works both
// out); seeds 269 and 382 (one at a time 50.00 and 200.00 more) and 306 (one at a time 300.00 more):
// money kept back for a later conflict was more than that conflict could take (reissue-keepback-
// takeable.test.ts, reissue-keepback-cap.test.ts). Seed 2042: one at a time paid 50.00 more: money
// that stayed for a later conflict anyway was kept back for it again from a voucher taken over
// (reissue-moved-orders.test.ts). Seed 2005: said 1300.00, --reissue all 1330.00: a recorded voucher
// whose money a conflict listed before it would give to other orders read 'already recorded', and
// --reissue all then topped it up (reissue-said-topup.test.ts). Seed 436: --reissue all 1090.00, one
// at a time 1120.00: money of a recorded voucher for an order now in another 24-hour window of the
// buyer, taken there, was also counted toward its old window's cap (reissue-moved-cap.test.ts; 1120.00
// is right). OWED=1 still reports seed 436 (1120.00 > 1060.00): a flaw of that bound, not of the
// ledger: the 30.00 paid to P for o04, on time now, cannot pay anything else, and o01, which the
// last export lacks, keeps the 30.00 it was paid, where the fresh ledger (o01 as last seen) puts it
// in o30's window under one 500.00 cap: 1060.00 + 30.00 + 30.00.
// Not settled (left failing with FUZZ_N): seed 404 step 1 (one at a time 1060.00, all 1230.00) and
// seed 588 (all 1700.00, one at a time and a fresh ledger 1500.00; settled by led13, below); seed 404 step 2 (one at a time
// 1830.00, all 1660.00) was not worked out by hand. In both an order moved to the
// other buyer, and the rules as written (docs/cli.md --record) allow two answers: the earlier
// voucher's money for that order follows the order into the other buyer's voucher ("kept for the
// voucher that holds those orders": --reissue all's answer), or it stays in its buyer's window and
// counts toward that window's cap (the one-at-a-time answer, and a fresh ledger's, as each buyer
// was paid that money). Which one applies turns on the order the vouchers of a run are taken in;
// which reading the ledger keeps is a decision for the rules, not made here (both ways tried broke
// the hand-worked seeds 306, 40 and 2042 of reissue-keepback-cap, reissue-one-by-one and
// reissue-moved-orders.test.ts, which rest on the present mix).
// FUZZ_S=1000 (review 25): seeds 1187 (all 385.00, one at a time 380.00: now 370.00), 1082 (1930.00 /
// 1830.00: now 1930.00) and 1143 (1500.00 / 2000.00: now 2000.00) settled, with reduced cases worked
// out by hand in reissue-kept-once-via, reissue-other-buyer-cap and reissue-cap-money-last.test.ts;
// seed 1007 (all 2000.00, one at a time 1500.00) now pays 1500.00 both ways (reduced: 1000.00 both:
// Q {05}'s 500.00, o05's, not needed by P {02,05}, which o02's money pays, counts toward Q's window,
// where it was paid, once). Seed 1157 (all 1600.00, one at a time 1700.00) still fails (a reduced
// case of it was fixed; the full seed was not worked out). Seed 1266 (all 1700.00, one at a time
// 1500.00; settled in review 26, below) was the seed 404/588 question: reduced (P {05} 500.00, o05 now Q's; Q {01,04} 500.00, o01
// now P's), --reissue all gives {05,04} all of o05's 500.00 and P {01,03} issues 200.00 (1200.00),
// while {01,03} re-issued first lets its cap count 200.00 of P {05} (capCover: "what this cap takes of
// that money itself") and {05,04} makes it up with o04's money that nothing else needs (1000.00, as a
// fresh ledger). docs/rules.md §1.7 allows both (no payment counted twice); the cheaper is the one a
// careful operator expects. Leaving money another buyer's conflict takes out of the cap settles the
// other way (1200.00) but breaks the hand-worked reissue-one-by-one ({c,b}/{a}, 1000.00),
// reissue-keepback-cap seed 306 (1390.00) and default seeds of a property file: left.
// Review 26: settled the cheaper way. A voucher whose money another voucher of the run counts toward
// its cap is now taken after every voucher whose money nothing counts toward a cap, not only after
// one whose money no later conflict can take either (that part is kept back for the conflict): the
// same four orders swapping buyers paid 1200.00 one at a time, 1000.00 by --reissue all and a fresh
// ledger (reissue-swap-spare.test.ts). FUZZ_S=1000 OWED=1: 1266 passes (it reported 1730.00 > 1530.00),
// and so does seed 404 (step 1 one at a time 1060.00, all 1230.00; step 2 1830.00 / 1660.00); seed 588
// (all 1700.00, one at a time and a fresh ledger 1500.00) and 1157 (1600.00 / 1700.00) still fail;
// the seeds 1–300 and 1000–1299 of both property files fail nothing else they did not fail before.
// Review 27 (led10): seed 1157 settled (1600.00 each way; reissue-cap-taken-for-moved.test.ts works it
// out): money a voucher took over for another buyer's orders, taken from it by their voucher, no
// longer shrinks what it counts toward its own window's cap. Seed 1147: a window opened by an order
// the export shows on time was held run after run (held-known-on-time.test.ts); seed 1128 (2000.00,
// above a fresh ledger's 1800.00: o30's 300.00 paid while o30 was Q's stays in Q's window) is worked
// out in reissue-cap-spare-moved.test.ts, with a reduced seed 1003 (890.00 since led11: o00's 170.00 of Q's money counts toward P's window, where o00 is now). Left open then: seed 588 (outside both
// ranges): --reissue all 1700.00, one at a time and a fresh ledger 1500.00 (by hand 1500.00: Q {01}
// should count the 200.00 of o30's money spare in Q {30,00} toward its cap before taking o01's money
// from P {01,05}, whose 200.00 left then counts toward P {00,04}'s cap; --reissue all takes o01's
// 500.00 first and P {00,04} issues 200.00). Taking the cap first there broke the hand-worked seeds
// 40 and reissue-one-by-one's {06}/{30,01} case.
// led13: seed 588 settled (1500.00 every way: --reissue all, all six orders of re-issuing its three
// conflicts one at a time, and a fresh ledger; now among the default seeds). Reduced to two exports in
// reissue-all-588.test.ts (1000.00 each way; --reissue all 1200.00 before). Not cap first for every
// voucher: only money taken from an earlier voucher that another voucher of the run counts toward its
// cap (capCounted, leaving out one the run may hold) is put back while the voucher's own cap counts
// what its window holds that no later voucher of the run takes; it is taken again for the rest.
// Counting money a later voucher takes (as capCover may) broke seed 382 (one at a time 2000.00, all
// 1800.00); counting for a voucher the run holds changed reissue-takeover-held's held {02} (300.00 to
// 200.00): both left out. Seeds 1–150 and 1000–1149 (FUZZ_N=150) and the default seeds: no total
// changed (said, --reissue all, one at a time and a fresh ledger, each step) but seed 588's.
// Led12 (schema 11): seed 158 (2400.00, by hand 1830.00; lacking-takeover-open.test.ts works it out):
// the ledger keeps the buyer a voucher was last held under (P {02} held as Q's, o02 lacking later),
// and a cap no longer counts money other buyers' vouchers take over of a voucher all of whose orders
// the run put under them (Q {03} counted 100.00 of Q {01}'s, o01's, now P's). That settles
// reissue-keepback-cap seed 306 too (1390.00 -> 1360.00, a fresh ledger's; o02's 30.00 was paid twice);
// a voucher with an order still its buyer's keeps the cap-first reading (seeds 40, 1157, one-by-one).
// FUZZ_S=1000 FUZZ_N=150: seed 1137 pays 1530.00, not 2000.00 (moved-voucher-cap.test.ts works it out);
// every other seed of 1–150 and 1000–1149 pays what it paid before (the ledger's total after step 2).
// Led14: led12 and led13 merged (capCover: spareOnly counts `spare`, which leaves out all pending
// money, pendingOther's part too): against the code before both (TOTALS), the default seeds,
// 1–150 and 1000–1149 differ only at 306 (1390.00 -> 1360.00), 588 (1700.00 -> 1500.00) and 1137
// (2000.00 -> 1530.00), each step, said, --reissue all and one at a time; seed 158 pays 1830.00.
// lacking-not-judged's o06 on time (seed 1053 changed) settled: no total of those seeds changed.
// Led15: OWED=1 FUZZ_S=1000 FUZZ_N=150 flagged 26 seeds (paid after step 2 above both a fresh
// ledger of the last export and what was paid after step 1). Worked by hand (tmall-2023, §1.2, §1.7):
// Seed 1100 (830.00 > 530.00): export 1 pays P {02} 30.00 and Q {01} 500.00; export 2 moves o02 to
// Q and puts o01 on time (its 500.00 stays in Q's window, paid for good); export 3 puts o02 on time
// too and adds P o60 (1000.00, 64 h late, 04-07 21:41), whose window holds no money of P's (P {02}
// opened 04-07 04:50): 300.00 owed. 530.00 + 300.00 = 830.00, right: the fresh ledger's 300.00 plus
// the 530.00 paid for o02 and o01, on time now. The bound leaves out that money, paid for good.
// Seed 1016 (1330.00 > 1300.00): a real 30.00 paid twice. Export 1: P {03} 500.00, Q {02} 500.00,
// P {01} 300.00. Export 2: o02 is P's, in o03's window: P {03,02} 500.00 took Q {02}'s money (by
// the keys) and left P {03}'s unused in P's own window. Export 3 adds Q o04 (30.00, 04-06 21:52),
// whose window holds 04-07 12:33, where Q {02}'s 500.00 was paid: with o03's money paying P {03,02}
// (money nothing else can count goes first), o02's 500.00 counts toward Q {04}'s cap and Q {04}
// owes nothing: 1300.00 (export 1 straight to 3 paid 1300.00). Now a voucher takes money of its
// own window first where nothing else tells them apart (reissue-spare-new-cap.test.ts): 1300.00.
// The same fix, seed 1283 (FUZZ_S=1150): P {02,03,01} took Q {01}'s 500.00 (o01's, paid at Q's
// 04-07 09:38) and left P {02,03}'s unused in its own window; export 3 puts o04 (Q, 04-07 15:56,
// within Q {01}'s rebuilt window) with Q, and Q {04} issued 500.00 anew: 2000.00. Now o01's 500.00
// is spare there and counts toward Q {04}'s cap: 1500.00, as export 1 straight to 3 (both builds)
// and a fresh ledger. Default seeds, 1-150, 1000-1149 and 1150-1299: no other total changed.
// Seed 1084 (1030.00 > 1000.00): export 1 P {06,04,03} 500.00, Q {01,00} 500.00; export 2: o04,
// o03 Q's (Q {03,04} takes all 500.00 of P {06,04,03}: their shares are 3000.00), o01 P's (P {01}
// takes its 30.00 of Q {01,00}), o00 on time (470.00 stays in Q's window at 04-07 06:43); export 3:
// o06 Q's, paid 04-06 01:37, 50 h late: Q {06} 30.00, its window (to 04-07 01:37) holds no money
// of Q's and o06's voucher's money all went to o03 and o04: 30.00 owed, 1030.00 = the fresh
// ledger's 560.00 + o00's 470.00, right.
// Seed 1005 (1530.00 > 1060.00): export 1 P {02,05} 500.00, Q {06} 30.00, Q {01} 500.00, P {00}
// 30.00; export 2 holds {02,05} as Q's, lacks o06, puts o01 on time (its 500.00 paid for good);
// export 3: o02 P's again (P {02} 500.00 takes all of {02,05}'s money, o02's share 2700.00) and
// Q {03,60,05} (05-30 04:31) 500.00, whose window holds Q {06}'s opening (o06 lacking: its 30.00
// counts there): 470.00 issued. 1530.00 = the fresh ledger's 1030.00 + o01's 500.00, right.
// The OWED bound now adds money paid for orders the last export shows on time (at most each
// voucher's issued money, 30 % of those orders' payments): of the 150 seeds it flags 5, each right
// by hand as the rules read (money paid for good that the bound still leaves out):
// Seed 1090 (550.00 > 350.00): P {00} 500.00 (tmall-2023, o00 paid 04-08 12:30); the last export
// has o00 paid 04-09 04:30 (tmall-2026: 50.00), so 450.00 of its money is spare in P's tmall-2023
// window, which P {30} (04-07 22:37, 300.00) counts toward its cap: 50.00 issued, 550.00.
// Seed 1127 (1060.00 > 560.00): o03 (P) and o02 (Q) each needed 500.00 in export 2, in two
// buyers' windows (1030.00 paid, as owed); export 3 puts both in P {61,02,03}, which needs one
// 500.00: the other is spare where Q {60}'s window (to 04-07 00:39) does not reach: 1060.00.
// Seed 1145 (1530.00 > 1030.00): o00's 500.00 (Q {00}, taken over by P {03,02,05,00} for o00,
// P's in export 2) stays with o00, which the last export lacks and which did not open that
// window: counted toward no cap (§1.7, lacking orders), so P {05,02} issues 500.00. The fresh
// ledger puts o00 as last seen in P {05,02,00} under one cap. A reading of the rules (the export
// is the record; a lacking order may be anywhere), not a path-dependent double payment (said,
// --reissue all and one at a time agree, each step).
// Seeds 1128 (2000.00 > 1800.00) and 1137 (1530.00 > 1500.00): worked out above (review 27, led12).
// FUZZ_S=1150 FUZZ_N=150 OWED=1 flags 12 (1174, 1199, 1202, 1206, 1233, 1240, 1244, 1245, 1250,
// 1265, 1268, 1272); only 1233 was worked out (1560.00 > 1060.00, right: P {01} and P {04}, each
// 500.00 owed in export 2 in two P windows, share P {01,04} in export 3, whose one cap leaves one
// 500.00 spare where no other window of P's reaches; Q {60} 30.00 new). The others are not checked.
// Led16: the other 11 worked by hand (§1.2, §1.3, §1.7; the ledger's total after step 2):
// Seed 1202 (1060.00 > 1030.00): a real 30.00 paid twice, fixed. P {00,02} 500.00, Q {03} 500.00;
// export 2 lacks o03, o00 alone in P's window, o02 Q's in the Q window o03 opened; export 3 puts o02
// back with P and o00 with Q in that window, which o03's 500.00 already fills: {00}, shown again,
// kept o00's 30.00 of P {00,02} and P {02} issued 30.00 anew. Now that money nothing else can use
// fills {00}'s cap and P {02} takes all of P {00,02}'s: 1030.00, as export 1 straight to 3 and a
// fresh ledger (reissue-held-full-cap.test.ts). The same fault: seed 1198 (1300.00 -> 1000.00, the
// cap filled by o02's 500.00, on time), and seed 1084 (led15: 1030.00, worked out above as right;
// now 1000.00, what export 1 straight to 3 pays on both builds: Q {03,04}'s window, rebuilt from
// Q {01,00}'s opening at 04-07 06:43, holds o00's 470.00, which fills its cap first, so o06's 30.00
// of P {06,04,03} pays Q {06}: the fresh ledger's 560.00 + 440.00 of P's money no P window reaches).
// The rest right, money the bound leaves out:
// Seed 1250 (1500.00 > 1000.00): Q {03} 500.00 (o03's), taken by P {30,02,03} in export 2; export 3
// lacks o03, which did not open that window: its money stays with it (§1.7, lacking orders), and
// P {30,02,00} (o00 late now) issues 500.00; as seed 1145.
// Seed 1174 (1400.00 > 1130.00): the same: o02's 300.00 (Q {02}, taken by P {04,02}) stays with o02,
// lacking in export 3; P {04} takes o04's 200.00 and issues 300.00: the fresh ledger's 1100.00 + 300.00.
// Seed 1240 (1360.00 > 910.00): o01, all of Q {00,01}'s 500.00, is paid 04-09 00:44 in export 3
// (tmall-2026: 50.00); 450.00 spare in Q's tmall-2023 window counts toward Q {00}'s cap, which
// still has room for o00's 30.00 (as seed 1090): 910.00 + 450.00.
// Seed 1272 (1900.00 > 1630.00): o04's 300.00 (P {04}, P {04,00}) follows o04 into Q {01,04}, capped
// at 500.00 and paid by o01's 500.00: 300.00 spare in P's 05-30 windows, which no window of export 3
// reaches: 1600.00 + 300.00.
// Seed 1199 (1580.00 > 1500.00): o03 and o05, each 500.00 in two windows (P {03,06}, Q {05}), share
// P {03,05}'s one cap in export 3; Q's other tmall-2023 window (Q {00}, to 04-08 09:59) does not reach
// Q {05}'s: 500.00 spare. o00's 500.00 (all o00's in P {02,00}) follows it to Q {00}; P {02} 30.00
// and Q {01} 50.00 (tmall-2026) are owed anew: 1080.00 + 500.00.
// Seed 1245 (500.00 > 450.00, tmall-2026): the fresh ledger's 100.00 + 150.00 for o03, o04 and o01,
// on time now, + 250.00 of o02's 300.00 (out of stock in exports 1 and 2, 10 h late now: 50.00).
// Seed 1206 (655.00 > 650.00, tmall-2026): o01's 500.00 (out of stock in export 1) is owed 50.00 now:
// 450.00 for good; P {60,02} 5.00 new: 205.00 + 450.00.
// Seed 1265 (560.00 > 535.00): o00, lacking in export 3, was paid 30.00 (tmall-2023) and is owed
// 5.00 as last seen (04-09 09:57, tmall-2026): 25.00 for good.
// Seed 1244 (1030.00 > 1000.00): o02's 500.00 and o01's 30.00, needed in two windows in export 2,
// share Q {02,01}'s one cap in export 3: 30.00 spare; P {00,30} holds only o00's 300.00 (P {30,02}'s
// money was o02's) and issues 200.00.
// Seed 1268 (1620.00 > 1590.00): o04's 500.00 and o00's 30.00 under P {04,00}'s one cap since
// export 2: 30.00 spare in P's 05-30 window, which P {30,31} (05-31 08:51) does not reach.
// The bound is left as it is: what it leaves out (a lacking order's money in a window it did not
// open, money beyond what an order is owed now under another rule set or tier, two windows' money
// under one cap) is read off the ledger's history, not the last export.
// FUZZ_S=1300 FUZZ_N=300 (led16; no total differs from origin/main's): seed 1548 step 1 fails (one at
// a time 1030.00, --reissue all 1000.00; by hand 1000.00, reduced and worked out in reissue-keepback-
// after-taken.test.ts, left it.fails: P {00} re-issued first takes o00's 300.00 of P {02,04,00}, and
// P {02,03} re-issued after it takes the 200.00 left, o04's 30.00 kept for Q {04} with it).
// led17: settled (1000.00 both ways): what recorded vouchers holding none of a voucher's orders took
// from an earlier voucher before (P {00}'s 300.00) now comes out of what it may take beside what is
// kept back, unless their orders are in a voucher of the run still to take (its need is counted in
// what is kept back already; counted twice, seed 1157's P {06,60} said 0.00 owed, not 200.00).
// TOTALS against origin/main: the default seeds and FUZZ_S=1, 1000, 1150 (FUZZ_N=150) unchanged;
// FUZZ_S=1300 FUZZ_N=300 only seed 1548 step 1 one at a time (1030.00 → 1000.00), and it passes.
// Open question (led14) settled as far as the seeds go: capCover's non-spareOnly branch counting
// pendingOther inside `all` (min(most, all + value - cap)) changes no total of the default seeds,
// 1-150, 1000-1299 or 1300-1599 when replaced by all - pendingOther. By the rules the latter reads
// right (that money never counts toward this cap, so it should not widen what this cap takes of the
// later vouchers' money itself: with cap 500.00, value 300.00, spare 200.00, pending 200.00 of this
// buyer's and 300.00 another buyer's, `all` lets the cap count 100.00 of money a later voucher
// takes, all - pendingOther none), but no hand-worked case shows it, so the code is left as it is.
// Led18: FUZZ_S=1600 and FUZZ_S=2100 (FUZZ_N=300 each, OWED=1): path failures only at seeds 2319 and
// 2340 (step 2). Seed 2319 settled (--reissue all 3000.00, one at a time 2500.00, 2970.00 or 3000.00
// by the order; now 2500.00 all 24 orders, said too): Q {30} had counted Q {01}'s 500.00 (o01's)
// toward its cap; the third export puts o30 in P {02,30} and o01 in P {03,01}; that stale cap share
// reached P {03,01} only once P {02,30} was recorded, and after o03's 470.00 of P {06,03}, which
// P {60,06}'s cap counts (reissue-stale-share-first.test.ts, 2000.00 every way). Seed 2340 (all
// 1530.00, one at a time 1500.00; 1500.00 by hand: P {03}'s 30.00 is o03's money in P {01,05,02,00,
// 03}) was not settled by led18, nor its reduced case (reissue-cap-stays-moved.test.ts, then it.fails:
// 1330.00, 1300.00 owed; settled by led19, below): P {03}'s cap counts P {04}'s 500.00 as staying in its window though Q {60,04} (another buyer)
// takes it for o04. capStays leaving out what later vouchers take (laterTake) settled both but broke
// seed 1616 (1500.00 -> 1700.00 said and --reissue all; with each later voucher worked out as coverOf
// does, 1616 held but 2340 did not) and seed 1493 (1530.00 -> 1560.00): reverted.
// TOTALS against origin/main (default seeds, 1-150, 1000-1299 at FUZZ_N=150, 1300-1599, 1600-1899 and
// 2100-2399 at 300): only seed 2319 step 2 changed. OWED=1 flags 33 of
// 1600-1899 and 29 of 2100-2399 (not all worked out); by hand 1730 (315.00 > 310.00: o00's out-of-stock
// 10.00 in the first export, 5.00 now, paid for good), 1822 (1030.00 > 1000.00: o01's 30.00 paid in a
// window of its own in export 2, under one cap with o00 in export 3), 1787 (1360.00 > 1330.00: o30's
// 30.00 likewise) and 1823 (425.00 > 270.00, tmall-2026: o30's 200.00 out of stock, 50.00 now, and
// lacking o02's 5.00) are right as the rules read.
// Led19: seed 2340 settled (step 2: --reissue all and said 1530.00, one at a time 1500.00; now 1500.00
// every way; reissue-cap-stays-moved.test.ts, 1330.00 -> 1300.00). capStays leaves out what other
// buyers' vouchers of the call take of a group voucher all of whose orders are theirs now (staysOf, as
// capCover's pendingOther), each later voucher worked out as coverOf does when the call takes it before
// the voucher whose cap it is (that cap keeps the money it counts: capTook) and by cover alone when after.
// Seed 1616 (1500.00; all by cover alone 1700.00): P {02,04,01}, taken before Q {05,00}, takes P {02,06}'s
// 500.00 (o02's 300.00, o06's on time), not Q {01,04}'s, which Q {05,00}'s cap counts: Q {30} 500.00 of
// P {30,00}, nothing new. Seed 1493 (1530.00; 1560.00 with staysOf alone): export 1 Q {02,05} 500.00,
// P {03} 500.00, Q {06} 30.00; export 2 Q {02,05,03} takes Q {02,05}'s 500.00, P {04} counts 30.00 of
// P {03}'s (o03's spare) and pays o04; export 3: Q {02} 30.00 (o02's of Q {02,05,03}), P {05,04} 500.00
// (o05's 470.00 there and P {04}'s 30.00, o04's), Q {03,06} 500.00 (P {03}'s 470.00, Q {06}'s 30.00),
// P {60} 500.00 new: 1530.00, a fresh ledger's. takeableBy counted P {04}'s 30.00 as not P {05,04}'s to
// take (taken from a voucher holding none of its orders), so all 500.00 of Q {02,05,03} was kept back
// for P {05,04} and Q {02} issued 30.00 anew; cap money that paid a voucher's own orders is now
// takeable by a voucher holding all of them. 2340, 1616 and 1493 are among the default seeds.
// TOTALS against origin/main (b3fa52f): default seeds, 1-150, 1000-1899 (FUZZ_N=150 a range) and
// 2100-2399: only seed 2340 step 2 changed (said and all 153000 -> 150000 fen; one at a time 150000).
// Led20: FUZZ_S=2400, 2700, 3000 (FUZZ_N=300 each; 2400-2999 and 3000-3299, OWED=1) on origin/main
// (d04aff9): path failures at seeds 2709 step 1 (one at a time 2200.00, all 2000.00), 3095 step 2 (one
// at a time 1420.00, all 1390.00), 3139 step 2 (said and one at a time 1030.00, all 1060.00), 3216 step
// 2 (one at a time 1800.00, all 2100.00) and 3239 step 2 (one at a time 2500.00, all 2000.00).
// Seed 3139 settled (1000.00 every way, by hand: reissue-on-time-cap-share.test.ts; said 0.00 owed):
// Q {30}'s cap share of Q {05,01,04}'s 500.00 went stale when o30 came out on time, so o01's money
// there follows o01 to P {01}; o31's 300.00 of P {01,31,00} is kept back for Q {31}, and o00's 30.00
// (P {00}'s own, taken over by P {01,31,00}) for P {00}, shown again as recorded: --reissue all had
// topped P {00} up by 30.00, o00's money paid twice. Seed 3139 is among the default seeds.
// Seed 2709 step 1 reduced to two exports of five orders (reissue-keepback-spare-cap.test.ts, it.fails:
// 1300.00 by hand and by --reissue all, {03} first 1500.00): re-issued alone, Q {03} keeps back 400.00
// of Q {01,03} for Q {04,01}, counting only o04's 30.00 of Q {06,04}, not o06's 270.00 spare there,
// which Q {04,01}'s cap counts; not fixed (the keep-back counts a group voucher holding one of the
// later voucher's orders only by that order's share; capStays leaves such a voucher out). Seed 3239
// step 2 reduced to three exports of five orders (reissue-two-keep-one.test.ts: 1500.00 by hand, by
// --reissue all and {04} then {02}; {02} first, or {04} and {02} in one call, 2000.00). Led22: settled
// (1500.00 every way): the keep-back counted P {06,04}'s 500.00 (taken over from P {05,06} for o06)
// as P {04}'s, which can take none of it (takeableBy 0), so Q {02} kept all of Q {00,05,02}'s 500.00
// back for P {00,05,06} as well and issued 500.00 anew; now the other vouchers' need of an earlier
// voucher counts at most what each can take of it. The same fix settles seed 3095 step 2 (one at a
// time 1420.00 -> 1390.00, said and --reissue all 1390.00). By hand (tmall-2023): export 3 owes Q {06}
// 30.00, Q {00,01} 500.00 (o00 600.00 + o01 300.00, one window), Q {04} 500.00, P {02} 30.00,
// P {60,03} 330.00 = 1390.00; paid 1090.00 (Q {06,02} 60.00, P {00} 500.00, Q {01,04} 500.00,
// P {03} 30.00); Q {06,00} took all of P {00}'s 500.00 for o00 in export 2, so Q {06} can take none of
// it and takes o06's 30.00 of Q {06,02}; P {02} o02's 30.00 there, Q {00,01} Q {06,00}'s 500.00, Q {04}
// Q {01,04}'s, P {60,03} P {03}'s 30.00: 300.00 new, 1390.00 (a fresh ledger 1390.00). Before, Q {04}
// re-issued first counted 30.00 of Q {06,00} as Q {06}'s, kept 30.00 of Q {01,04} back for Q {00,01}
// and issued 30.00 anew: o06's 30.00 of Q {06,02} then lay unused, 1420.00. Seed 3216 not worked out.
// TOTALS against origin/main (4570bea), FUZZ_N=150 a range: reissue-paths3 and reissue-paths default
// seeds, 1-150, 2100-2399 and 3000-3299: only seeds 3095 step 2 (one at a time 142000 -> 139000 fen)
// and 3239 step 2 (one at a time 250000 -> 200000; said and all 200000: export 3 owes P {00,05,03,06}
// 500.00, Q {02} 500.00, P {04} 500.00, P {01} 500.00, 1000.00 paid before, a fresh ledger 2000.00)
// changed; path failures left in those ranges: 3216 step 2 only.
// The fix for 3139 changed one other total of 2400-3299: seed 3099 step 2, 2030.00 -> 2000.00 every
// way (by hand 2000.00: Q {04} had counted 30.00 of Q {02}'s 500.00, o02's, toward its cap; o04 on
// time in export 3, that share is stale and Q {02,60} takes all 500.00; before, it issued 30.00 anew).
// TOTALS against origin/main (d04aff9), OWED=1: reissue-paths3 1-150, 1000-1899 and 2100-3299 (FUZZ_N=
// 300 a range from 1000), reissue-paths 1-150, 1000-1299 and 2400-3299: only seeds 3139 and 3099 step 2
// changed (as above); no new path failure, and 3099 is no longer flagged by OWED=1.
// OWED=1 flags 69 of the 900 seeds (after step 2 above a fresh ledger of the last export plus money
// paid for orders on time in it, and above what was paid after step 1). Eight worked by hand (§1.2,
// §1.3, §1.7), all right as the rules read, money the bound leaves out:
// Seed 2769 (110.00 > 105.00, tmall-2026): o01 (100.00) out of stock in export 2 (75 h late, 10.00),
// 60 h late now (5.00): 5.00 paid for good; P {01,00} 55.00, Q {60} 50.00.
// Seed 2479 (215.00 > 210.00, tmall-2026): o02's 10.00 (out of stock, 75 h) now 34 h late (5.00);
// o31 and o01 swap buyers, each 50.00 follows its order; Q {00,60} 100.00 (50.00 new).
// Seed 3267 (160.00 > 155.00, tmall-2026): o00's 5.00 (late in export 1) on time in export 2 and
// lacking in export 3 (the bound counts on-time orders of the last export only); Q {30} 50.00 new.
// Seed 3012 (200.00 > 150.00, tmall-2026): o00's out-of-stock 100.00 (73 h) now 64 h late (50.00):
// 50.00 for good; Q {60} and P {61} 50.00 each new.
// Seed 2822 (1030.00 > 1000.00): o00 (Q {00} 30.00, taken over from Q {05,00,02}) lacking in export 3:
// its money stays with it (§1.7, lacking orders), so P {02} takes o02's 470.00 of Q {05,00,02} and
// issues 30.00; P {01}'s 500.00 follows o01 to Q {01}. The fresh ledger (o00 as last seen) caps o00
// with o01 in Q's window.
// Seed 2844 (1060.00 > 1030.00): o00's 30.00 (P {00,30}, window 05-30 14:00) and o01's 500.00 (Q {01})
// share P {01,00,61}'s one cap in export 3: 30.00 spare; P {30} issues 30.00, Q {60} 30.00 new.
// Seed 3102 (1530.00 > 1500.00): o04's 470.00 of Q {04} went to P {01,04} in export 2; Q {04}'s other
// 30.00 stays in Q's window, paid for good; P {60} 500.00 new in export 3.
// Seed 2939 (1560.00 > 1530.00): o00's 30.00 (P {00}) and o02's 500.00 (P {02}, two P windows in
// export 2) share Q {00,02}'s one cap in export 3: 30.00 spare; Q {60} 500.00 new.
// led23 (TOTALS against 4570bea; default seeds and FUZZ_N=150 from 1, 2100, 2250, 3000, 3150 of both
// property files): only reissue-paths3 seed 3214 step 2 (said/all/one 2300.00 -> 2000.00: Q {00,03}'s
// 500.00 lay unused, kept back for P {04,03}, which P {04}'s 500.00 fills, while Q {30,31} issued
// 300.00 anew; by hand 1800.00 owed from 2000.00 paid, nothing anew) and seed 3239 step 2 (one at a
// time 2500.00 -> 2000.00, as said and all) change; seeds 3095 and 3216 fail as before; seed 2709
// (FUZZ_S=2709 FUZZ_N=1) step 1 2000.00 every way.
// led24: seed 3216 step 2 settled (said and --reissue all 2100.00, one at a time 1800.00; now 1800.00
// every way: said, all, each of the six orders of its three conflicts, pairs in one call). By hand
// (tmall-2023, §1.2, §1.7): export 3 owes P {01,05,06} 500.00, P {00,03} 500.00 (window 05-31 15:48 to
// 06-01 15:48), Q {30} 300.00; 1800.00 paid. P {01,05,06} takes P {01,05}'s 500.00 (o01's and o05's);
// P {02}'s 300.00 (o02, on time now and shown: its recorded buyer's, P, though held as Q's in export
// 2; §1.7 keeps buyerNow for lacking orders only) stays in P's window and counts toward P {00,03}'s
// cap (its opening 06-01 04:36 is in that window), which takes 200.00 of P {03,00,30} for o00/o03;
// Q {30} takes the 300.00 left there, o30's; Q {04,06}'s 500.00 (o06's 300.00, not needed, and lacking
// o04's 200.00) stays in Q's window: nothing new, 1800.00. P {00,03}'s cap took its 300.00 from the
// group's vouchers in their order, P {03,00,30} before P {02} (recorded in one run: the keys' order),
// so o30's money went to P's cap and Q {30} issued 300.00 anew. capCover now takes the money no later
// voucher of the call takes first (reissue-cap-spare-first.test.ts: three exports of four orders, by
// hand 800.00; said 300.00 owed and --reissue all 1100.00 before). Were P {02} Q's in export 3 (the
// export shows o02 as Q's), Q {30}'s window would count it and 2000.00 would be owed; not the reading
// §1.7 states. TOTALS against origin/main (b9b9009), FUZZ_N=150 from 1, 1000, 2100, 2400, 2700, 3000,
// 3150 here and 1, 2400, 3000 of reissue-paths: only seed 3216 step 2 changed (said and all 210000 ->
// 180000 fen; one at a time 180000). Seed 3216 is among the default seeds.
// led28 (rev29: FUZZ_S=9000 FUZZ_N=250 fails seeds 9190 and 9217): seed 9217 step 1 settled (said and
// --reissue all 1500.00, P {30,02} re-issued first 1530.00; now 1500.00 every way). By hand (tmall-2023,
// §1.2, §1.7): export 1 paid P {01,02} 500.00, Q {04,06} 500.00, Q {00} 500.00; export 2 owes Q {01}
// 500.00 (o01 now Q's; its window holds Q {04,06}'s opening), Q {06,00} 500.00 and P {30,02} 60.00
// (in P {01,02}'s rebuilt window). Q {06,00} takes Q {00}'s 500.00, so Q {04,06}'s (o04 on time, o06
// paid elsewhere) fills Q {01}'s cap, Q {01} needs none of o01's money, and o01's 470.00 left in
// P {01,02} counts toward P {30,02}'s cap: nothing anew. P {30,02} re-issued first counted o01's money
// as Q {01}'s to take (laterTake, cover alone) and issued 30.00; now the later voucher takes only what
// its own cap leaves owed (capStays). Reduced in reissue-later-cap-own-window.test.ts (1500.00).
// The same fix changed seed 2531 step 2 (1530.00 -> 1500.00 said, --reissue all and one at a time):
// Q {01} 500.00 (o01 on time since export 2) spare in Q {60,00}'s window fills its cap before it
// takes o00's money of P {00}, whose opening is in P {61}'s rebuilt window: P {61}'s 30.00 is counted
// there, not issued anew (the rule quoted above; a fresh ledger owes 1030.00, 500.00 paid for o01 for good).
// TOTALS against origin/main (e06d396), FUZZ_N=150 from 1, 1000, 2400, 3000 and FUZZ_N=250 from 9000,
// and the default seeds: only 9217 step 1 (one at a time 153000 -> 150000) and 2531 step 2 (all three
// 153000 -> 150000) changed. Seed 9217 is among the default seeds.
// Seed 9190 step 2 (said and --reissue all 1430.00, one at a time 1330.00): 1330.00 by hand, reduced
// in reissue-take-uncounted-first.test.ts: P {02,05} needs 500.00 of o02's 300.00 (Q's window, where
// Q {03}'s cap, 300.00 with 130.00 spare at most, can count none of it) and o05's 300.00 (P {60,30}'s
// window, whose cap counts what is left); it took o05's first (the order `cover` gave two cap-counted
// vouchers: fewer orders outside first), and P {60,30} issued 100.00 more. Settled (led29): `cover`
// counts an earlier voucher's money as cap-counted only when that cap can be reached (capReachable);
// now 1330.00 every way. TOTALS against origin/main (8d60df8), the default seeds, FUZZ_N=150 from 1
// and 2400, FUZZ_N=250 from 9000: only 9190 step 2 changed (said and all 143000 -> 133000 fen; one at
// a time 133000). FUZZ_S=9000 FUZZ_N=250 passes.
// money36: FUZZ_S=9250 FUZZ_N=200 OWED=1 flagged 13 seeds (no path failure; said, --reissue all and one
// at a time agreeing). Worked by hand: 9261 (260.00 > 210.00) a real 50.00 paid twice, fixed (money
// kept back for P {60,02} through a cap it cannot reach; reissue-keepback-cap-unreachable.test.ts,
// now 210.00 every way); 9342 (1900.00; 1930.00 owed, o00's share taken twice, 30.00 not issued;
// reissue-share-taken-twice.test.ts; fixed, 1930.00 every way, and with it seed 9294 step 2, 310.00 ->
// 360.00, by hand: o05's 50.00 had been taken twice and o60's 50.00 not issued) and 9449 (1800.00; 1500.00 owed, o03's money taken
// over by Q {30,05} not given back once its orders left; reissue-takeover-orders-gone.test.ts,
// it.fails) not fixed; the other ten right as the rules read (owed-bound-paid-for-good.test.ts:
// an order owed less now, 9358, 9378, 9386, 9389; money paid under two caps now under one, 9334,
// 9338, 9344, 9361, 9387, 9388). TOTALS against 3a05eba: FUZZ_S=9250 FUZZ_N=200 only seed 9261 step 2
// changed (all three 26000 -> 21000 fen), FUZZ_S=1 FUZZ_N=150 nothing (OWED flags 10 both).
// The 9342 fix changed, against that: 9342 step 2 (190000 -> 193000), 9294 step 2 (31000 -> 36000),
// 73 step 2 (113000 -> 116000) and 135 step 2 (86000 -> 89000), said, all and one at a time; each by
// hand an order's money taken twice and another order left unpaid (9294: o05's 50.00 of P {05,02},
// whose 50.00 left was o02's, on time, and o60's 50.00; 73: o00's 30.00 share of Q {02,00}, o02's
// (lacking), and o61's 30.00; 135: o03's 30.00 of P {03,02}, o02's, on time, and o60's 30.00). OWED
// flags unchanged (12 of 9250-9449, 10 of 1-150; 9342 now 1930.00 > 1830.00: o05's 100.00 spare).
// money42 (tried, not kept; see reissue-takeover-orders-gone.test.ts): a sharing taker's take beyond
// the shared orders' shares given back as a stale cap share settled seed 9449 (step 2 1800.00 ->
// 1500.00 said, all and one at a time; OWED no longer flags it) and changed no other total of seeds
// 1-150 or 9400-9499 (TOTALS, OWED=1; the default seeds pass, seed 1616 step 2 1500.00 as before),
// but its guard case (o07 added) paid 1000.00 where 1300.00 is owed: a cap counted the money before
// its order's voucher was given it.
// money45: money42's change kept, with the tie it lacked (capCover counts of such a stale share only
// what the vouchers of the run still to take leave: staleClaimOf), only for a taker sharing an order
// with the voucher it took from (claimed for every stale share, seed 3139 step 2 paid 1030.00 one at
// a time, 1000.00 owed). Seed 9449 step 2 1800.00 -> 1500.00 said, all and one at a time; TOTALS
// against 66b8418, FUZZ_S=9400 FUZZ_N=100: no other total changed (OWED flags 9452, 9462, 9465, 9468,
// 9480, 9486, 9495 both builds, 9449 no longer), FUZZ_S=1 FUZZ_N=100: none changed; the default
// seeds pass; reissue-takeover-orders-gone's three cases and its
// o07 guard pass (reissue-stale-shared-taker.test.ts: three orders, 1000.00 -> 530.00).
// money48 (tried, not kept; reissue-9217-step2.test.ts item 9): a cap share stale from the other side
// (the counted voucher's orders all moved out of the window) given back in paid order settled seed 9217
// step 2 (2000.00 -> 1830.00 said, all and one at a time in its reduced case); TOTALS against b401575,
// seeds 1-150 and 1000-1299: only seed 1157 step 2 changed, one at a time 160000 -> 170000 fen (said and
// all 160000; its reduced reissue-cap-taken-for-moved paid 1700.00 every way, 1600.00 owed): the split of a voucher's money by its own order ids ignores what it
// took over for which order. Seed 9217 still pays 200000 fen at step 2 (OWED=1 flags it: 183000 owed).
// money57: seed 7225 (FUZZ_S=7000, tmall-2026) reduced to two exports of four orders in
// reissue-7225-own-money-first.test.ts (said 1100.00, Q {03,06,04} first 1000.00; 1000.00 worked by
// hand from §1.3 and §1.7: o03's own money pays Q, o04's and o06's stays in P's day for P {00}'s cap).
// It and seed 6485 (reissue-6485-follows-other-buyer) now pay what is owed every way (cover(): money
// nothing else can use or count first; laterTake: another buyer's need not cut by money of the asking
// voucher's own orders).
// TOTALS (TZ=UTC, OWED=1) against cba1c637, FUZZ_S=6450 and 7200 (FUZZ_N=50 each): only seeds 6485
// (step 1 said and all 1460.00 -> 1330.00; step 2 1630.00 -> 1500.00, every way) and 7225 (said and
// all 1100.00 -> 1000.00) changed; disagreements 3 -> 1 (seed 6495 step 2 left: one at a time
// 1530.00, all 1800.00, reissue-6495-spare-first.test.ts); OWED flags 9 -> 8.
// FUZZ_S=1000 FUZZ_N=60: every total identical before and after, no disagreement either way.
// money60: FUZZ_S=9200 FUZZ_N=30 OWED=1 flags 9205 (1630.00 > 1300.00), 9221 (2030.00 > 1560.00 +
// 30.00) and 9226 (360.00 > 310.00) beside 9217: all three right by hand as the rules read (no path
// disagreement), worked out in owed-bound-paid-for-good.test.ts: 9226 o30's out-of-stock 100.00, 50.00
// now; 9221 o30's and o05's money, two windows in export 2, one cap in export 3 (470.00 spare); 9205
// o02, lacking and not its window's opener, keeps its 300.00 (reduced: 800.00, fresh 500.00), and
// o04's 30.00 under P {04,00}'s full cap. A variant of 9221 (o05 on time in export 3) paid 1090.00
// with Q {30} re-issued first and said 60.00 for it, where --reissue all records 1060.00 (30.00):
// fixed in cover() (keep back for the cap only what inGroupOf does not leave out already) and
// inGroupOf (the run's unrecorded conflicts' takes counted as a recorded taker's); reduced in
// reissue-9221-outside-counted-once.test.ts. TOTALS (TZ=UTC) against 10a6bdf9, the default seeds and
// FUZZ_S=9200/30, 1000/60, 7200/50 (OWED=1): no total changed; OWED flags as before (9200: 4, 7200:
// 7205, 7223, 7225, 7246), no disagreement before or after.
// rev49 (review of money59 and money60), TOTALS (TZ=UTC, FUZZ_N=40 OWED=1) against 10a6bdf9 on
// FUZZ_S=2000, 3000, 4000, 8000: every total identical before and after. Not worked by hand (flagged
// by both builds alike, so not this round's): OWED 2009 (1860.00 > 1360.00), 2019 (1800.00 >
// 1500.00), 2025 (1560.00 > 1530.00), 2031 (1590.00 > 1500.00 + 30.00), 3012, 3013, 3014, 3015,
// 3018, 3026, 3035, 4008 (560.00 > 530.00), 8007 (1830.00 > 1530.00 + 30.00); and one disagreement,
// seed 3003 step 2 (tmall-2023, seven orders): one at a time ({06,05}, then {01,02}, then {00})
// 1560.00, --reissue all 1530.00; a fresh ledger of its last export owes 1360.00 (P {00} 500.00,
// P {06,05} 330.00, Q {01,02} 500.00, Q {30} 30.00; o03 on time).
// money62: seed 3003 step 2 settled (1530.00 every way; by hand in reissue-3003-others-part.test.ts,
// reduced 1500.00): laterTake counted Q {01,02}, a conflict not recorded, as taking o02's part of
// P {02,06}, though Q {01,04}'s 500.00 in its own window pays it; now a later voucher takes at most
// what its window's money leaves it owing. TOTALS (TZ=UTC, OWED=1) against c7a7918f, the default seeds
// and FUZZ_S=3000/40, 2000/40, 6450/50, 5400/40, 9200/30: only 3003 step 2 one at a time changed
// (156000 -> 153000 fen); OWED flags as before (default 3, 2000: 4, 3000: 7 + 3003's disagreement
// gone, 6450: 3, 5400: 5, 9200: 4). A first try (what stays counted as staysOf does for a keep-back)
// changed seed 306 step 2 (136000 -> 139000, reissue-keepback-cap's hand-worked 1360.00): not kept.

// money64: the OWED seeds above (rev49's list) and FUZZ_S=6450 6464, 6469, 6493, FUZZ_S=5400 5408, 5430,
// 5431, 5434, 5436, worked by hand (§1.2, §1.3, §1.7; each in owed-bound-paid-for-good.test.ts): seed
// 8007 (1830.00 > 1530.00 + 30.00) is a real 300.00 paid twice: export 2 put o00 (P {00} 300.00) with
// o03 in Q {00,30,03}, which took o00's money before Q {03,06}'s, paid in its own window, because o06
// (on time) counted as an order outside Q {03,06}; export 3's P {04}, whose window holds P {00}'s
// opening, then issued 500.00, not 200.00 (reissue-8007-own-window-first.test.ts, it.fails; a fix,
// ordering by outside orders not judged late, is on money64's branch money64-8007-fix: TOTALS against
// c7a7918 on the default seeds and FUZZ_S=1/100, 1000/60, 2000/50, 3000/50, 5400/40, 6450/50, 8000/40,
// 9200/30 change only seed 8007 step 2, 183000 -> 153000 fen said, all and one at a time). The other
// 20 are right as the rules read: owed less now (3012, 3014, 3026, 5408, 5431, 6469), two caps now one
// (2009, 2019, 2025, 2031, 3015, 3018, 3035, 4008, 5430, 5434, 5436, 6493), a lacking order (3013,
// 6464). The bound now adds money paid for orders the last export lacks and last showed on time, and,
// order by order, what an order late now came to alone in an earlier export beyond what it comes to
// alone now (argued at the check): of those seeds it no longer flags 3012, 3014, 3026, 5408, 5431,
// 6464 and 6469; two caps now one and lacking orders' windows are still flagged (left: telling that
// money from money paid twice needs the ledger's own reckoning, as 8007 shows).
// money65: FUZZ_S=4500 FUZZ_N=40 OWED=1 seed 4531 (2030.00 > 1530.00; 1030.00 after step 1) is a real
// 500.00 paid twice, not a flaw of the bound: Q {02,00,03} 500.00 (export 1) taken over whole by
// Q {30,02} in export 2 (Q {00,03} 500.00 anew); export 3 shows Q {02,00,03} as it was and Q {30},
// whose window holds Q {02,00,03}'s opening: Q {00,03}'s money, in Q {02,00,03}'s own window, should
// pay it, leaving the first 500.00 to fill Q {30}'s cap; Q {30} issued 500.00 anew (P {60} 500.00
// new is owed). Reduced to three Q orders in reissue-4531-own-window-first.test.ts (it.fails: 1000.00
// owed, 1500.00 paid). The other flags of that range (4502, 4509, 4520, 4524, 4530, 4534) not worked.
// money67: those six worked by hand (owed-bound-paid-for-good.test.ts): none a real over- or
// underpayment. The present bound (money64's lessNow) flags only 4502 (1800.00 > 1300.00: Q {03}'s and
// P {00,02}'s 500.00 under P {00,03,02}'s one cap, two caps now one; reduced there, 1500.00, fresh
// 1000.00) and 4534 (1210.00 > 1010.00 + 150.00: o04's 200.00, Q's, under P {02,04}'s cap full with
// o02's 500.00); 4509, 4520, 4524 and 4530 are owed less now (o01 500.00 -> 50.00 under tmall-2026;
// o05, o01 and o06 out of stock then, late now), which lessNow covers. The bound now adds group 2's
// money where it can tell it (twoCaps, argued at the check): money the ledger issued in vouchers all
// of whose orders one voucher F of the fresh ledger holds, beyond F's amount, when no other voucher of
// the fresh ledger has a window that may hold where it was recorded. 4502 (500.00) and 4534 (200.00,
// of which lessNow had 150.00) are no longer flagged; 4531 (real) is. Of the seeds worked by hand in
// earlier rounds it clears 1127, 1244, 1268, 1787, 2009, 2025, 3015, 3102, 5434, 5436, 6493, 9387 and
// 9388 (group 2 each, twoCaps the very spare found by hand: 500.00, 30.00, 30.00, 30.00, 500.00, 30.00,
// 30.00, 30.00, 300.00, 500.00, 30.00, 500.00, 30.00); 1233, 1199, 1272 (100.00 of its 300.00), 2019,
// 2031, 3018, 3035, 4008, 5430, 9221, 9338, 9344, 9361, 2844, 2939 and the lacking-order seeds stay
// flagged (their spare sits where another cap of the last export may reach, or in vouchers of orders
// now apart). The real ones still flag on the builds before their fixes: 8007 on b1e62cef~1 (1830.00 >
// 1530.00 + 30.00), 9261 on a728de1a~1 (260.00 > 210.00). Flags before -> after (TZ=UTC, OWED=1): the
// default seeds 269, 2042 -> 269; FUZZ_S=1/100, 1000/60, 3000/50, 7000/40: 9 -> 7 (36 and 3015 cleared;
// 77, 92, 94, 3013, 3018, 3035, 7034 left); 4500/40: 4502, 4531, 4534 -> 4531. No path disagreement.
// By hand, the two not worked before: 2042 (2500.00 = fresh 1550.00 + o05's 450.00, 500.00 under
// tmall-2023 then, 50.00 now, + 500.00: o00's and o01's 500.00, paid in two windows, under
// P {00,01,60}'s one cap; Q {02} 500.00 anew, as reissue-moved-orders.test.ts works out) and 36
// (1330.00 = fresh 1030.00 + 300.00: P {00} 300.00 and Q {03} 500.00, two buyers' windows in export 1,
// under P {00,03}'s one cap since export 2; P {01,02}'s window (05-30 17:44) and Q {30}'s (05-31
// 15:59) reach neither; o30's 30.00, o02's money (lacking) in P's window while o30 was P's, does not
// follow o30 to Q: never moved to another buyer's orders; export 1 straight to 3 pays 1330.00 too).
// money68: FUZZ_S=7000 FUZZ_N=40 OWED=1 flags only 7034 now (lacking o03's 300.00, group 3: right); 7021
// and 7027 (right) went with money64's bound. New ground, FUZZ_N=60 each of FUZZ_S=10000, 12000, 14000,
// 16000, 18000, 20000, 24000 (TZ=UTC) and 22000 (TZ=America/Los_Angeles): 480 seeds, said == --reissue
// all == one at a time every step; 16 OWED flags, 12 right as the rules read, 24044 (30.00) not settled
// (owed-bound-paid-for-good.test.ts), 3 real, reduced as it.fails:
// 12050 (100.00 twice; the 4531 kind across buyers, settled by money66's fix: reissue-12050-shown-again-
// other-buyer), 16024 (470.00 twice, only when export 2 is run first without --reissue: a new voucher's
// cap takes money a said conflict needs: reissue-16024-said-cap-takes-pending) and 18001 (200.00 twice:
// a cap takes money another buyer's voucher needs for its order, pendingOther counting only vouchers
// all of whose orders moved: reissue-18001-cap-takes-other-buyers). 16024 shows a gap of this file:
// both paths agree on each step's total; only the next export shows who holds what.
// STRAIGHT=1 (below) checks that: on the default seeds it flags 2319 step 2 (--reissue all alone
// 3440.00, after a run without --reissue 2500.00, the hand-worked total; export 1 straight to 3:
// 2500.00) and 3139 step 2 (1030.00 / 1000.00). 3139's is right both ways: export 2 recorded with
// --reissue all alone pays o30 470.00 of its own, which then fills Q {31}'s cap but for 30.00
// (reissue-on-time-cap-share.test.ts works that path out: 1030.00). So a STRAIGHT flag is a path whose
// total must be worked out by hand, not a defect by itself. 2319 not worked out in full. In
// 2319 the two paths leave export 2's money with other vouchers: run first without --reissue, new
// Q {30}'s cap counts all of Q {01}'s 500.00 (o01's, which the said Q {00,01,04} needs: the 16024
// pattern), Q {00,01,04} takes Q {03,00,04}'s 500.00 and P {06,03} issues o03's 470.00 anew; alone,
// P {06,03} takes o03's 470.00, Q {00,01,04} o01's 470.00 and Q {30} issues 470.00. In export 3, on
// the second path, P {03,01} takes o03's 470.00 and o01's 30.00, and o01's 470.00 left in Q {00,01,04}
// (recorded in Q {00,04}'s own window) fills no cap (left out as money that follows o01 to P, which
// does not take it): Q {00,04} and P {60,06} each issue 470.00, where one of the two caps is filled by
// the money P {03,01} leaves (2970.00 on that path, by a first reckoning; the rules do not say which
// of 2500.00 and 2970.00 a path that paid o30 its own 470.00 in export 2 owes).
// money66: seed 4531 settled (reduced 1000.00, it.fails -> it; a variant with B worth 300.00 in
// reissue-4531-own-window-part.test.ts, 1300.00 -> 1000.00): a voucher shown again as recorded is
// paid first by money of its own window (asIsPaid: recorded vouchers of its cap group all of whose
// orders are its own now, and what the group's vouchers holding none of the run's orders leave of its
// cap); only the rest of its own money, taken over elsewhere, is kept back for it (needsOf), left out
// of that other group's cap (inGroupOf) and owed it when taken on (movedAway). FUZZ_S=4531 FUZZ_N=1
// OWED=1: 203000 -> 153000 fen at step 2 (said, all and one at a time alike), passes. TOTALS (TZ=UTC,
// OWED=1) against 2f34802d: the default seeds, FUZZ_S=1/30, 3000/20, 4500/40 and reissue-paths'
// defaults: only seed 4531 step 2 changed; no said/all/one disagreement either side; OWED flags as
// before less 4531 (default 269, 2042; 4500: 4502, 4534; reissue-paths 167). The other ranges were
// swept on the base build only (the loaded machine left no time for the fixed one).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../hardening/inproc.js';
import { tmpDir } from '../helpers.js';
import { order, taobaoCsv } from '../orders/build.js';

const AS_OF = '2026-07-01 00:00:00';
const ms = (t: string) => Date.parse(`${t.replace(' ', 'T')}+08:00`);
const bjMs = (m: number) => new Date(m + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
const fen = (v: unknown) => Math.round(Number(v) * 100);
type O = { id: string; buyer: string; paid: string; paidAt: string; ship: string };

function gen(seed: number) {
  let s = seed;
  const rnd = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  const pick = <T,>(a: T[]) => a[Math.floor(rnd() * a.length)]!;
  const firstDay = pick(['2026-04-06', '2025-05-30', '2026-05-30']);
  const start = ms(`${firstDay} 00:00:00`);
  const n = 2 + Math.floor(rnd() * 6);
  const mk = (i: number): O => {
    const paid = start + Math.floor(rnd() * 3) * 86_400_000 + Math.floor(rnd() * 24) * 3_600_000 + Math.floor(rnd() * 60) * 60_000;
    return { id: String(6100000000000000000n + BigInt(seed * 100 + i)), buyer: pick(['P', 'Q']), paid: pick(['100.00', '1000.00', '2000.00', '3000.00', '9000.00']), paidAt: bjMs(paid), ship: bjMs(paid + (rnd() < 0.3 ? 40 : 49 + Math.floor(rnd() * 80)) * 3_600_000) };
  };
  const mutate = (prev: O[], base: number): O[] => {
    const out: O[] = [];
    for (const o of prev) {
      if (rnd() < 0.08) continue;
      const c = { ...o };
      if (rnd() < 0.3) c.paidAt = bjMs(ms(o.paidAt) + (Math.floor(rnd() * 40) - 20) * 3_600_000);
      if (rnd() < 0.2) c.ship = bjMs(ms(c.paidAt) + (rnd() < 0.3 ? 40 : 49 + Math.floor(rnd() * 80)) * 3_600_000);
      if (rnd() < 0.2) c.buyer = c.buyer === 'P' ? 'Q' : 'P';
      if (ms(c.ship) < ms(c.paidAt)) c.ship = bjMs(ms(c.paidAt) + 50 * 3_600_000);
      out.push(c);
    }
    for (let i = 0; i < Math.floor(rnd() * 2.5); i++) out.push(mk(base + i));
    return out.sort((a, b) => ms(a.paidAt) - ms(b.paidAt));
  };
  const first = Array.from({ length: n }, (_, i) => mk(i)).sort((a, b) => ms(a.paidAt) - ms(b.paidAt));
  const second = mutate(first, 30);
  const third = mutate(second, 60);
  return { exports: [first, second, third], r: rnd };
}
const csv = (os: O[]) =>
  taobaoCsv(os.map((o) => order(o.id, { 买家会员名: o.buyer, 买家应付货款: o.paid, 买家应付邮费: '0.00', 买家实际支付金额: o.paid, 订单状态: '交易成功', 订单付款时间: o.paidAt, 订单创建时间: o.paidAt, 发货时间: o.ship, 宝贝标题: '普通毛巾' })));
type Row = Record<string, unknown>;
const record = async (file: string, state: string, ...more: string[]) => {
  const r = await cli(['compensate', file, '--record', '--state', state, '--as-of', AS_OF, '-f', 'json', ...more]);
  if (![0, 1].includes(r.code)) throw new Error(`code ${r.code}: ${r.stderr}`);
  return { ...r, rows: JSON.parse(r.stdout) as Row[] };
};
const total = async (state: string) => fen(/total ([\d.]+)/.exec((await cli(['ledger', 'list', '--state', state])).stderr)?.[1] ?? 0);
const OPEN = ['conflict', 'amount_changed'];

async function check(seed: number): Promise<string[]> {
  const g = gen(seed);
  const dir = process.env.KEEP_DIR ? fs.mkdtempSync(path.join(process.env.KEEP_DIR, `s3-${seed}-`)) : tmpDir();
  const fs_ = g.exports.map((e, i) => { const f = path.join(dir, `e${i}.csv`); fs.writeFileSync(f, csv(e)); return f; });
  const A = path.join(dir, 'all.db');
  const B = path.join(dir, 'one.db');
  // STRAIGHT=1: a third ledger records each export with --reissue all alone (no run without --reissue
  // first) and carries on from its own ledger; a total other than --reissue all's at a step is reported.
  // Both paths agree on a step's total yet may leave the money with other vouchers, which the next
  // export shows: a path to work out by hand, paid twice on one (money68: FUZZ_S=16000 seed 16024,
  // reissue-16024-said-cap-takes-pending.test.ts) or right both ways (seed 3139, header).
  const C = path.join(dir, 'straight.db');
  if (process.env.STRAIGHT) await record(fs_[0]!, C);
  const fails: string[] = [];
  await record(fs_[0]!, A);
  await record(fs_[0]!, B);
  const paid: number[] = [];
  for (const step of [1, 2]) {
    const f = fs_[step]!;
    const r = await record(f, A);
    const held = (rows: Row[]) => rows.some((v) => v.recorded === 'held');
    const said = (await total(A)) + r.rows.filter((v) => OPEN.includes(String(v.recorded))).reduce((t, v) => t + fen(v.toIssue), 0);
    const newRows = r.rows.filter((v) => v.recorded === 'new').length;
    const m = /(\d+) newly recorded/.exec(r.stderr);
    if (m && Number(m[1]) !== newRows) fails.push(`seed ${seed} step ${step}: summary ${m[1]} newly recorded, ${newRows} rows new`);
    const heldKeys = (rows: Row[]) => rows.filter((v) => v.recorded === 'held').map((v) => String(v.voucherKey)).sort().join(',');
    const all = (await record(f, A, '--reissue', 'all')).rows;
    const viaAll = await total(A);
    if (said !== viaAll) fails.push(`seed ${seed} step ${step}: said ${said}, --reissue all ${viaAll}${held(all) ? ' (held)' : ''} (${dir})`);
    if (heldKeys(r.rows) !== heldKeys(all)) fails.push(`seed ${seed} step ${step}: held [${heldKeys(r.rows)}], by --reissue all [${heldKeys(all)}] (${dir})`);
    const r1 = await record(f, B);
    const todo = r1.rows.filter((v) => OPEN.includes(String(v.recorded))).map((v) => (v.orderIds as string[]).join(','));
    if (g.r() < 0.5) todo.reverse();
    const calls: string[] = [];
    for (let i = 0; i < todo.length; i++) {
      if (i + 1 < todo.length && g.r() < 0.3) { calls.push(`${todo[i]},${todo[i + 1]}`); i++; } else calls.push(todo[i]!);
    }
    for (const ids of calls) await record(f, B, '--reissue', ids);
    await record(f, B, '--reissue', 'all');
    const viaOne = await total(B);
    if (viaOne !== viaAll) fails.push(`seed ${seed} step ${step}: one at a time ${viaOne} [${calls.join(' | ')}], all ${viaAll} (${dir})`);
    paid.push(viaAll);
    if (process.env.STRAIGHT) {
      await record(f, C, '--reissue', 'all');
      const viaC = await total(C);
      if (viaC !== viaAll) fails.push(`seed ${seed} step ${step}: --reissue all alone ${viaC}, after a run without --reissue ${viaAll} (${dir})`);
    }
    if (process.env.TOTALS) fs.appendFileSync(process.env.TOTALS, `seed ${seed} step ${step}: said ${said} all ${viaAll} one ${viaOne}\n`);
    // B carries on from its own ledger; to compare the next step, continue B from A's state.
    for (const x of ['', '-wal', '-shm']) { if (fs.existsSync(B + x)) fs.rmSync(B + x); if (fs.existsSync(A + x)) fs.copyFileSync(A + x, B + x); }
  }
  if (process.env.OWED) {
    const fl = path.join(dir, 'view.csv');
    const last = g.exports[2]!;
    const lacks = [...g.exports[1]!, ...g.exports[0]!].filter((o, i, a) => !last.some((x) => x.id === o.id) && a.findIndex((y) => y.id === o.id) === i);
    fs.writeFileSync(fl, csv([...last, ...lacks]));
    const fr = path.join(dir, 'fresh.db');
    const freshRows = (await record(fl, fr)).rows;
    const truth = await total(fr);
    // Money the ledger paid for orders the last export shows on time is paid for good (§1.7): the
    // bound adds it, at most each voucher's issued money and 30 % of those orders' payments (the
    // highest rate: tmall-2023; tmall-2026 pays less) (led15: seeds 1100, 1084, 1005, worked out above).
    // So is money paid for an order the last export lacks whose last sighting showed it on time: the
    // fresh ledger (it as last seen) owes nothing for it either, and what was paid while it was late
    // cannot be taken back (money64: seed 6464, P {02,01}'s 470.00, o02 lacking and o01 on time).
    const onTime = new Set([...last, ...lacks].filter((o) => ms(o.ship) - ms(o.paidAt) <= 48 * 3_600_000).map((o) => o.id));
    const paidOf = new Map(g.exports.flat().map((o) => [o.id, fen(o.paid)]));
    const listed = JSON.parse((await cli(['ledger', 'list', '--state', A, '-f', 'json'])).stdout) as { orderIds: string[]; issued: string; buyer: string; buyerNow?: string | null; windowStart: string; windowStartNow?: string | null; rules: string }[];
    const forGood = listed.reduce((t, v) => t + Math.min(fen(v.issued), v.orderIds.filter((id) => onTime.has(id)).reduce((u, id) => u + Math.max(500, Math.round(((paidOf.get(id) ?? 0) * 3) / 10)), 0)), 0);
    // An order late now that an earlier export made worth more alone (out of stock then and late now,
    // tmall-2023 then and tmall-2026 now) keeps the money paid for it: "less than recorded cannot be
    // taken back" (README; owed-bound-paid-for-good group 1). The money that followed it is at most
    // its share, what it came to alone in an earlier export (at most 500.00, the cap); of that its
    // voucher now uses at most what it comes to alone now (at most 500.00): the bound adds the
    // difference when positive, order by order (money64: seeds 3012, 3014, 3026, 5408, 5431, 6469).
    // Each part added is money the rules leave paid, so the bound stays above what is owed wherever
    // it was; it is not an upper bound in general (money paid under two caps the last export puts
    // under one, and a lacking order's window, owed-bound-paid-for-good groups 2 and 3, are left out:
    // telling them apart from money paid twice needs the ledger's own reckoning, seed 8007).
    const alone = async (file: string) => {
      const rows = JSON.parse((await cli(['compensate', file, '--as-of', AS_OF, '-f', 'json', '--by', 'order'])).stdout || '[]') as Row[];
      const m = new Map<string, number>();
      for (const r of rows) if (['late', 'out_of_stock'].includes(String(r.kind))) m.set(String(r.orderId), Math.min(50000, (m.get(String(r.orderId)) ?? 0) + fen(r.afterMinimum)));
      return m;
    };
    const [was0, was1, now] = [await alone(fs_[0]!), await alone(fs_[1]!), await alone(fl)];
    const lessOf = (id: string) => Math.max(0, Math.max(was0.get(id) ?? 0, was1.get(id) ?? 0) - (now.get(id) ?? 0));
    let lessNow = 0;
    for (const [id] of now) lessNow += lessOf(id);
    // Money paid under two caps the last export puts under one (owed-bound-paid-for-good group 2;
    // money67: seeds 4502, 4534). A voucher F of the fresh ledger, none of whose orders the last export
    // lacks, gets all the money the ledger's vouchers issued whose orders are all F's (the money follows
    // the order, §1.7: no other voucher holds them); what of it is beyond F's amount stays where it was
    // paid, counted toward the cap of the window it was recorded in. The bound adds it only when that
    // window is F's own or no voucher's: no other voucher of the fresh ledger, of the buyer it was
    // recorded or last held under, has a window that may hold its recorded opening (then or now):
    // tmall-2026 both, the same Beijing day; else openings within 24 h either way (a window holding it
    // opens at most 24 h before; after it, counted too, to be safe). Otherwise a cap of the last export
    // counts it and the ledger must not pay that cap again (seeds 8007, 4531: not added). It is counted
    // instead of F's orders' lessNow when larger (both are the spare of F's orders' money, not added
    // twice). Like forGood, it takes each voucher's issued money as owed when issued.
    const at = (t: unknown) => (String(t).includes('T') ? Date.parse(String(t)) : ms(String(t)));
    const day = (m: number) => bjMs(m).slice(0, 10);
    const lackIds = new Set(lacks.map((o) => o.id));
    let twoCaps = 0;
    for (const F of freshRows) {
      const ids = new Set(F.orderIds as string[]);
      if ([...ids].some((id) => lackIds.has(id))) continue;
      const vs = listed.filter((v) => fen(v.issued) > 0 && v.orderIds.length > 0 && v.orderIds.every((id) => ids.has(id)));
      const spare = vs.reduce((t, v) => t + fen(v.issued), 0) - fen(F.amount);
      if (spare <= 0) continue;
      const reached = vs.some((v) => {
        const buyers = [v.buyer, v.buyerNow].filter(Boolean) as string[];
        const times = [v.windowStart, v.windowStartNow].filter(Boolean).map(at);
        return freshRows.some((G) => G !== F && buyers.includes(String(G.buyer)) && times.some((t) => (v.rules === 'tmall-2026' && G.rules === 'tmall-2026' ? day(at(G.windowStart)) === day(t) : Math.abs(at(G.windowStart) - t) <= 24 * 3_600_000)));
      });
      if (reached) continue;
      twoCaps += Math.max(0, spare - [...ids].reduce((t, id) => t + (now.has(id) ? lessOf(id) : 0), 0));
    }
    if (paid[1]! > Math.max(truth + forGood + lessNow + twoCaps, paid[0]!)) fails.push(`seed ${seed}: paid ${paid[1]} > owed ${truth} + ${forGood} paid for orders on time now + ${lessNow} for orders owed less now + ${twoCaps} two caps now one (after step 1: ${paid[0]}) (${dir})`);
  }
  return fails;
}

const SEEDS = process.env.FUZZ_N ? Array.from({ length: Number(process.env.FUZZ_N) }, (_, i) => Number(process.env.FUZZ_S ?? 1) + i) : [16, 40, 196, 79, 254, 269, 306, 382, 2042, 2005, 436, 588, 2319, 2340, 1616, 1493, 3139, 3216, 9217, 9190, 1, 2];
describe('three exports: said == --reissue all == one at a time', () => {
  it('seeds', async () => {
    const fails: string[] = [];
    for (const seed of SEEDS) { try { fails.push(...(await check(seed))); } catch (e) { fails.push(`seed ${seed}: threw ${(e as Error).message.slice(0, 300)}`); } }
    expect(fails).toEqual([]);
  }, 3_000_000);
});

// The review record read from a review file (FORMATS "Reviews") and the queue item built from it.
import type { Money } from '../money.js';
import type { Order } from '../orders/types.js';
import type { ReviewStatus } from '../state/ledger.js';
import type { Category } from './keywords.js';

// The state database owns the status vocabulary (src/state/ledger.ts).
export type { ReviewStatus };

export type Rating = 'good' | 'neutral' | 'bad';

export interface Review {
  file: string;
  line: number;
  orderId: string;
  buyer: string;
  title: string;
  /** null when the file has only DSR scores. */
  rating: Rating | null;
  ratingRaw: string;
  reviewedAt: number;
  text: string;
  followUpText: string;
  /** null when there is no 追评 or its time is not in the file. */
  followUpAt: number | null;
  dsr: { description: number | null; service: number | null; logistics: number | null };
  /**
   * How much later than `reviewedAt` / `followUpAt` the real time may be (ms): 59 s for a time shown
   * without seconds, a day less a second for a date alone (docs/rules.md §2.3); absent when exact.
   */
  reviewedAtSlack?: number;
  followUpAtSlack?: number;
  /** When the buyer signed for the parcel (签收时间), when the file says; absent when not known. */
  signedAt?: number;
  /**
   * What the shop calls the item, as far as the review row tells: 商品 (a 抖店 商品评论 export, a 拼多多
   * order id, a file whose title column says 商品名称/商品标题), 宝贝 (a 宝贝标题 column); absent when it
   * does not tell. The queue's title header goes by it (run.ts titleHeader).
   */
  itemWord?: ItemWord;
  /**
   * The platform the review is on, as far as the row tells (a 拼多多 order id, 抖店's 商品评论 export,
   * a 宝贝标题 column: read.ts platformOf); `--orders` tells better (run.ts shopOf).
   */
  platform?: Order['platform'];
  /** The row's 店铺名称 (a sheet of several shops): the shop a message names. */
  shopName?: string;
}

/** Taobao/Tmall's word for an item (宝贝) or 抖店 and 拼多多's (商品). */
export type ItemWord = '宝贝' | '商品';

/** What the order exports say about the reviewed order (`--orders`). */
export interface OrderFacts {
  /** The buyer as the order export names them ('' when not known). */
  buyer: string;
  paidAmount: Money | null;
  paidAt: number | null;
  /** Paid orders by the same buyer before this one; null when the export names no buyer (unknown, not 0). */
  earlierOrders: number | null;
  /** The platform of the order export it comes from. */
  platform?: Order['platform'];
  /** The order export's 店铺名称 (Tmall 订单报表; an ERP's merged download), when it names one. */
  shopName?: string;
  /**
   * The item's title in the order export: the queue's title when the review row has none (a 拼多多
   * review typed into a sheet with 订单号, 评价时间, 评分 and 评价内容 only).
   */
  title?: string;
}


export type Action =
  | 'contact_now'
  | 'follow_up'
  | 'contact_later'
  | 'await_reply'
  | 'post_explanation'
  | 'file_complaint'
  | 'await_complaint'
  | 'none';

export interface QueueItem {
  orderId: string;
  buyer: string;
  title: string;
  rating: Rating | null;
  reviewedAt: number;
  /** As Review.reviewedAtSlack: the review time was given without seconds, or as a date alone. */
  reviewedAtSlack?: number;
  /** As Review.signedAt: absent when the review file gives no sign time. */
  signedAt?: number;
  text: string;
  followUpText: string;
  followUpAt: number | null;
  reasons: string[];
  categories: Category[];
  priority: number;
  score: number;
  /** null on a complaint row (extortion, file_complaint, await_complaint): no contact is planned. */
  contactBy: number | null;
  explainBy: number;
  complaintBy: number;
  overdue: string[];
  /** The ledger's status, or `reopened`: logged resolved, then a negative 追评 came after (RULES 2.3). */
  status: ReviewStatus | 'reopened';
  attempts: number;
  /** Attempts on all the buyer's reviews in the attempt window (RULES 2.2: limits are per buyer). */
  buyerAttempts: number;
  lastContactAt: number | null;
  nextContactAt: number | null;
  /** Who the buyer is for the contact rules: the nick, or the order when the nick is missing or masked. */
  buyerKey: string;
  /** The buyer's other orders in the queue: one contact, one agent for all of them. */
  sameBuyer: string[];
  /** Escalations: `safety` (health or safety complaint: the manager is told now), `extortion` (keep evidence, complain to the platform). */
  escalate: string[];
  assignee: string;
  action: Action;
  template: string;
  goodwill: Money;
  malicious: string[];
  orderValue: Money | null;
  earlierOrders: number | null;
  sourceFile: string;
  sourceLine: number;
}

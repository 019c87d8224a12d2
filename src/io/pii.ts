// Personal data in values storeops ECHOES (a rejected cell, a reason, the first row of a file
// without a header): a shifted row puts a phone or an address in a time column, so masking by
// column name is not enough. Anything that looks like a mainland phone number, an id-card number
// or a postal address is masked wherever it appears in the text (unless --show-pii).
import { LANDLINE, MOBILE, SEP, maskName, maskPhoneNumber } from '../orders/mask.js';
import { halfWidth } from './cells.js';

// Mobiles and landlines: mask.ts MOBILE and LANDLINE (how they may be written is said there).
// Before, only 3-4-4 groups split by a space or - and landlines with a - were found (review25); a
// landline with its local number split (0571-8888 8888) or written with +86, and any phone in
// full-width digits in free text, were shown whole until 2026-12.
// A mobile written (partly) in Chinese numerals, as a buyer does to get past a platform's number
// filter: 一三九二五一三零一六五, 幺三九 2513 0165 (幺 is how 1 is said in phone numbers), the same
// separators allowed. At least one Chinese numeral (all-ASCII runs are MOBILE's); masked keeping its
// first 3 and last 4 characters as written (一三九****零一六五). Shown whole until 2026-12.
// The financial numerals (壹贰叁肆伍陆柒捌玖, 壹叁捌…) are the same digits written to get past the filter
// again: shown whole until 2026-12 (text41).
const CN_DIGIT = '[0-9零〇一二三四五六七八九幺壹贰叁肆伍陆柒捌玖]';
const MOBILE_CN = new RegExp(`(?<!${CN_DIGIT})[1一幺壹]${SEP}?[3-9三四五六七八九叁肆伍陆柒捌玖](?:${SEP}?${CN_DIGIT}){9}(?!${CN_DIGIT})`, 'g');

function maskCnMobile(p: string): string {
  if (!/[零〇一二三四五六七八九幺壹贰叁肆伍陆柒捌玖]/.test(p)) return p;
  const chars = [...p.replace(new RegExp(SEP, 'g'), '')];
  return `${chars.slice(0, 3).join('')}****${chars.slice(-4).join('')}`;
}

// 18-character resident id (17 digits + digit/X) or the old 15 digits; checked below (date, checksum).
const ID_CARD = /(?<![\dA-Za-z])(\d{17}[\dXx]|\d{15})(?![\dA-Za-z])/g;
// An address: a province/city/district word followed by street-level detail (路 街 号 村 室 …).
// A room number written straight after the last part (…3单元502, …18楼1803) belongs to it.
// 街道 (a sub-district) is one word: it was cut after 街, its 道 left behind the mask (杭州市****道), and a
// building number ending in 幢 or 座 ends the detail as 栋 does (西湖****幢 until 2026-12). A room
// written as building-unit-room numbers (古荡新村3-2-501, 5-1201) belongs to it: until 2026-12 its
// -2-501 was left after the mask (text42).
const ADDRESS = /[\u4e00-\u9fa5]{1,10}(?:省|自治区|市|区|县|州)[^\n,，;；"]{0,60}?(?:街道|路|街|道|巷|弄|号|村|组|栋|幢|室|单元|楼|小区|大厦)(?:[\s\d０-９\u4e00-\u9fa5()（）#＃-]{0,20}(?:号|室|楼|栋|幢|座|单元|\([\d０-９]{6}\)|（[\d０-９]{6}）))?(?:[A-Za-zＡ-Ｚａ-ｚ]?[\d０-９]{1,5}(?:[-－][\d０-９]{1,5}){0,2}(?:室|号|房)?)?/g;

// An address after a label that says it is one (地址广东省深圳市南山区科技园, 收货地址：科技园12栋):
// ADDRESS above needs street-level detail (路 号 栋 …), so a buyer's "地址" naming a province,
// city and a place without a street word was shown whole. Without a colon the text after the
// label must start with a province/city/district word (地址不对 is no address); after a colon it
// is masked whatever it is, as a name after 收件人： is. The span ends at punctuation or a line end.
const ADDRESS_LABEL = /((?:收货地址|收件地址|送货地址|详细地址|家庭住址|地址|住址)\s*([：:]\s*|是|在|为)?)([^\n,，;；。!！?？"'<>]{2,60})/g;
const ADMIN_HEAD = /^[\u4e00-\u9fa5]{1,10}?(?:省|自治区|市|区|县|州)/;

// A street and its number with no province, city or district before it (科技园南路88号, 建国路88号3单元502),
// as a buyer or an agent writes it (送到科技园南路88号, 收货地址是科技园南路88号): ADDRESS needs the
// district and ADDRESS_LABEL without a colon needs it too, so such a street address was shown whole.
// The street name is the Chinese run before 路/街/巷/弄/胡同, not taking words a sentence puts before an
// address (是 在 到 送 寄 住 址 …); a house number (digits and 号) must follow.
const HOUSE_NO = /[\d０-９]\s*号/;
// A range's second number written with its own 号 (文三路18号-20号, 18号至20号) goes with it: STREET_RANGE.
const STREET_NO = /(?:(?![是在为到址送寄住往的了说和发去])[\u4e00-\u9fa5]){1,8}(?:路|街|大道|巷|弄|胡同)\s*[\d０-９]{1,5}(?:[-－][\d０-９]{1,5})?\s*号(?:\s*[-－—~～至到]\s*[\d０-９]{1,4}\s*号)?(?:院)?(?:\s*[\d０-９]{1,4}\s*(?:号楼|栋|幢|座|楼|单元|室|层))*(?:\s*[\d０-９]{1,5}(?:室|房)?)?/g;

// A housing estate's building with its unit or room, written with no district or street before it
// (我住幸福家园5号楼2单元301, 送到3栋502, 放12幢1单元201室): ADDRESS needs a 省/市/区 word and STREET_NO a
// 路/街 with its 号, so such an address was shown whole until 2026-12. A building number (号楼/栋/幢)
// followed by a unit (单元) or a room number of 3–5 digits; the estate's name before it (a Chinese
// run not taking the words a sentence puts before an address) goes with it. A building alone (5号楼
// 的邻居, 比10栋楼还高) is no address of anyone.
// A building named by a letter (A栋1203室, B座1203, as towers of an estate or an office block are)
// is one too: shown whole until rev35. So is one written in Chinese numerals with its unit (古荡新村三幢二单元501,
// 七栋一单元1201: shown whole until 2026-12, text42); a Chinese-numeral building needs its 单元 (三栋楼, 一栋别墅
// are no address).
const BUILDING_NO = /[\d０-９一二三四五六七八九十]\s*(?:号楼|栋|幢)|[A-Za-zＡ-Ｚａ-ｚ]\s*(?:栋|座|幢)/;
const BUILDING = /(?:(?![是在为到址送寄住往的了说和发去放比第])[\u4e00-\u9fa5]){0,8}(?:[\d０-９]{1,4}\s*(?:号楼|栋|幢)|(?<![A-Za-zＡ-Ｚａ-ｚ])[A-Za-zＡ-Ｚａ-ｚ]\s*(?:栋|座|幢)|[一二三四五六七八九十]{1,3}\s*(?:号楼|栋|幢)(?=\s*[\d０-９一二三四五六七八九十]{1,2}\s*单元))\s*(?:(?:[\d０-９]{1,2}|[一二三四五六七八九十]{1,2})\s*单元(?:\s*[\d０-９]{2,5}(?:\s*(?:室|房|号))?)?|[\d０-９]{3,5}(?:\s*(?:室|房|号))?)(?![\d０-９])/g;

// A housing estate's building, unit and room written as numbers joined by dashes, with no district,
// street or 栋/单元 word (古荡新村3-2-501, 幸福里小区8-2-301, 桂香苑12-3-402, 阳光小区5-1201): how
// buyers and agents type an address in a note. Shown whole until 2026-12 (text42). The estate is a
// Chinese run ending in a word estates are named with (小区 新村 花园 家园 公寓 苑 园 城 村 里 府 庭 湾 郡
// 大厦 公馆 社区 宿舍), not taking the words a sentence puts before an address; then building-unit-room
// (three numbers, the last of 2–4 digits) or building-room (two, the last of 3–4 digits). Other
// dashed numbers (a size 3-5, a date 11-20, 1-3天) have no estate word before them, or no room.
const DASHED_ROOM = /[\d０-９]\s*[-－—]\s*[\d０-９]/;
const ESTATE_ROOM = /(?:(?![是在为到址送寄住往的了说和发去放比第])[\u4e00-\u9fa5]){0,8}(?:小区|新村|花园|家园|公寓|大厦|公馆|社区|宿舍|苑|园|城|村|里|府|庭|湾|郡)\s*[\d０-９]{1,3}\s*[-－—]\s*(?:[\d０-９]{1,2}\s*[-－—]\s*[\d０-９]{2,4}|[\d０-９]{3,4})(?:\s*(?:室|房|号))?(?![\d０-９])/g;

// A house number after an estate's name, with no street or district before it (古荡新村18号,
// 阳光小区5号, 幸福里12号, 长乐路123弄5号 — a 弄 numbered itself): STREET_NO needs a 路/街 and ESTATE_ROOM
// dashed numbers, so such an address was shown whole until desk45 — 18号 being a date as often as a
// house. The number must follow a word estates are named with (小区 新村 花园 家园 公寓 大厦 公馆 社区 宿舍
// 苑 坊 里 弄; not 园/城/村, which name parks, malls and villages a date follows: 动物园18号开门), so a date,
// 12月18号, never qualifies; 里 not as in 这里/家里/店里/心里 …, nor as a place in a sentence (眼里 in the
// eye, 梦里, 怀里, 水里, 锅里, 地里, 房里, 班里 …: 眼里18号 of a review was **** until desk46); not 号楼 (a
// building alone is no address: BUILDING) nor 号线 (a metro line). A room after the 号 goes with it,
// also written with dashes as ESTATE_ROOM reads them, building-room or building-unit-room (锦绣花园12号3-201,
// 12号3-2-501: the 3-201 was left after the mask until desk46). And a day of the month (1–31) with nothing after the 号
// but a word a date is followed by (到 发 收 前 后 左右 晚上 停 开始 …: 我们小区18号停水, 幸福里18号到货) is
// the date it reads as, and is kept.
const ESTATE_HOUSE =
  /(?:(?![是在为到址送寄住往的了说和发去放比第])[\u4e00-\u9fa5]){0,8}(?:小区|新村|花园|家园|公寓|大厦|公馆|社区|宿舍|苑|坊|(?<![这那哪家店心手夜嘴城村屋包箱盒袋车院公千万日月县市区镇乡厂群柜库仓楼园眼梦怀话水锅碗杯肚脑耳口海湖河田地房网圈班课])里|[\d０-９]{1,4}\s*弄)\s*([\d０-９]{1,4})\s*号(?![楼线码机位])((?:\s*[\d０-９]{1,4}\s*(?:栋|幢|座|单元|楼|层|室|房))*(?:\s*[\d０-９]{1,3}\s*[-－—]\s*(?:[\d０-９]{1,2}\s*[-－—]\s*[\d０-９]{2,4}|[\d０-９]{3,4})(?:\s*(?:室|房|号))?(?![\d０-９])|\s*[-－—]\s*[\d０-９]{3,4}(?:\s*(?:室|房|号))?(?![\d０-９])|\s*[\d０-９]{2,5}(?:\s*(?:室|房))?(?![\d０-９]))?)/g;
/** A cheap test before ESTATE_HOUSE (which costs ~1.8 µs a text): an estate word with a digit after it. */
const ESTATE_NO = /(?:小区|新村|花园|家园|公寓|大厦|公馆|社区|宿舍|苑|坊|里|弄)\s*[\d０-９]/;
const DATE_AFTER = /^\s*(?:到|发|收|签|下单|买|拍|付|退|换|开始|结束|截止|前|后|之前|之后|以前|以后|左右|早|上午|中午|下午|晚|凌晨|那天|当天|当日|才|就|又|再|开|停(?![车放靠泊])|上|送|取|出|回|去|来|至|[~～、和或\-－—])/;

// A range of house numbers (or days) written in a sentence: 小区18号-20号停水, 阳光小区50号至52号停电,
// 小区18-20号楼停水. No one lives at a range, so it is a notice about the estate, not a buyer's address:
// kept (text43; until then 小区18号-20号停水 was 小区****停水, 阳光小区50号-52号 阳光****). A range is two
// numbers joined by - ~ 至 到, the second above the first by at most 50 (18-20号, 1-5号楼), with 号 after
// the second. A building and its room written with a dash is no range: 3-201, 12号-102室 (201 − 3 = 198,
// and a room has no 号 of a range after it), masked as before; so is a range with a unit or a room after
// it (18-20号3单元501), an address. And a number joined to the 号 by a dash that is no range (古荡新村12号-102室)
// is no date either: until text43 DATE_AFTER's dash kept it whole.
const RANGE_TAIL = /^\s*[-－—~～至到]\s*([\d０-９]{1,4})\s*号(?!\s*(?:[\d０-９]|栋|幢|座|单元|室|房))/;
const NUMBER_NEXT = /^\s*[-－—~～至到]\s*[\d０-９]/;
// What a notice says next about the range (停水, 明天停电, 电梯维修, 的住户): a range is kept only with it,
// as a day is only with DATE_AFTER. A range with nothing of the kind after it is read as an address
// (rev41): 送到幸福小区18号-20号, 住在阳光小区3-5号, 阳光小区3-5号 张三 138…, 阳光小区12-13号 301,
// 收件人张三 阳光小区18-20号 were all shown whole from text43 (3-5号 is building 3 number 5 as often as a range).
// Times and words such as 将/要/都 may come first (小区18-20号明天上午8点停水, 将停水), but the notice's own
// word must follow them: 放阳光小区3-5号在门卫 and 阳光小区3-5号电话138… are an address (rev41).
// A notice word that begins a place's name is no notice (rev42): 寄到文三路18号-20号停车场, 放阳光小区3-5号
// 电梯口, 文三路18号-20号维修部 are where a parcel goes (停车/停放/停在, 电梯口/间/旁, 维修部/店, 施工队, 供水站,
// 供电局): until rev42 shown whole.
const RANGE_AFTER =
  /^\s*楼?(?:\s|今天|明天|后天|今晚|明晚|今日|明日|本周|下周|这周|周[一二三四五六日末]|星期[一二三四五六日天]|近期|近日|这几天|上午|中午|下午|晚上|凌晨|早上|[\d０-９]{1,2}\s*[月日号点](?:\s*[\d０-９]{1,2}\s*分)?|将|要|会|正在|在|已经|已|均|都|也|全部|全|从|于)*(?:停(?![车放在靠泊留])|断|暂停|施工(?![队方])|维修(?![部店点站处])|检修|改造|整改|装修|拆除|封闭|封控|清洗|消杀|抢修|没水|没电|无水|无电|燃气(?![公站])|天然气|暖气|供暖|供水(?![站点])|供电(?![局所站])|用水|用电|水压|水管|电梯(?![口间旁边前厅处里])|的?(?:住户|业主|居民|邻居|楼道))/;
const ESTATE_RANGE = /^(?:(?![省市区县州])[\u4e00-\u9fa5]){0,10}[小社]区\s*([\d０-９]{1,4})\s*号?\s*[-－—~～至到]\s*([\d０-９]{1,4})\s*号楼?$/;

function isRange(first: string, last: string): boolean {
  const a = Number(halfWidth(first));
  const b = Number(halfWidth(last));
  return b > a && b - a <= 50;
}

/**
 * A range kept as written: a notice's word after it (RANGE_AFTER), or, days of the month (1–31), a
 * date's word (DATE_AFTER: 幸福里18号~20号到货, kept as a date before text43 too); not a list going on.
 */
function rangeKept(first: string, last: string, rest: string): boolean {
  if (!isRange(first, last)) return false;
  if (RANGE_AFTER.test(rest)) return true;
  return Number(halfWidth(last)) <= 31 && Number(halfWidth(first)) >= 1 && DATE_AFTER.test(rest) && !/^\s*[~～、和或\-－—]/.test(rest);
}

function maskEstateHouse(m: string, no: string, room: string, at: number, text: string): string {
  const after = text.slice(at + m.length);
  // The dashed room alternative may have taken a range's second number (50号-100号): read it with what follows.
  const tail = room === '' || NUMBER_NEXT.test(room) ? room + after : '';
  const range = RANGE_TAIL.exec(tail);
  if (range && range[0].length >= room.length) return rangeKept(no, range[1]!, tail.slice(range[0].length)) ? m : '****';
  if (room === '' && !NUMBER_NEXT.test(after) && Number(halfWidth(no)) <= 31 && Number(halfWidth(no)) >= 1 && DATE_AFTER.test(after)) return m;
  return '****';
}

// A range of street numbers with nothing after its last 号 (文三路18号-20号, 文三路18-20号, 18号至20号):
// kept, as an estate's range is, only when a notice's own word follows (RANGE_AFTER: 文三路18号-20号停水,
// 明天停电, 的住户); else an address, masked whole (寄到文三路18号-20号 is 寄到****, not 寄到****-20号). No
// date's word keeps it (文三路18号到货 was never a date): a single street number is always masked.
// Until text44 文三路18号-20号停水 was ****-20号停水 and 文三路18-20号停水 ****停水, while the estate's
// 小区18号-20号停水 was kept (text43).
const STREET_RANGE = /([\d０-９]{1,5})\s*号?\s*[-－—~～至到]\s*([\d０-９]{1,4})\s*号$/;

function maskStreet(m: string, at: number, text: string): string {
  const r = STREET_RANGE.exec(m);
  return r && isRange(r[1]!, r[2]!) && RANGE_AFTER.test(text.slice(at + m.length)) ? m : '****';
}

const estateHouses = (t: string): string => (ESTATE_NO.test(t) ? t.replace(ESTATE_HOUSE, maskEstateHouse) : t);

// ADDRESS takes the 区 of 小区/社区 for a district's: 我们小区18号停水 was 我们****停水, a date the
// estate-house rule keeps (ESTATE_HOUSE, DATE_AFTER) hidden as an address (rev39). Such a span — an
// estate's name with no 省/市/区/县/州 of its own, a day 1–31 and 号, nothing after it, a date's word
// next — is left to ESTATE_HOUSE, which keeps the date and masks the house number.
const ESTATE_DAY = /^(?:(?![省市区县州])[\u4e00-\u9fa5]){0,10}[小社]区\s*([\d０-９]{1,4})\s*号$/;

function estateDate(a: string, at: number, text: string): boolean {
  // A range the span holds (小区18号-20号, 小区18-20号楼) or one that goes on after it (小区５０号－５２号:
  // the full-width dash is not in ADDRESS's detail): kept when it is one (RANGE_TAIL above).
  const after = text.slice(at + a.length);
  const r = ESTATE_RANGE.exec(a);
  if (r) return rangeKept(r[1]!, r[2]!, after);
  const m = ESTATE_DAY.exec(a);
  if (!m) return false;
  const range = RANGE_TAIL.exec(after);
  if (range) return rangeKept(m[1]!, range[1]!, after.slice(range[0].length));
  const day = Number(halfWidth(m[1]!));
  return !NUMBER_NEXT.test(after) && day >= 1 && day <= 31 && DATE_AFTER.test(after);
}

function maskLabelledAddress(all: string, label: string, colon: string | undefined, span: string): string {
  if (span.includes('****')) return all;
  const head = ADMIN_HEAD.exec(span);
  if (!head && !(colon && /[：:]/.test(colon))) return all;
  const keep = head ? (/^[\u4e00-\u9fa5]{1,7}?(?:省|自治区|市)/.exec(span)?.[0] ?? '') : '';
  return `${label}${keep}****`;
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

function validDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** GB 11643: region, birth date, sequence, ISO 7064 MOD 11-2 check character. */
export function isIdCard(s: string): boolean {
  if (/^\d{15}$/.test(s)) return /^[1-9]/.test(s) && validDate(1900 + Number(s.slice(6, 8)), Number(s.slice(8, 10)), Number(s.slice(10, 12)));
  if (!/^[1-9]\d{16}[\dXx]$/.test(s)) return false;
  const y = Number(s.slice(6, 10));
  if (y < 1900 || y > 2100 || !validDate(y, Number(s.slice(10, 12)), Number(s.slice(12, 14)))) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(s[i]) * ID_WEIGHTS[i]!;
  return ID_CHECK[sum % 11] === s[17]!.toUpperCase();
}

/** Keep the province or city it starts with (at most 8 characters), mask the rest. */
function maskAddressSpan(a: string): string {
  const head = /^[\u4e00-\u9fa5]{1,7}?(?:省|自治区|市)/.exec(a)?.[0] ?? [...a].slice(0, 2).join('');
  return `${head}****`;
}

function maskId(s: string): string {
  return `${s.slice(0, 3)}${'*'.repeat(s.length - 5)}${s.slice(-2)}`;
}

/** The text with every phone-, id-card- or address-looking part masked; the rest unchanged. */
export function scrubPii(text: string): string {
  if (text === '') return text;
  const labelled = text
    .replace(ADDRESS, (a: string, at: number, whole: string) => (estateDate(a, at, whole) ? a : maskAddressSpan(a)))
    .replace(ADDRESS_LABEL, (all: string, label: string, colon: string | undefined, span: string) => maskLabelledAddress(all, label, colon, span));
  // Only a text with a house number (a digit, then 号) can hold a street address: most skip the pattern.
  const streets = HOUSE_NO.test(labelled) ? estateHouses(labelled.replace(STREET_NO, maskStreet)) : labelled;
  const buildings = BUILDING_NO.test(streets) ? streets.replace(BUILDING, '****') : streets;
  const scrubbed = DASHED_ROOM.test(buildings) ? buildings.replace(ESTATE_ROOM, '****') : buildings;
  return maskPhones(maskIdCards(scrubbed)).replace(MOBILE_CN, (p) => maskCnMobile(p));
}

/**
 * Each id-card number (ID_CARD, checked by isIdCard) masked, full-width digits and Ｘ too
 * (１１０１０５…１２３Ｘ, typed with a Chinese input method: shown whole until 2026-12): found in the
 * text with those made ASCII (one character for one), masked in the text as written.
 */
function maskIdCards(text: string): string {
  if (!hasFullWidthDigit(text)) return text.replace(ID_CARD, (s) => (isIdCard(s) ? maskId(s) : s));
  // halfWidth makes one character of one, so an offset in `half` is one in `text`; Ｘ/ｘ besides.
  const half = halfWidth(text).replace(/[\uFF38\uFF58]/g, (c) => (c === '\uFF38' ? 'X' : 'x'));
  let out = '';
  let at = 0;
  for (const m of half.matchAll(ID_CARD)) {
    if (!isIdCard(m[0])) continue;
    out += text.slice(at, m.index) + maskId(text.slice(m.index, m.index + m[0].length));
    at = m.index + m[0].length;
  }
  return at === 0 ? text : out + text.slice(at);
}

/** The text with each mobile and landline masked, full-width digits (１３９…) included; the rest as written. */
function maskPhones(text: string): string {
  if (!hasFullWidthDigit(text) && !hasFullWidthSeparator(text)) return text.replace(MOBILE, maskPhoneNumber).replace(LANDLINE, maskLandline);
  return maskIn(maskIn({ text, half: halfWidth(text) }, MOBILE), LANDLINE).text;
}

// A tracking number is no phone: a 12-digit one starting with 0 (0571 8888 8888's shape written
// bare) was masked as a landline where a label says what it is (快递单号012345678901, 运单号:
// 0123…, 物流单号 0123…, No:0123…, waybill 0123…), in notes, reviews, a nick, an unmapped column,
// a rejection's reason. Only a landline-shaped number right after such a label is left: a mobile
// there is still masked (a buyer's phone typed in the wrong place is more likely than a waybill
// of a mobile's shape). Tracking-number columns are left whole by their name (isWaybillColumn).
const WAYBILL_LABEL = /(?:单号|运单|快递单|物流单|包裹单|\bNo\.?|\bwaybill|\btracking(?: number| no\.?)?)\s*(?:号码|编号|号)?\s*[:：#]?\s*$/i;

/** LANDLINE's replacement: masked, unless a waybill label comes just before (WAYBILL_LABEL). */
function maskLandline(p: string, at: number, text: string): string {
  return WAYBILL_LABEL.test(text.slice(Math.max(0, at - 16), at)) ? p : maskPhoneNumber(p);
}

/**
 * A column that holds tracking numbers (物流单号, 运单号, 快递单号, 退货物流单号, 包裹单号, trackingNo …):
 * its cells are no buyer's data and are shown whole, never masked by their look.
 */
export function isWaybillColumn(header: string): boolean {
  return /物流单号|运单号|运单编号|快递单号|包裹单号|物流编号|waybill|tracking/i.test(header);
}

/**
 * A full-width separator (the ideographic space U+3000, －, ．) a phone's ASCII digits may be
 * written with by a Chinese input method (138　1234－5678): maskPhones then looks in the half-width
 * text, as for full-width digits. Such a phone was shown whole until 2026-12 (text41).
 */
function hasFullWidthSeparator(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x3000 || c === 0xff0d || c === 0xff0e) return true;
  }
  return false;
}

function hasFullWidthDigit(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xff10 && c <= 0xff19) return true;
  }
  return false;
}

// A name written after a label that says it is one (收货人：王小明, 联系人: 李四): masked whoever it
// names, since free text rarely says whose it is. With a colon any 2–4 characters; without one
// see NAME_BARE (收货人不在家 is not a name).
// A change of receiver as a buyer writes it in a message (收件人改成李建国, 收货人改为：李建国, 联系人换成
// 王小明): the word for the change may come between the label and the name (NAME_CHANGE). Until 2026-12
// such a name was shown whole, and in a buyer message (free text since 312571f; masked whole before) too.
const NAME_CHANGE = '(?:(?:改成|改为|换成|更改为|修改为|变更为|写成|是|为)\\s*)?';
const NAME_LABEL = new RegExp(`((?:收货人|收件人|签收人|联系人|姓名|名字)(?:姓名)?\\s*${NAME_CHANGE}[：:]\\s*)([\\u4e00-\\u9fa5·]{2,4})`, 'g');

// The same labels without a colon (收货人王小明 电话…): a name only when it looks like one, since
// 收货人很满意 is no name. After the label (a space may come between): a common surname (the ~120
// most common single ones, or a compound one) and one or two more characters, ending where the
// text does, at a character that is not a Chinese one (space, punctuation, digit) or before a word
// that follows a name (电话 手机 号码 联系 地址 说 先生 女士); the shortest such name is taken
// (王小明电话 → 王小明). Not names: words that begin with a surname's character (马上, 周末, 陆续),
// and given names holding a particle or adverb (黄了吧, 钱没收到, 马上就到: 了 没 就 …) or 说 (常说, 曾说);
// words a review or note uses (康复, 黄牛, 程序员) and cities (苏州, 武汉, 石家庄) are no names either.
const SURNAME_1 =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许邓韩冯曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金韦贾夏付傅方邹熊白孟秦邱侯江尹薛闫阎段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严莫孔向常汤康易乔赖文施洪辛柯庄葛牛齐樊宁殷邢郭毕左雍';
const SURNAME_2 = '欧阳|司马|上官|诸葛|东方|皇甫|慕容|令狐|夏侯|司徒|公孙|长孙|宇文|尉迟|端木';
const NOT_NAMES = new Set(['马上', '周末', '周一', '周二', '周三', '周四', '周五', '周六', '周日', '周天', '周边', '陆续', '曾经', '谢谢', '万一', '方便', '方面', '高兴', '于是', '向来', '常常', '顾客', '付款', '付钱', '许多', '余额', '文明', '齐全', '宁可', '宁愿', '黎明', '夏天', '江湖', '康复', '黄牛', '程序', '苏州', '常州', '徐州', '郑州', '武汉', '石家']);
const NOT_IN_NAMES = /[了的吧么吗呢啊呀没不也都就还又是被把给让很太说]/;
const NAME_BARE = new RegExp(
  `((?:收货人|收件人|签收人|联系人)(?:姓名)?\\s*${NAME_CHANGE})((?:${SURNAME_2})[\\u4e00-\\u9fa5]{1,2}?|[${SURNAME_1}][\\u4e00-\\u9fa5]{1,2}?)(?=$|[^\\u4e00-\\u9fa5]|电话|手机|号码|联系|地址|说|先生|女士)`,
  'g',
);

// A third person's name after a word that says a person follows: a relative or relation (送给我妈妈陈秀英,
// 我朋友王小明, 老公李建国) or a gift or hand-over verb (送给王小明, 转交给李建国, 帮王小明买的). Such a
// name is masked whoever it is (it is seldom the order's receiver, whose name the pass above masks);
// shown whole until desk40. A name here is what NAME_BARE takes, a common surname and one or two
// more characters, the shortest that ends where the text does, at a character that is not a Chinese
// one, or before a word that follows a name in such a sentence (买 的 收 签收 说 过生日 生日 电话 …),
// with 叫 / 名叫 allowed between the cue and the name (我妈妈叫陈秀英). Ordinary words after such a cue
// stay: a word not starting with a surname (送给妈妈一个惊喜, 朋友推荐的, 送给同事很好用), NOT_NAMES'
// words (送给朋友方便), a "given name" holding a particle (NOT_IN_NAMES: 妈妈常说) or a character of a
// thing given (NOT_IN_CUED: 送给妈妈毛衣, 送给老公钱包, 送给同事文具, 送给朋友金色的), and a word that
// runs on into more Chinese (送给同事高跟鞋很好看: 高跟鞋 is followed by 很). 老王 and 小王 have no
// surname first and stay. text41 added the in-laws, aunts, nephews and grandchildren (姨妈 舅妈 嫂子 姐夫
// 侄子 外甥 孙女 儿媳 女婿 …): 送给姨妈黄丽 was shown whole. Single-character cues that are also ordinary words (给, 代, 妈) are not cues:
// 给钱了, 代金券, 妈呀 would too often meet a surname.
const CUE_KIN =
  '妈妈|老妈|我妈|爸爸|老爸|我爸|母亲|父亲|老婆|老公|媳妇|丈夫|妻子|爱人|对象|男朋友|女朋友|男友|女友|朋友|同事|同学|闺蜜|领导|老板|客户|老师|邻居|亲戚|女儿|儿子|姐姐|妹妹|哥哥|弟弟|爷爷|奶奶|外婆|外公|姥姥|姥爷|婆婆|公公|岳母|岳父|阿姨|叔叔|舅舅|姑姑|表姐|表妹|表哥|表弟|堂姐|堂妹|堂哥|堂弟|姨妈|舅妈|姑妈|婶婶|嫂子|姐夫|妹夫|小姨|大姨|侄子|侄女|外甥女|外甥|孙子|孙女|儿媳|女婿|干妈';
const CUE_GIVE = '送给|寄给|交给|转交给|转交|转给|带给|留给|帮';
// After the name: the end, a character that is not Chinese, or one of these words.
const CUED_FOLLOW = '买|拍|订|下单|的|收|签收|说|过生日|生日|电话|手机|号码|联系|地址|先生|女士|小姐';
const NAME_CUED = new RegExp(
  `((?:${CUE_KIN}|${CUE_GIVE})\\s*(?:名叫|叫)?\\s*)((?:${SURNAME_2})[\\u4e00-\\u9fa5]{1,2}?|[${SURNAME_1}][\\u4e00-\\u9fa5]{1,2}?)(?=$|[^\\u4e00-\\u9fa5]|${CUED_FOLLOW})`,
  'g',
);
// Characters of things a gift is (clothes, bags, jewellery, stationery, colours), not of given names:
// 毛衣, 钱包, 金条, 文具, 石头, 高跟, 白色 after a cue are no names; nor the style, season, occasion or
// watch a gift is for (韩版, 夏季, 万圣节, 钟表, 高考: rev36 found 送给妈妈韩版的 shown as 送给妈妈韩*的).
// Verbs and particles after a cue are no given names either (老公戴着, 朋友吃过).
const NOT_IN_CUED = /[衣巾包鞋帽袜裤裙杯壶镯链戒条饰具头毯线绒套盒笔跟色卡券票着过们得吃喝穿看玩卖送寄拿到去版季节表考]/;
const CUED_NOT_NAMES = new Set(['毛衣', '钱包', '文具', '金条', '石头', '高跟', '白色', '黄色', '金色', '方巾', '毛巾', '毛毯', '毛线', '毛绒', '高兴', '方便', '付款', '付钱', '余额', '万一', '顾客', '向来', '常常', '许多', '于是', '曾经', '马上', '陆续', '谢谢', '孙子', '孙女',
  // Words a buyer writes after 朋友, 送给… that start with a surname's character (hand-picked; one not
  // here is masked, its first character kept: the rule errs towards privacy).
  '毕业', '毕竟', '任性', '任何', '任务', '高价', '高档', '高端', '高级', '高大', '高贵', '方块', '方法', '方向', '万能', '万分', '金牌', '金额', '金属', '白天', '白菜', '黄金', '石榴', '龙虾', '牛奶', '牛肉', '牛仔', '马甲', '马桶', '熊猫', '唐装', '江南', '夏装', '夏季', '史上', '钟表', '钟爱', '汤圆', '康乃', '文胸', '文件', '文化', '毛笔', '毛呢', '何时', '程度', '施工', '齐全']);

// Places, products and brands a gift is sent to or is, written after a cue, that start with a surname's
// character (text41: 寄给江西的 was shown as 寄给江*的, 送给妈妈龙井的 as 送给妈妈龙*的, 送给老婆周大福的 as
// 送给老婆周**的). Only words that are not also a plausible person's name: 沈阳, 金华, 宁波, 宁夏, 黄山, 常德,
// 许昌, 林芝, 李宁, 江小白 … are as likely someone's name, and stay masked (privacy wins when unsure).
// Matched as the start of the would-be name (龙井 also keeps 龙井茶).
const CUED_PLACES_GOODS = new Set([
  // Provinces and cities (a place, not a name; cities ending in 州 are places by CUED_PLACE_END).
  '江苏', '江西', '张家口', '张家界', '张掖', '周口', '马鞍山', '唐山', '吕梁', '石家庄', '石嘴山', '秦皇岛', '齐齐哈尔', '邢台', '毕节', '江门', '黄冈', '白银', '王府井', '武夷山', '武当山',
  // Teas, drinks, foods a gift is.
  '龙井', '毛尖', '白茶', '白酒', '黄酒', '白兰地', '金骏眉', '石斛', '牛排', '牛轧糖', '黄油', '龙眼', '苏绣', '马卡龙',
  // Brands (jewellery, electronics, toys, cosmetics).
  '周大福', '周生生', '周六福', '潘多拉', '范思哲', '戴森', '任天堂', '雷蛇', '金六福', '周黑鸭', '钟薛高', '高露洁', '史努比', '施华洛',
  // Words about the gift's occasion or the person's age or school year.
  '周岁', '龙年', '马年', '牛年', '乔迁', '高中', '高一', '高二', '高三', '常来',
]);
// A would-be name ending in an administrative word is a place (江西省, 沈阳市, 朝阳区, 常州, 金华县): no
// given name ends so.
const CUED_PLACE_END = /[省市县区州]$/;

const SURNAME_2_HEAD = new RegExp(`^(?:${SURNAME_2})`);

/** NAME_CUED's replacement: the name masked, unless it is an ordinary word, a place or a gift (see NAME_CUED, CUED_PLACES_GOODS). */
function maskCuedName(all: string, cue: string, name: string): string {
  const given = name.slice(SURNAME_2_HEAD.test(name) ? 2 : 1);
  if (NOT_NAMES.has(name.slice(0, 2)) || CUED_NOT_NAMES.has(name.slice(0, 2)) || NOT_IN_NAMES.test(given) || NOT_IN_CUED.test(given)) return all;
  if (CUED_PLACE_END.test(name) || CUED_PLACES_GOODS.has(name.slice(0, 2)) || CUED_PLACES_GOODS.has(name.slice(0, 3)) || CUED_PLACES_GOODS.has(name.slice(0, 4))) return all;
  return cue + maskName(name);
}

/** A receiver name worth looking for in text: two characters or more, not already masked. */
function searchableName(name: string): string | undefined {
  const t = name.trim();
  if ([...t].length < 2 || t.includes('*')) return undefined;
  return t;
}

/**
 * The order's receiver names masked wherever they appear in `text` (王小明 → 王**; Latin names whatever
 * their case), and nothing else: for a text that is no one's writing (a product title in a group alert,
 * where a shifted row or a seller's title can hold the receiver's name), where the cues of free text
 * (送给妈妈…) would mask words of a title.
 */
export function maskNamesIn(text: string, names: Iterable<string> = []): string {
  let out = text;
  const wanted = [...new Set([...names].map(searchableName).filter((n): n is string => n !== undefined))];
  // Longer names first: 王小明 before 王小 when both are receivers of the order.
  wanted.sort((a, b) => b.length - a.length);
  for (const n of wanted) {
    const masked = maskName(n);
    if (/[A-Za-z]/.test(n)) {
      const escaped = n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
      out = out.replace(new RegExp(`(?<![A-Za-z])${escaped}(?![A-Za-z])`, 'gi'), masked);
    } else {
      out = out.split(n).join(masked);
    }
  }
  return out;
}

/**
 * Free text a person wrote (a review, a seller's note, an agent's contact note): phones, id-card
 * numbers and addresses by their look (scrubPii), the order's receiver names wherever they appear
 * (王小明 → 王**; Latin names whatever their case), and a name written after 收货人：/联系人： etc.
 * (without the colon too when it looks like a name: 收货人王小明 电话…, see NAME_BARE), and a name after
 * a relative or a gift verb (送给我妈妈陈秀英, 帮王小明买的: NAME_CUED). Any other name that is not the
 * order's receiver cannot be told from other words and is left as written.
 */
export function scrubFreeText(text: string, names: Iterable<string> = []): string {
  if (text === '') return text;
  return maskNamesIn(scrubPii(text), names)
    .replace(NAME_LABEL, (_m, label: string, name: string) => label + maskName(name))
    .replace(NAME_BARE, (all, label: string, name: string) => (NOT_NAMES.has(name.slice(0, 2)) || NOT_IN_NAMES.test(name.slice(1)) ? all : label + maskName(name)))
    .replace(NAME_CUED, maskCuedName);
}

/**
 * A buyer's nick as shown (README, Privacy): a nick that is a phone number (13925130165,
 * 139 2513 0165, +86 139…) is masked as one, and so is a mobile or landline inside a longer nick
 * (jack13925130165 → jack139****0165), by the same look as in free text (digit boundaries: a
 * longer digit run such as t_1483584939820 is not a phone). Only phones: a nick is a name the
 * buyer chose, not an address. The nick itself still tells buyers apart (display only).
 */
export function shownNick(nick: string): string {
  if (nick === '' || !tenDigits(nick)) return nick;
  const half = halfWidth(nick);
  if (half === nick) return nick.replace(MOBILE, maskPhoneNumber).replace(LANDLINE, maskLandline);
  // Full-width digits, dashes, plus and spaces (１３９２５１３０１６５, typed with a Chinese input
  // method) are the same phone: it is found in the half-width text, which has the nick's length
  // (halfWidth changes characters one for one), and masked there; the rest of the nick is kept as
  // written. Before, such a nick was shown whole (review25).
  return maskIn(maskIn({ text: nick, half }, MOBILE), LANDLINE).text;
}

/** The nick with each phone the pattern finds in its half-width form replaced by the phone masked (in both forms). */
function maskIn(n: { text: string; half: string }, re: RegExp): { text: string; half: string } {
  let text = '';
  let half = '';
  let at = 0;
  for (const m of n.half.matchAll(re)) {
    const masked = re === LANDLINE ? maskLandline(m[0], m.index, n.half) : maskPhoneNumber(m[0]);
    if (masked === m[0]) continue;
    text += n.text.slice(at, m.index) + masked;
    half += n.half.slice(at, m.index) + masked;
    at = m.index + m[0].length;
  }
  return at === 0 ? n : { text: text + n.text.slice(at), half: half + n.half.slice(at) };
}

/**
 * Whether the text holds ten digits or more, half- or full-width (０–９): a phone shownNick masks
 * holds at least ten (a mobile eleven, a landline 0 + 2–3 + 7–8), so a nick with fewer is shown as
 * it is without a regex run.
 */
function tenDigits(text: string): boolean {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (((c >= 48 && c <= 57) || (c >= 0xff10 && c <= 0xff19)) && ++n === 10) return true;
  }
  return false;
}

/** Does the text hold something personal by its look alone? */
export function looksPersonal(text: string): boolean {
  return scrubPii(text) !== text;
}

/**
 * A row that was taken as a header but holds data (a file without a header row): digits, times,
 * amounts or personal data are not column names. Headers of every export we read have no digits
 * except in a few names like "O2O…", which never stand alone.
 */
export function looksLikeData(cells: readonly string[]): boolean {
  // The first 256 characters of a cell tell (a 50 MB one-line "header" is not scanned whole).
  return cells.some((cell) => {
    const c = cell.length > 256 ? cell.slice(0, 256) : cell;
    return looksPersonal(c) || /\d{4,}|\d+[.:]\d+/.test(c);
  });
}

/**
 * What to show of a first row that looks like data: how many cells, and each masked (first
 * character, the rest as *; phones and addresses as everywhere else). Never the buyer's data.
 */
export function maskedRow(cells: readonly string[], max = 20, lang: 'zh' | 'en' = 'en'): string {
  const filled = cells.filter((c) => c.trim() !== '');
  const shown = filled.slice(0, max).map((c) => {
    const t = (c.length > 256 ? c.slice(0, 256) : c).trim();
    const scrubbed = scrubPii(t);
    return scrubbed !== t ? scrubbed : maskName(t.length > 20 ? t.slice(0, 20) : t);
  });
  if (filled.length > max) shown.push(`… (+${filled.length - max})`);
  // In the message's own language: a zh message said `[1 cells / 1 个单元格: …]` until 2026-12 (user18).
  return lang === 'zh' ? `[${cells.length} 个单元格: ${shown.join(', ')}]` : `[${cells.length} cells: ${shown.join(', ')}]`;
}

// Attribution in Japanese and Chinese, where names have no capitals and words no spaces. The
// forms news copy uses: Japanese puts the speaker as the topic before the quotation and the verb
// after it (首相は「…」と述べた), Chinese puts the verb of saying between speaker and quotation
// (佩斯科夫说：“…”) or after it (“…，”佩斯科夫说). The speaker is the noun phrase before は/が
// or before the verb, read within a short bound and cut at the particles and time words that
// end a noun phrase; what cannot be read that way credits no one.

import type { Span, Speaker, SpeakerKind } from '../types';

// Characters around a quotation that say the text is Chinese or Japanese: kana, CJK ideographs,
// CJK punctuation and full-width forms. Latin text never pays for more than this test.
const CJK_NEAR = /[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]/u;
const NOUN_CHARS = String.raw`\p{Script=Han}\p{Script=Katakana}ー・`;

// Japanese: と followed by a verb of saying, right after the closing bracket.
const JA_VERB_AFTER = /^\s*と(?:述べ|語っ|話し|言っ|強調し|説明し|指摘し|明らかにし|発表し|答え|訴え|主張し|明言し|記し|書い|表明し|批判し)/u;
// Chinese: a verb of saying with a colon or comma before the opening mark, or after the closing one.
const ZH_VERBS = '说|表示|称|指出|强调|介绍|回应|宣布|坦言|透露|警告|補充说|补充说|說|稱|強調|指出';
const ZH_VERB_BEFORE = new RegExp(String.raw`([\p{Script=Han}·・0-9０-９]{1,24})(?:${ZH_VERBS})[：:，,]?\s*$`, 'u');
const ZH_VERB_AFTER = new RegExp(String.raw`^[，,。]?\s*([\p{Script=Han}·・]{1,24}?)(?:${ZH_VERBS})(?![\p{Script=Han}])`, 'u');

// The topic (…は) or, right before the quote, the subject (…が): a whole run of ideographs and
// katakana, never the tail of a longer one.
const JA_TOPIC = new RegExp(String.raw`(?<![${NOUN_CHARS}])([${NOUN_CHARS}]{1,12})は`, 'gu');
const JA_SUBJECT = new RegExp(String.raw`(?<![${NOUN_CHARS}])([${NOUN_CHARS}]{1,12})が[、，\s]*$`, 'u');
// Time words that stand as topics (今日は, 同日は) without being anyone.
const JA_TIME = /^(?:今日|昨日|本日|同日|今回|一方|先日|今年|昨年|今月|先月|午前|午後|[0-9０-９一二三四五六七八九十]+日)$/u;
// How far back a Japanese sentence's topic is looked for, in characters.
const TOPIC_WINDOW = 40;
// A speaker's name is short; a longer run is a clause, not a name. With the titles before it
// ("俄罗斯总统新闻秘书佩斯科夫") a Chinese subject may run longer.
const MAX_NOUN_PHRASE = 12;
const MAX_TITLED_PHRASE = 20;

// Titles written after a Japanese name (岸田首相, ペスコフ報道官) or before a Chinese one
// (外交部发言人汪文斌); alone they describe a speaker without naming them.
const TITLES = [
  '官房長官', '報道官', '大統領', '首相', '外相', '長官', '大臣', '総理', '議員', '知事', '市長', '社長', '代表',
  '委員長', '事務総長', '補佐官', '大使', '氏', '发言人', '發言人', '新闻秘书', '新聞秘書', '外长', '外長', '总统', '總統',
  '总理', '總理', '部长', '部長', '秘书长', '秘書長', '大使', '主席', '发言人表示', '副总理', '国务卿', '國務卿', '外交部长',
];
// Heads of bodies: a noun phrase ending in one is a government, ministry, party or company.
const BODY_ENDINGS = [
  '省', '庁', '政府', '府', '局', '党', '社', '院', '委員会', '委员会', '国', '國', '軍', '军', '部', '銀行', '银行', '协会', '協会',
  '方', '宫', '宮', '机构', '機構', '组织', '組織', '当局', '當局', '大使馆', '大使館',
];
// Places that stand for their governments.
const PLACES = new Set(['日本', '中国', '米国', '美国', 'ロシア', '俄罗斯', '俄羅斯', 'ウクライナ', '乌克兰', '烏克蘭', 'アメリカ', '英国', '英國', 'ドイツ', '德国', 'フランス', '法国', '韓国', '韩国', '北朝鮮', '朝鲜', '台湾', '臺灣']);
const PRONOUNS = new Set(['他', '她', '彼', '彼女', '他们', '她们', '我们', '我', '它']);
// Words that end a Chinese subject when read backwards from the verb: time words and adverbs
// between subject and verb (佩斯科夫周四表示, 他也说) are skipped; particles stop the phrase.
const ZH_SKIPPED = /^(?:[0-9０-９]+日?|日|号|號|月|周[一二三四五六日天]|星期.|今天|昨天|当天|當天|当日|日前|此前|随后|隨後|同时|同時|也|还|還|则|則|又|再次|再度|已|已经|已經|都|对此|對此|\d+日|[一二三四五六七八九十]+日|上午|下午|晚间|晚間|今日|本周|上周|当时|當時|曾|更|亦)$/u;
const ZH_STOPS = /^(?:在|对|對|于|於|向|和|与|與|是|了|的|上|中|时|時|后|後|前|就|并|並|但|而|据|據|为|為|被|将|將|会|會|把|从|從|给|給|跟|同|及|或|等)$/u;

/** The speaker of a Chinese or Japanese quotation at `outer`, read from the words around it; null when unsure. */
export function cjkSpeaker(masked: string, outer: Span, block: Span): Speaker | null {
  const around = masked.slice(Math.max(block.start, outer.start - 1), outer.start) + masked.slice(outer.end, Math.min(block.end, outer.end + 1));
  if (!CJK_NEAR.test(around)) return null;
  const after = masked.slice(outer.end, Math.min(block.end, outer.end + 40));
  if (JA_VERB_AFTER.test(after)) return japaneseTopic(masked, outer, block);
  const windowStart = Math.max(block.start, outer.start - TOPIC_WINDOW);
  const before = ZH_VERB_BEFORE.exec(masked.slice(windowStart, outer.start));
  if (before) return chineseSubject(masked, windowStart + before.index, before[1]);
  const following = ZH_VERB_AFTER.exec(after);
  if (following) return chineseSubject(masked, outer.end + following[0].indexOf(following[1]), following[1], true);
  return null;
}

/** 首相は記者団に「…」と述べた: the noun phrase before the nearest は of the sentence, or a が right before the quote. */
function japaneseTopic(masked: string, outer: Span, block: Span): Speaker | null {
  const from = Math.max(block.start, outer.start - TOPIC_WINDOW);
  let text = masked.slice(from, outer.start);
  const sentenceEnd = Math.max(text.lastIndexOf('。'), text.lastIndexOf('！'), text.lastIndexOf('？'));
  const start = from + sentenceEnd + 1;
  // Earlier quotations of the sentence are blanked: a は inside one is no topic of the narrative.
  text = masked.slice(start, outer.start).replace(/「[^」]*」|『[^』]*』/gu, (q) => ' '.repeat(q.length));
  let last: RegExpExecArray | null = null;
  JA_TOPIC.lastIndex = 0;
  for (let m = JA_TOPIC.exec(text); m; m = JA_TOPIC.exec(text)) last = m;
  const subject = last ?? JA_SUBJECT.exec(text);
  if (!subject || JA_TIME.test(subject[1])) return null;
  return speakerOf(masked, start + subject.index, subject[1], 'after');
}

/** 俄总统新闻秘书佩斯科夫周四表示: the noun phrase that ends the run before the verb. */
function chineseSubject(masked: string, runStart: number, run: string, whole = false): Speaker | null {
  const words = [...new Intl.Segmenter('zh', { granularity: 'word' }).segment(run)].map((s) => s.segment);
  let end = words.length;
  while (end > 0 && ZH_SKIPPED.test(words[end - 1])) end--;
  // "佩斯科夫在记者会上表示": a place phrase (在 … 上) between subject and verb is skipped too.
  if (end > 0 && /^(?:上|中|时|時|期间|期間)$/u.test(words[end - 1])) {
    const at = words.lastIndexOf('在', end - 1);
    if (at >= 0 && end - at <= 6) end = at;
    while (end > 0 && ZH_SKIPPED.test(words[end - 1])) end--;
  }
  let start = end;
  while (start > 0 && !ZH_STOPS.test(words[start - 1])) start--;
  // After a quotation the whole run must be the subject ("，”佩斯科夫说"), not the tail of a clause.
  if (end === 0 || (whole && start > 0)) return null;
  const offset = words.slice(0, start).join('').length;
  const phrase = words.slice(start, end).join('');
  if (phrase.length > MAX_TITLED_PHRASE) return null;
  return speakerOf(masked, runStart + offset, phrase, 'before');
}

/**
 * Reads a noun phrase as a speaker. A name beside a title (ペスコフ報道官, 发言人汪文斌) is a
 * person named with confidence; a title alone (首相) or a bare word (佩斯科夫) is credited but
 * cannot ground a misattribution, since without capitals a name cannot be told from a noun.
 */
function speakerOf(masked: string, start: number, phrase: string, titleSide: 'after' | 'before'): Speaker | null {
  if (phrase === '' || PRONOUNS.has(phrase)) return null;
  let name = phrase;
  let nameStart = start;
  let titled = false;
  if (titleSide === 'after') {
    const title = TITLES.find((t) => name.endsWith(t));
    if (title) {
      titled = true;
      name = name.slice(0, name.length - title.length).replace(/・$/u, '');
    }
  } else {
    let cut = -1;
    for (const title of TITLES) {
      const at = name.lastIndexOf(title);
      if (at >= 0 && at + title.length > cut) cut = at + title.length;
    }
    if (cut >= 0) {
      titled = true;
      nameStart += cut;
      name = name.slice(cut);
    }
  }
  let kind: SpeakerKind = 'person';
  let confident = titled;
  if (name === '') {
    // A title alone: 首相は「…」と述べた credits the prime minister, unnamed.
    name = phrase;
    nameStart = start;
    kind = 'unknown';
    confident = false;
  } else if (PLACES.has(phrase) || BODY_ENDINGS.some((e) => phrase.endsWith(e))) {
    name = phrase;
    nameStart = start;
    kind = 'body';
    confident = true;
  } else if (PLACES.has(name) || BODY_ENDINGS.some((e) => name.endsWith(e))) {
    kind = 'body';
  }
  if (name.length > MAX_NOUN_PHRASE) return null;
  const span = { start: nameStart, end: nameStart + name.length };
  if (masked.slice(span.start, span.end) !== name) return null;
  return { name, span, kind, confident };
}

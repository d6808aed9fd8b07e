/**
 * Benchmark of original ↔ translation alignment (not a test): the sample pair, a synthetic pair of 500 clauses, and
 * a synthetic pair of about 1 MB each (each clause with its own numbers, so that content matters). Prints the
 * analysis time of both files (median of the runs), the alignment time (median, and the fastest run: on a busy machine
 * the least disturbed one), and the pairs made.
 *
 *   node dist/test/bench/alignment.js [--runs 3]
 */
import { readFileSync } from 'node:fs';
import { alignDocuments, analyze, compileKnowledge } from '../../server/src/core';
import { toChineseNumeral, toRoman } from '../../server/src/core/text/numerals';
import { builtinKnowledgeData } from '../../server/src/knowledge/builtin';

const knowledge = compileKnowledge(builtinKnowledgeData);
const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 3;

/** A notice of `parts` parts of `clauses` clauses numbered straight through, in both languages. */
function syntheticPair(parts: number, clauses: number): { zh: string; en: string } {
  const zh = ['中国人民银行关于合成测试的通知（银发〔2026〕900号）', '', '各分支机构：'];
  const en = ['Notice of the People\'s Bank of China on a Synthetic Test (Yinfa [2026] No. 900)', '', 'To all branches:'];
  let n = 0;
  for (let part = 1; part <= parts; part++) {
    zh.push(`${toChineseNumeral(part)}、第${toChineseNumeral(part)}部分要求`);
    en.push(`${toRoman(part)}. Requirements of Part ${part}`);
    for (let k = 0; k < clauses; k++) {
      n++;
      zh.push(`（${toChineseNumeral(n)}）事项${n}。商业银行应当在${n % 28 + 2}个工作日内向中国人民银行报送第${n}项业务情况，资本充足率不得低于${n % 90 + 5}%。金额不得超过${n * 3}万元。`);
      en.push(`(${n}) Matter ${n}. Commercial banks shall report item ${n} business to the People's Bank of China within ${n % 28 + 2} working days, and the capital adequacy ratio shall not be lower than ${n % 90 + 5}%. The amount shall not exceed RMB ${n * 3 * 10_000}.`);
    }
  }
  return { zh: zh.join('\n'), en: en.join('\n') };
}

/** Measures of `articles` articles of `sentences` sentences each, in both languages. */
function syntheticArticles(articles: number, sentences: number): { zh: string; en: string } {
  const zh = ['中国人民银行合成测试办法（银发〔2026〕901号）', ''];
  const en = ['Measures of the People\'s Bank of China for a Synthetic Test (Yinfa [2026] No. 901)', ''];
  for (let n = 1; n <= articles; n++) {
    const zhSentences: string[] = [];
    const enSentences: string[] = [];
    for (let k = 1; k <= sentences; k++) {
      zhSentences.push(`商业银行应当在${(n + k) % 28 + 2}个工作日内向中国人民银行报送第${k}类业务情况，资本充足率不得低于${(n * k) % 90 + 5}%。`);
      enSentences.push(`Commercial banks shall report business of type ${k} to the People's Bank of China within ${(n + k) % 28 + 2} working days, and the capital adequacy ratio shall not be lower than ${(n * k) % 90 + 5}%.`);
    }
    zh.push(`第${toChineseNumeral(n)}条\u3000${zhSentences.join('')}`);
    en.push(`Article ${n} ${enSentences.join(' ')}`);
  }
  return { zh: zh.join('\n'), en: en.join('\n') };
}

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
}

function measure(name: string, zh: string, en: string): void {
  const analyses: number[] = [];
  const alignments: number[] = [];
  let pairs = 0;
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    const original = analyze(zh, knowledge);
    const translation = analyze(en, knowledge);
    const analysed = performance.now();
    const alignment = alignDocuments(original, translation, { glossary: knowledge.glossary });
    alignments.push(performance.now() - analysed);
    analyses.push(analysed - started);
    pairs = alignment.pairs.length;
  }
  const kb = (text: string) => `${Math.round(Buffer.byteLength(text) / 1024)} KB`;
  console.log(`${name.padEnd(28)} zh ${kb(zh).padStart(8)}  en ${kb(en).padStart(8)}  analysis ${median(analyses).toFixed(0).padStart(6)} ms  ` +
    `alignment ${median(alignments).toFixed(0).padStart(6)} ms (fastest ${Math.min(...alignments).toFixed(0)} ms)  ${pairs} pairs`);
}

measure('sample pair (samples/)', readFileSync('samples/notice-zh.notice', 'utf8'), readFileSync('samples/notice-en.notice', 'utf8'));
const five = syntheticPair(5, 100);
measure('synthetic, 500 clauses', five.zh, five.en);
if (process.argv.includes('--small')) process.exit(0);
const large = syntheticArticles(999, 12);
measure('synthetic, 999 articles', large.zh, large.en);

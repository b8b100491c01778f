import { cjkFont, type FontScript } from './cjk-fonts.js';
import type { Pdf } from './pdf-document.js';
import { scriptRuns } from './script-runs.js';

type Weight = 'body' | 'bold';
type TextOptions = PDFKit.Mixins.TextOptions;

/**
 * Registers the fonts `body` and `bold` and makes every `doc.text` of this document draw each
 * run of Japanese with Noto Sans JP, of Chinese that JP lacks with Noto Sans SC and the rest
 * with Noto Sans KR, as continued text (so
 * wrapping and alignment treat it as one paragraph). Renderers keep calling `font('body')`,
 * `font('bold')` and `text(...)` as usual; no character prints as a box because one font lacks it.
 */
export function printEveryScript(doc: Pdf): void {
  doc.registerFont('body', cjkFont('kr', 'regular'));
  doc.registerFont('bold', cjkFont('kr', 'bold'));
  // The Japanese and Chinese faces are read only by a document that has such text in it.
  const face = (base: Weight, script: FontScript) => {
    if (script === 'kr') return base;
    const name = `${base}-${script}`;
    if (!registered.has(name)) {
      doc.registerFont(name, cjkFont(script, base === 'body' ? 'regular' : 'bold'));
      registered.add(name);
    }
    return name;
  };
  const registered = new Set<string>();
  const font = doc.font.bind(doc) as (name: string) => Pdf;
  const text = doc.text.bind(doc) as (value: string, ...rest: unknown[]) => Pdf;
  let weight: Weight = 'body';
  doc.font = ((name: string, ...rest: unknown[]) => {
    if (name === 'body' || name === 'bold') weight = name;
    return (font as (...args: unknown[]) => Pdf)(name, ...rest);
  }) as Pdf['font'];
  doc.text = ((value: unknown, ...rest: unknown[]) => {
    const runs = scriptRuns(String(value ?? ''));
    if (runs.every((run) => run.script === 'kr')) return text(value as string, ...rest);
    const [x, y, options] =
      typeof rest[0] === 'number'
        ? (rest as [number, number, TextOptions?])
        : [undefined, undefined, rest[0] as TextOptions];
    const base = weight;
    runs.forEach((run, i) => {
      font(face(base, run.script));
      const last = i === runs.length - 1;
      const runOptions = { ...options, continued: last ? (options?.continued ?? false) : true };
      if (i === 0 && x !== undefined) text(run.text, x, y, runOptions);
      else text(run.text, runOptions);
    });
    font(base);
    return doc;
  }) as Pdf['text'];
}

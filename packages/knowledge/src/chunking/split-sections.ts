/** A run of text under one Markdown heading (the text before the first heading has none). */
export interface Section {
  readonly heading: string | null;
  readonly paragraphs: readonly string[];
}

const headingLine = /^ {0,3}#{1,6}[ \t]+\S/;
const fenceLine = /^ {0,3}(```|~~~)/;

/**
 * Splits Markdown (or plain text) at ATX headings (`#` … `######`, not inside code fences), then
 * each section's body at blank lines into paragraphs.
 */
export function splitSections(text: string): Section[] {
  const sections: { heading: string | null; lines: string[] }[] = [{ heading: null, lines: [] }];
  let fenced = false;
  for (const line of text.split('\n')) {
    if (fenceLine.test(line)) fenced = !fenced;
    if (!fenced && headingLine.test(line)) sections.push({ heading: line.trim(), lines: [] });
    else sections[sections.length - 1]?.lines.push(line);
  }
  return sections
    .map(({ heading, lines }) => ({ heading, paragraphs: paragraphsOf(lines.join('\n')) }))
    .filter((section) => section.heading !== null || section.paragraphs.length > 0);
}

function paragraphsOf(body: string): string[] {
  return body
    .split(/\n[ \t]*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '');
}

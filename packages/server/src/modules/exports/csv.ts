// CSV as spreadsheets on residents' committees' computers (Excel, WPS) open it: UTF-8 with a byte order
// mark (without it Excel guesses a legacy code page and garbles Chinese), CRLF line ends and RFC 4180
// quoting.

export type CsvCell = string | number | boolean | null | undefined;

export const byteOrderMark = '\uFEFF';

// A cell a spreadsheet would run as a formula (=, +, -, @, or a control character first) gets a leading
// apostrophe, so text a resident typed can never become a formula on a cadre's computer.
const formulaStart = /^[=+\-@\t\r]/;

function cell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? '是' : '否';
  const text = formulaStart.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(cells: readonly CsvCell[]): string {
  return `${cells.map(cell).join(',')}\r\n`;
}

/**
 * A CSV download streamed in pages: `pages` yields rows a page at a time, so a large community's
 * export never sits whole in memory.
 */
export function csvResponse(filename: string, header: readonly string[], pages: AsyncIterable<CsvCell[][]>): Response {
  const encoder = new TextEncoder();
  const iterator = pages[Symbol.asyncIterator]();
  let started = false;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(byteOrderMark + csvRow(header)));
        return;
      }
      const next = await iterator.next();
      if (next.done) {
        controller.close();
        return;
      }
      controller.enqueue(encoder.encode(next.value.map(csvRow).join('')));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
  return new Response(body, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${filename}"`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    },
  });
}

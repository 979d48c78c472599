/**
 * The executive report as PDF: report-<lang>.html printed by headless Chromium (playwright-core,
 * imported only here and only when a PDF is asked for, so a run without --pdf needs no browser).
 * A4, backgrounds printed; the report's print CSS keeps figures, tables and quotes whole.
 *
 * The browser: `chromium` (--chromium PATH), else ECOUTE_CHROMIUM, else the first of the usual
 * system paths that exists. The page may read local files only: every other request is refused.
 * PDFs carry Chromium's creation date, so unlike the HTML they are not byte-identical across runs.
 */
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { EcouteError } from '../../run/errors.ts';
import { writeFileAtomic } from '../atomic-write.ts';

/** Where Chromium usually is when no path is given (Debian/Ubuntu packages, Chrome). */
export const SYSTEM_CHROMIUMS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'] as const;

const INSTALL_HINT =
  'To print PDFs ecoute needs playwright-core (npm i playwright-core) and a Chromium (apt-get install chromium); ' +
  'choose the executable with --chromium PATH or the ECOUTE_CHROMIUM environment variable.';

export interface PdfOptions {
  /** Chromium executable (--chromium); default: ECOUTE_CHROMIUM, then SYSTEM_CHROMIUMS */
  readonly chromium?: string;
}

/** The Chromium executable to launch, or a clear error naming where it was looked for. */
export function resolveChromium(opts: PdfOptions, env: NodeJS.ProcessEnv = process.env): string {
  const chosen = opts.chromium ?? env.ECOUTE_CHROMIUM;
  if (chosen !== undefined && chosen !== '') {
    const from = opts.chromium !== undefined ? '--chromium' : 'ECOUTE_CHROMIUM';
    if (!existsSync(chosen)) throw new EcouteError(`${from} ${chosen}: no such file. ${INSTALL_HINT}`);
    return chosen;
  }
  const found = SYSTEM_CHROMIUMS.find((p) => existsSync(p));
  if (found === undefined) throw new EcouteError(`no Chromium found (looked for ${SYSTEM_CHROMIUMS.join(', ')}). ${INSTALL_HINT}`);
  return found;
}

/** Pages of a PDF written by Chromium: its page objects (/Type /Page, not /Pages). */
export function pdfPageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;
}

type Playwright = typeof import('playwright-core');

async function loadPlaywright(): Promise<Playwright> {
  try {
    return await import('playwright-core');
  } catch (error) {
    throw new EcouteError(`playwright-core is not installed (${error instanceof Error ? error.message.split('\n')[0] : String(error)}). ${INSTALL_HINT}`);
  }
}

/** Prints each HTML file to the PDF beside it (same name, .pdf); returns the PDFs and their page counts. */
export async function printPdfs(htmlFiles: readonly string[], opts: PdfOptions = {}): Promise<Array<{ file: string; pages: number }>> {
  const executablePath = resolveChromium(opts);
  const { chromium } = await loadPlaywright();
  let browser;
  try {
    browser = await chromium.launch({ executablePath, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  } catch (error) {
    throw new EcouteError(`${executablePath}: Chromium did not start (${error instanceof Error ? error.message.split('\n')[0] : String(error)}). ${INSTALL_HINT}`);
  }
  try {
    const out: Array<{ file: string; pages: number }> = [];
    for (const html of htmlFiles) {
      const page = await browser.newPage();
      await page.route('**/*', (route) => (route.request().url().startsWith('file://') ? route.continue() : route.abort()));
      await page.goto(pathToFileURL(html).href, { waitUntil: 'load' });
      const file = html.replace(/\.html$/, '.pdf');
      const pdf = await page.pdf({ format: 'A4', printBackground: true, margin: { top: '16mm', bottom: '16mm', left: '14mm', right: '14mm' } });
      await page.close();
      writeFileAtomic(file, pdf);
      out.push({ file, pages: pdfPageCount(pdf) });
    }
    return out;
  } finally {
    await browser.close();
  }
}

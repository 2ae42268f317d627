/**
 * Writes shared/phone/generated/metadata.cis.json, the metadata cut of the
 * content-script phone module, from the installed libphonenumber-js `max`
 * metadata. Runs on `npm install` (postinstall) and via `npm run build:phone-metadata`.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import maxMetadata from 'libphonenumber-js/metadata.max.json';
import { format, resolveConfig } from 'prettier';
import { CONTENT_SCRIPT_COUNTRIES } from '../../shared/phone/cut-countries';
import { cutMetadata } from './cut-metadata';

const outputPath = fileURLToPath(
  new URL('../../shared/phone/generated/metadata.cis.json', import.meta.url),
);

async function readExisting(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

const cut = cutMetadata(maxMetadata, CONTENT_SCRIPT_COUNTRIES);
// Formatted like every other file so `npm run format:check` passes on the generated one too.
const json = await format(JSON.stringify(cut), {
  ...(await resolveConfig(outputPath)),
  filepath: outputPath,
});
const shown = relative(process.cwd(), outputPath);
if ((await readExisting(outputPath)) === json) {
  console.log(`${shown} is up to date`);
} else {
  await mkdir(dirname(outputPath), { recursive: true });
  await writeFile(outputPath, json);
  console.log(`wrote ${shown}: ${Object.keys(cut.countries).join(', ')}, ${json.length} bytes`);
}

export interface SizedFile {
  name: string;
  bytes: number;
}

export function formatSize(bytes: number): string {
  return bytes < 1024 * 1024
    ? `${(bytes / 1024).toFixed(1)} KiB`
    : `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

/** A two-column table of file names and sizes. */
export function printSizes(
  files: readonly SizedFile[],
  write = (line: string) => console.log(line),
): void {
  const width = Math.max(...files.map((file) => file.name.length), 4);
  for (const file of files)
    write(`  ${file.name.padEnd(width)}  ${formatSize(file.bytes).padStart(10)}`);
}

import { execFile } from 'node:child_process';
import { lstatSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export interface WineResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** A wine that can run the Windows executable (Node 24 needs wine 9 or newer). */
export interface WineRunner {
  label: string;
  run(exe: string, args: readonly string[], timeoutMs?: number): Promise<WineResult>;
  /**
   * Wall times in milliseconds of `runs` runs one after another, after one run that starts
   * wineserver, so the figures are the program's start rather than wine's.
   */
  timeRuns(exe: string, args: readonly string[], runs: number): Promise<number[]>;
}

export interface WineSearch {
  wine?: WineRunner;
  /** Wines found that cannot run Node 24, with the reason. */
  unusable: string[];
}

export const DEFAULT_WINE_ROOT = '/var/cache/courier-telephony/wine-sid';
const MIN_WINE_MAJOR = 9;

function exec(
  file: string,
  args: readonly string[],
  timeoutMs: number,
  env: NodeJS.ProcessEnv = process.env,
): Promise<WineResult> {
  return new Promise((resolve) => {
    execFile(
      file,
      [...args],
      { timeout: timeoutMs, maxBuffer: 8 * 1024 * 1024, env },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
        resolve({ code, stdout, stderr: error !== null && stderr === '' ? error.message : stderr });
      },
    );
  });
}

/** The environment for a Windows program: host paths such as NODE_EXTRA_CA_CERTS mean nothing to it. */
function windowsEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.NODE_EXTRA_CA_CERTS;
  delete env.NODE_OPTIONS;
  return env;
}

/**
 * Inside the root: the command line is `wine64 EXE ARGS`, run `$CT_RUNS` times after a
 * warm-up when CT_RUNS is set (printing each wall time in ns), else once with its output
 * passed on. Output goes through files because wine hands Node a Unix pipe it cannot open
 * (EBADF). wineserver is waited for, so nothing outlives the run.
 */
const IN_ROOT = `
mount -t proc proc /proc || exit 125
export WINEPREFIX=/opt/wineprefix WINEDEBUG=-all XDG_RUNTIME_DIR=/tmp HOME=/root
export PATH="$PATH:/usr/lib/x86_64-linux-gnu/wine"
out=$(mktemp) err=$(mktemp)
cd /mnt
if [ -n "$CT_RUNS" ]; then
  wine64 "$@" >"$out" 2>"$err"
  i=0
  while [ "$i" -lt "$CT_RUNS" ]; do
    start=$(date +%s%N); wine64 "$@" >"$out" 2>"$err"; end=$(date +%s%N)
    echo $((end - start)); i=$((i + 1))
  done
  code=0
else
  wine64 "$@" >"$out" 2>"$err"; code=$?
  cat "$out"; cat "$err" >&2
fi
rm -f "$out" "$err"
wineserver -w
exit $code
`;

/**
 * wine 10 in the Debian sid root that scripts/package/setup-package-tools.sh --wine builds.
 * The executable's folder is bound into the root in a private mount namespace, so nothing
 * is copied and no mount outlives the run.
 */
function chrootWine(root: string): WineRunner {
  const outer = [
    'dir="$1"; root="$2"; name="$3"; shift 3',
    'mount --bind "$dir" "$root/mnt" || exit 125',
    'exec chroot "$root" sh -c "$CT_IN_ROOT" wine "/mnt/$name" "$@"',
  ].join('\n');
  const invoke = (
    exe: string,
    args: readonly string[],
    runs: number | undefined,
    timeoutMs: number,
  ) =>
    exec(
      'unshare',
      ['--mount', '--fork', 'sh', '-c', outer, 'sh', dirname(exe), root, basename(exe), ...args],
      timeoutMs,
      { ...windowsEnv(), CT_IN_ROOT: IN_ROOT, CT_RUNS: runs === undefined ? '' : String(runs) },
    );
  return {
    label: `wine in ${root}`,
    run: (exe, args, timeoutMs = 120_000) => invoke(exe, args, undefined, timeoutMs),
    timeRuns: async (exe, args, runs) => {
      const result = await invoke(exe, args, runs, 300_000);
      if (result.code !== 0) throw new Error(`timing under wine failed: ${result.stderr}`);
      return result.stdout
        .trim()
        .split('\n')
        .map((ns) => Number(ns) / 1e6);
    },
  };
}

function isSymlinkOrFile(path: string): boolean {
  try {
    return !lstatSync(path).isDirectory();
  } catch {
    return false;
  }
}

function hostWine(file: string): WineRunner {
  const run = (exe: string, args: readonly string[], timeoutMs = 120_000) =>
    exec(file, [exe, ...args], timeoutMs, windowsEnv());
  return {
    label: file,
    run,
    timeRuns: async (exe, args, runs) => {
      await run(exe, args);
      const times: number[] = [];
      for (let index = 0; index < runs; index++) {
        const started = performance.now();
        await run(exe, args);
        times.push(performance.now() - started);
      }
      return times;
    },
  };
}

/**
 * The first usable wine: the sid root (CT_WINE_ROOT or the default), then wine64/wine on
 * this system when it is version 9 or newer.
 */
export async function findWine(env: NodeJS.ProcessEnv = process.env): Promise<WineSearch> {
  const root = env.CT_WINE_ROOT || DEFAULT_WINE_ROOT;
  // usr/bin/wine64 is an absolute symlink that resolves only inside the root.
  if (isSymlinkOrFile(join(root, 'usr', 'bin', 'wine64'))) {
    return { wine: chrootWine(root), unusable: [] };
  }
  const unusable: string[] = [];
  for (const candidate of ['wine64', '/usr/lib/wine/wine64', 'wine']) {
    const version = await exec(candidate, ['--version'], 10_000);
    if (version.code !== 0) continue;
    const major = Number(/wine-(\d+)/.exec(version.stdout)?.[1] ?? 0);
    if (major >= MIN_WINE_MAJOR) return { wine: hostWine(candidate), unusable };
    unusable.push(
      `${candidate} is ${version.stdout.trim()}, which cannot run Node 24 (wine ${MIN_WINE_MAJOR} or newer can)`,
    );
  }
  return { unusable };
}

/** What the user's session starts at logon. */
export interface AutostartEntry {
  /** The executable's absolute path, then its arguments. */
  command: readonly string[];
  /** Start it now too; false when the configuration was only just created from the example. */
  startNow: boolean;
}

/** One OS's way to start the helper with the user's session. */
export interface Autostart {
  /** The file or registry value that holds the registration, for messages. */
  readonly location: string;
  /** Registers (or re-registers) the entry; resolves with lines telling what was done. */
  install(entry: AutostartEntry): Promise<string[]>;
  /** Removes everything `install` made; resolves with lines telling what was done. */
  uninstall(): Promise<string[]>;
}

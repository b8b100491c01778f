/**
 * Mode for files the CLI writes that may hold witness identities or what was imported about
 * them (exports, import rejects): readable by their owner only, whatever the umask allows.
 */
export const PRIVATE_FILE_MODE = 0o600;

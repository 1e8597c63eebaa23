/**
 * How long one database read may take on two busy cores (CI, other suites alongside). Caches
 * promise "within the TTL plus one read of the database"; tests allow the read this much.
 */
export const ONE_READ_ON_BUSY_CORES_MS = 2_000

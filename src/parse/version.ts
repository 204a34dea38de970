// The schema version rule, once: the parser's diagnostics and the zod schema both read it.

const SEMVER = /^(\d+)\.(\d+)\.(\d+)(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;

export interface VersionReading {
  /** The major version, also from loose spellings such as "v1" or "1.0"; `null` when none can be read. */
  major: number | null;
  /** Whether the string is MAJOR.MINOR.PATCH (pre-release and build parts allowed). */
  semver: boolean;
}

export function readVersion(version: string): VersionReading {
  const semver = SEMVER.exec(version);
  if (semver) return { major: Number(semver[1]), semver: true };
  const loose = /^\s*[vV]?(\d+)(?:$|[.\s-])/.exec(version);
  return { major: loose ? Number(loose[1]) : null, semver: false };
}

/** A 1.x version written MAJOR.MINOR.PATCH: what parseWidget reads without a diagnostic. */
export function isSupportedVersion(version: string): boolean {
  const { major, semver } = readVersion(version);
  return semver && major === 1;
}

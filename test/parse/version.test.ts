import { describe, expect, test } from "vitest";
import { isSupportedVersion, readVersion } from "../../src/parse/version.js";

describe("readVersion", () => {
  test.each([
    ["1.0.0", 1],
    ["0.9.1", 0],
    ["12.0.3", 12],
    ["1.2.3-beta.1", 1],
    ["1.2.3+build.5", 1],
    ["1.2.3-rc.1+build-5", 1],
  ])("%j is MAJOR.MINOR.PATCH with major %d", (version, major) => {
    expect(readVersion(version)).toEqual({ major, semver: true });
  });

  test.each([
    ["v1", 1],
    ["V2.0", 2],
    ["1.0", 1],
    ["1", 1],
    ["12.0", 12],
    [" 3", 3],
    ["  v4 ", 4],
    ["1 beta", 1],
    ["1\tbeta", 1],
    ["2-rc", 2],
    ["1.0.0.0", 1],
    ["1.0.0-", 1],
  ])("%j is loose, read as major %d", (version, major) => {
    expect(readVersion(version)).toEqual({ major, semver: false });
  });

  test.each(["", "latest", "v", "x2.0", "version 2", "1a", "2024abc", "vv1", ".1.0"])("%j has no major to read", (version) => {
    expect(readVersion(version)).toEqual({ major: null, semver: false });
  });
});

describe("isSupportedVersion", () => {
  test.each(["1.0.0", "1.9.12", "1.0.0-beta.1", "1.0.0+abc"])("%j is supported", (version) => {
    expect(isSupportedVersion(version)).toBe(true);
  });

  test.each(["2.0.0", "0.9.1", "1.0", "1", "v1", "v1.0.0", "latest", ""])("%j is not", (version) => {
    expect(isSupportedVersion(version)).toBe(false);
  });
});

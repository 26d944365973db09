import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findOnPath, isExecutable, linkIntoProject, machineBinDir, machineCacheDir, projectBinDir } from './tool-cache';

// Temporal's time-skipping test server ships with the Java SDK. The TypeScript SDK downloads a
// native build of it from GitHub, which fails offline; the same server is on Maven Central.
export const TEMPORAL_TEST_SERVER_ARTIFACT = { groupId: 'io.temporal', artifactId: 'temporal-test-server', version: '1.31.0' };
const { groupId, artifactId, version } = TEMPORAL_TEST_SERVER_ARTIFACT;
const coordinates = `${groupId}:${artifactId}:${version}`;

export const NO_TEMPORAL_TEST_SERVER =
  'No Temporal time-skipping test server could be found or built: install Java 17 and Maven (then it is built ' +
  'from Maven Central automatically), or set TEMPORAL_TEST_SERVER_PATH to an executable that takes the port as its first argument.';

// Versioned, so a cache made for another version is never taken for this one.
const binaryName = `temporal-test-server-${version}`;
const machineBin = path.join(machineBinDir, binaryName);
const jarsDir = path.join(machineCacheDir, binaryName, 'lib');

type Log = (message: string) => void;

/**
 * Finds the time-skipping test server: $TEMPORAL_TEST_SERVER_PATH, then the project's and the
 * machine's caches, then a build from Maven Central (its jars, and a launcher that runs them).
 * Returns undefined without Java and Maven, so the caller may let the SDK download its own build
 * (which needs internet access).
 */
export function resolveTemporalTestServer(log: Log = () => {}): string | undefined {
  const explicit = process.env.TEMPORAL_TEST_SERVER_PATH;
  if (explicit) {
    if (!isExecutable(explicit)) throw new Error(`TEMPORAL_TEST_SERVER_PATH=${explicit} is not an executable file.`);
    return explicit;
  }
  const found = [path.join(projectBinDir, binaryName), machineBin].find(isExecutable);
  if (found) return linkIntoProject(found);
  if (!findOnPath('java') || !findOnPath('mvn')) return undefined;

  log(`Fetching the Temporal time-skipping test server (${coordinates}) with Maven...`);
  buildFromMaven();
  return linkIntoProject(machineBin);
}

/**
 * Copies the server's jars into the machine cache and writes its launcher there. Each step lands
 * by a rename, so a build running at the same time elsewhere on the machine never sees half of one.
 */
function buildFromMaven(): void {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'taskwright-test-server-'));
  try {
    const pom = path.join(scratch, 'pom.xml');
    fs.writeFileSync(pom, pomFor());
    const jars = path.join(scratch, 'lib');
    const copy = spawnSync('mvn', ['-q', '-B', '-f', pom, 'dependency:copy-dependencies', `-DoutputDirectory=${jars}`, '-DincludeScope=runtime'], {
      encoding: 'utf8',
    });
    if (copy.status !== 0 || !fs.existsSync(path.join(jars, `${artifactId}-${version}.jar`))) {
      throw new Error(`Maven could not fetch ${coordinates}:\n${copy.stdout}${copy.stderr}\n${NO_TEMPORAL_TEST_SERVER}`);
    }
    fs.mkdirSync(path.dirname(jarsDir), { recursive: true });
    if (!fs.existsSync(jarsDir)) renameUnlessTaken(jars, jarsDir);

    const launcher = path.join(scratch, binaryName);
    fs.writeFileSync(launcher, launcherScript(), { mode: 0o755 });
    fs.mkdirSync(machineBinDir, { recursive: true });
    fs.renameSync(launcher, machineBin);
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

function renameUnlessTaken(from: string, to: string): void {
  try {
    fs.renameSync(from, to);
  } catch (error) {
    // Another build put it there first: theirs is as good as ours.
    if (!fs.existsSync(to)) throw error;
  }
}

/** A project that depends on the server alone, for `mvn dependency:copy-dependencies`. */
function pomFor(): string {
  return `<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>taskwright</groupId>
  <artifactId>temporal-test-server-launcher</artifactId>
  <version>${version}</version>
  <dependencies>
    <dependency><groupId>${groupId}</groupId><artifactId>${artifactId}</artifactId><version>${version}</version></dependency>
  </dependencies>
</project>
`;
}

/**
 * Takes what the SDK passes its native build (`<port> [args]`). `exec`, because the SDK stops
 * the server by killing the process it started, which must be the JVM itself. The client
 * compiler alone and the serial collector start it fastest: the SDK waits only 5 s for the port.
 */
function launcherScript(): string {
  return `#!/bin/sh
exec java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp '${jarsDir}/*' io.temporal.testserver.TestServer "$@"
`;
}

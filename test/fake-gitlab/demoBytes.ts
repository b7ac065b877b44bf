/**
 * File contents for the demo registry: binaries of a believable size that start as their format
 * does (a zip or gzip header) and are the same on every run, and the small text files a
 * registry really holds (a POM, Maven metadata, a conanfile).
 */
import { createHash } from 'node:crypto';

const ZIP = Buffer.from('504b0304140008000800', 'hex');
const GZIP = Buffer.from('1f8b08000000000000ff', 'hex');

/** `size` bytes that look like `fileName`'s format, the same for the same name and size. */
export function binary(fileName: string, size: number): Buffer {
  const out = Buffer.alloc(size);
  const words = new Uint32Array(out.buffer, out.byteOffset, Math.floor(size / 4));
  // xorshift32 from the name: repeatable, and fast enough for tens of megabytes.
  let x = createHash('sha1').update(fileName).digest().readUInt32LE(0) || 1;
  for (let i = 0; i < words.length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    words[i] = x >>> 0;
  }
  const magic = /\.(jar|whl|nupkg|snupkg|zip)$/.test(fileName) ? ZIP : /(\.tgz|\.tar\.gz)$/.test(fileName) ? GZIP : undefined;
  magic?.copy(out, 0);
  return out;
}

/** `sha256  name` lines, as `sha256sum` writes them. */
export function sha256sums(files: readonly { fileName: string; content: Buffer }[]): string {
  return files.map((f) => `${createHash('sha256').update(f.content).digest('hex')}  ${f.fileName}\n`).join('');
}

export function pom(groupId: string, artifactId: string, version: string, description: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
  <modelVersion>4.0.0</modelVersion>
  <groupId>${groupId}</groupId>
  <artifactId>${artifactId}</artifactId>
  <version>${version}</version>
  <packaging>jar</packaging>
  <description>${description}</description>
  <properties>
    <maven.compiler.release>21</maven.compiler.release>
  </properties>
  <dependencies>
    <dependency>
      <groupId>com.fasterxml.jackson.core</groupId>
      <artifactId>jackson-databind</artifactId>
      <version>2.17.2</version>
    </dependency>
  </dependencies>
</project>
`;
}

/** A snapshot's `maven-metadata.xml`: `stamp` is the build's `yyyyMMdd.HHmmss`. */
export function snapshotMetadata(groupId: string, artifactId: string, version: string, stamp: string, build: number): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<metadata modelVersion="1.1.0">
  <groupId>${groupId}</groupId>
  <artifactId>${artifactId}</artifactId>
  <version>${version}</version>
  <versioning>
    <snapshot><timestamp>${stamp}</timestamp><buildNumber>${build}</buildNumber></snapshot>
    <lastUpdated>${stamp.replace('.', '')}</lastUpdated>
  </versioning>
</metadata>
`;
}

export function conanfile(name: string, version: string): string {
  return `from conan import ConanFile
from conan.tools.cmake import CMake, cmake_layout


class EdgeSdkConan(ConanFile):
    name = "${name}"
    version = "${version}"
    license = "Apache-2.0"
    settings = "os", "compiler", "build_type", "arch"
    generators = "CMakeToolchain", "CMakeDeps"
    exports_sources = "CMakeLists.txt", "src/*", "include/*"

    def layout(self):
        cmake_layout(self)

    def build(self):
        cmake = CMake(self)
        cmake.configure()
        cmake.build()

    def package(self):
        CMake(self).install()
`;
}

/**
 * Test certificates made at run time with the openssl CLI: a private CA, leaf certificates it
 * signs (valid for 127.0.0.1/localhost, expired, not yet valid, for the wrong host name) and a
 * self-signed leaf. Nothing is checked in; each run gets fresh keys in a temp folder.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Leaf {
  key: string;
  cert: string;
}

export interface TestCerts {
  dir: string;
  /** Path of the CA's PEM (what a user puts in caFile). */
  caFile: string;
  ca: string;
  /** Signed by the CA, for 127.0.0.1 and localhost. */
  valid: Leaf;
  expired: Leaf;
  notYetValid: Leaf;
  wrongHost: Leaf;
  selfSigned: Leaf;
  /** Another CA, which signed nothing here. */
  otherCaFile: string;
  cleanup(): void;
}

const EC = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];

export function makeTestCerts(): TestCerts {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
  } catch {
    throw new Error('The TLS tests need the openssl command-line tool (Debian: apt-get install openssl).');
  }
  const dir = mkdtempSync(join(tmpdir(), 'gitlab-packages-tls-'));
  const p = (name: string): string => join(dir, name);
  const openssl = (...args: string[]): void => void execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });

  writeFileSync(
    p('openssl.cnf'),
    `[ req ]
distinguished_name = dn
prompt = no
[ dn ]
CN = placeholder
[ v3_ca ]
basicConstraints = critical,CA:TRUE
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
[ ca ]
default_ca = test_ca
[ test_ca ]
database = ${p('index.txt')}
new_certs_dir = ${dir}
serial = ${p('serial')}
default_md = sha256
policy = any
unique_subject = no
[ any ]
commonName = supplied
`,
  );
  writeFileSync(p('index.txt'), '');
  writeFileSync(p('serial'), '1000\n');
  const makeCa = (name: string, cn: string): void =>
    openssl(
      'req',
      '-x509',
      '-config',
      p('openssl.cnf'),
      '-extensions',
      'v3_ca',
      ...EC,
      '-keyout',
      p(`${name}.key`),
      '-out',
      p(`${name}.pem`),
      '-days',
      '2',
      '-subj',
      `/CN=${cn}`,
    );
  makeCa('ca', 'GitLab Packages Test CA');
  makeCa('other-ca', 'Unrelated Test CA');

  const leaf = (name: string, san: string, dates: string[]): Leaf => {
    writeFileSync(p(`${name}.ext`), `basicConstraints = CA:FALSE\nkeyUsage = digitalSignature\nextendedKeyUsage = serverAuth\nsubjectAltName = ${san}\n`);
    openssl('req', '-new', '-config', p('openssl.cnf'), ...EC, '-keyout', p(`${name}.key`), '-out', p(`${name}.csr`), '-subj', `/CN=${name}`);
    openssl(
      'ca',
      '-batch',
      '-config',
      p('openssl.cnf'),
      '-cert',
      p('ca.pem'),
      '-keyfile',
      p('ca.key'),
      '-in',
      p(`${name}.csr`),
      '-out',
      p(`${name}.pem`),
      '-extfile',
      p(`${name}.ext`),
      '-notext',
      ...dates,
    );
    return { key: readFileSync(p(`${name}.key`), 'utf8'), cert: readFileSync(p(`${name}.pem`), 'utf8') };
  };
  const local = 'DNS:localhost,IP:127.0.0.1';
  const valid = leaf('valid', local, ['-days', '2']);
  const expired = leaf('expired', local, ['-startdate', '20200101000000Z', '-enddate', '20200102000000Z']);
  const notYetValid = leaf('notyet', local, ['-startdate', '20990101000000Z', '-enddate', '20991231000000Z']);
  const wrongHost = leaf('wronghost', 'DNS:wrong.example', ['-days', '2']);

  writeFileSync(
    p('self.ext'),
    `[ req ]\ndistinguished_name = dn\nprompt = no\n[ dn ]\nCN = self\n[ leaf ]\nbasicConstraints = CA:FALSE\nsubjectAltName = ${local}\n`,
  );
  openssl('req', '-x509', '-config', p('self.ext'), '-extensions', 'leaf', ...EC, '-keyout', p('self.key'), '-out', p('self.pem'), '-days', '2');
  const selfSigned = { key: readFileSync(p('self.key'), 'utf8'), cert: readFileSync(p('self.pem'), 'utf8') };

  return {
    dir,
    caFile: p('ca.pem'),
    ca: readFileSync(p('ca.pem'), 'utf8'),
    valid,
    expired,
    notYetValid,
    wrongHost,
    selfSigned,
    otherCaFile: p('other-ca.pem'),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

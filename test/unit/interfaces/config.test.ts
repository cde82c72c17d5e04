// `interfaces:` in .sectrace.yaml: defaults, every problem at its line, patterns that could hang the
// scan refused, and custom detectors that run bounded.
// @verifies ST-20, ST-3
import { strict as assert } from 'node:assert';
import { DEFAULT_CONFIG, parseConfig } from '../../../src/core/config';
import { patternProblem } from '../../../src/core/interfaces';
import { scanText } from '../../../src/core/scan/file';
import { contextFor, interfacesOf, lines, names } from './helpers';

/** `line: message` (1-based line) of each problem, with its fatality. */
function problems(text: string): string[] {
  return parseConfig(text).problems.map((p) => `${p.range.start.line + 1}${p.fatal ? '' : ' (warning)'}: ${p.message}`);
}

describe('interfaces: configuration', () => {
  it('defaults: exposure, implications and assets are required; no custom detectors', () => {
    assert.deepEqual(DEFAULT_CONFIG.interfaces, { required: ['exposure', 'implications', 'assets'], detectors: [] });
    assert.equal(DEFAULT_CONFIG.severity['interface-missing-context'], 'warning');
    assert.equal(DEFAULT_CONFIG.severity['interface-incomplete-context'], 'warning');
    assert.equal(DEFAULT_CONFIG.severity['interface-invalid-exposure'], 'error');
    assert.equal(DEFAULT_CONFIG.severity['interface-unknown-field'], 'warning');
    assert.equal(DEFAULT_CONFIG.severity['external-interface-no-threat'], 'warning');
  });

  it('reads required fields and detectors', () => {
    const { config, problems: found } = parseConfig(lines(
      'interfaces:',
      '  required: [exposure, assets, threats]',
      '  detectors:',
      '    - name: hl7-listener',
      '      kind: socket',
      '      languages: [java, kotlin]',
      '      pattern: \'new\\s+HL7Service\\(\\s*(?<route>\\d+)\'',
      '    - name: pump-cli',
      '      glob: "tools/**/*.py"',
      '      pattern: \'add_parser\\(\\s*"(?<name>[^"]+)"\'',
      'severity: { interface-missing-context: error }',
    ));
    assert.deepEqual(found, []);
    assert.deepEqual(config.interfaces.required, ['exposure', 'assets', 'threats']);
    assert.deepEqual(config.interfaces.detectors, [
      { name: 'hl7-listener', kind: 'socket', languages: ['java', 'kotlin'], pattern: 'new\\s+HL7Service\\(\\s*(?<route>\\d+)' },
      { name: 'pump-cli', kind: 'custom', glob: ['tools/**/*.py'], pattern: 'add_parser\\(\\s*"(?<name>[^"]+)"' },
    ]);
    assert.equal(config.severity['interface-missing-context'], 'error');
  });

  it('every problem names its line', () => {
    assert.deepEqual(problems(lines(
      'interfaces:',
      '  required: [exposure, impact]',
      '  colour: blue',
      '  detectors:',
      '    - name: ok',
      '      pattern: "serial\\\\.open\\\\("',
      '    - name: ok',
      '      pattern: "usb\\\\.open\\\\("',
      '    - kind: Socket',
      '      pattern: "x"',
      '    - name: langs',
      '      languages: [java, cobol]',
      '      pattern: "listen\\\\("',
      '    - name: nopattern',
      '      flavour: 1',
    )), [
      '2: unknown interface field `impact` in `interfaces.required` (known fields: exposure, implications, assets, trust-boundary, threats, access, safeguards)',
      '3 (warning): unknown key `interfaces.colour` (known keys: required, detectors)',
      '7: a detector named `ok` is already defined',
      '9: a detector needs a `name`: letters, digits, `_`, `.` and `-`, starting with a letter',
      '9: the `kind` of the detector must be a lower-case word such as http, socket, serial, ble, cli',
      '12: unknown language `cobol` in detector `langs` (known: typescript, javascript, java, kotlin, c, cpp, csharp, go, rust, swift, python, ruby, shell, yaml, sql, html, xml, php, scala, dart, lua, powershell, css, scss, toml, protobuf, makefile, dockerfile, groovy, hcl, r)',
      '15 (warning): unknown key `flavour` in a detector (known keys: name, kind, languages, glob, pattern)',
      '14: detector `nopattern` needs a `pattern`: a regular expression tested on each line',
    ]);
    assert.deepEqual(problems('interfaces: [x]'), ['1: `interfaces` must be a mapping with `required` (a list of fields) and `detectors` (a list of custom detectors)']);
  });

  it('patterns that could hang the scan are refused at load, with the line named', () => {
    const cases: [string, RegExp][] = [
      ['(a+)+$', /nested quantifiers/],
      ['(\\w+\\s?)*x', /nested quantifiers/],
      ['(a|a)*b', /holds alternatives/],
      ['(?:GET|POST)+ /x', /holds alternatives/],
      ['(\\w+)=\\1', /backreferences/],
      ['(?<q>[\'"]).*\\k<q>', /backreferences/],
      ['.*register.*\\(', /polynomial/],
      ['\\w+\\s*\\w+\\(', /polynomial/],
      [`x${'y'.repeat(200)}`, /longer than 200/],
      ['[unclosed', /not a valid regular expression/],
      ['\\s*', /matches an empty line/],
    ];
    for (const [pattern, message] of cases) {
      const found = problems(lines('interfaces:', '  detectors:', '    - name: bad', `      pattern: ${JSON.stringify(pattern)}`));
      assert.equal(found.length, 1, `${pattern}: ${found.join('; ')}`);
      assert.match(found[0], /^4: the pattern of detector `bad` is refused: /, pattern);
      assert.match(found[0], message, pattern);
      assert.deepEqual(parseConfig(lines('interfaces:', '  detectors:', '    - name: bad', `      pattern: ${JSON.stringify(pattern)}`)).config.interfaces.detectors, []);
    }
  });

  it('ordinary patterns pass the safety check', () => {
    for (const pattern of [
      'new\\s+HL7Service\\(\\s*(?<route>\\d+)',
      'registerHandler\\(\\s*\'(?<route>[^\']*)\'',
      '(?<name>\\w+)\\s*=\\s*new\\s+BleServer\\(',
      '(?:GET|POST)\\s+(?<route>/\\S*)',
      '^\\s*@Command\\(\\s*name\\s*=\\s*"(?<name>[^"]+)"',
      'serial\\.Serial\\(',
      '(?=.*port).*listen\\(',
    ]) assert.equal(patternProblem(pattern), undefined, pattern);
  });
});

describe('interfaces: custom detectors', () => {
  const config = lines(
    'interfaces:',
    '  detectors:',
    '    - name: hl7-listener',
    '      kind: socket',
    '      languages: [java]',
    "      pattern: 'new\\s+HL7Service\\(\\s*(?<route>\\d+)'",
    '    - name: pump-cli',
    '      kind: cli',
    '      glob: "tools/**"',
    "      pattern: 'add_parser\\(\\s*\"(?<name>[^\"]+)\"'",
    '    - name: ble',
    '      kind: ble',
    "      pattern: '(?<method>notify|write)Characteristic\\(\\s*\"(?<route>[0-9a-f-]+)\"'",
  );

  it('find what their pattern matches, in their languages and globs, outside comments and strings', () => {
    const java = lines(
      'class Feeds {',
      '  // @exposure internal',
      '  HL7Service adt = new HL7Service(2575, handler);',
      '  // HL7Service old = new HL7Service(2600, handler);',
      '  String doc = "new HL7Service(2700)";',
      '}',
    );
    assert.deepEqual(names('src/main/java/Feeds.java', java, config), ['hl7-listener 2575 @3']);
    const [adt] = interfacesOf('src/main/java/Feeds.java', java, config);
    assert.deepEqual([adt.kind, adt.detector, adt.route, adt.annotation?.fields[0].value], ['socket', 'hl7-listener', '2575', 'internal']);
    assert.deepEqual(names('src/feeds.py', 'x = new HL7Service(2575)\n', config), [], 'not a Java file');
    const cli = lines('sub = parser.add_subparsers()', 'sub.add_parser("sign", help="sign a release")', 'sub.add_parser("verify")');
    assert.deepEqual(names('tools/signer/cli.py', cli, config), ['pump-cli sign @2', 'pump-cli verify @3']);
    assert.deepEqual(names('src/cli.py', cli, config), [], 'outside the glob');
    assert.deepEqual(names('src/ble.ts', 'gatt.writeCharacteristic("2a37-0001", value);\n', config), ['ble WRITE 2a37-0001 @1']);
  });

  it('a hostile file cannot make a custom detector slow: lines are capped and tested one at a time', () => {
    // The worst pattern the safety check lets through, against lines built to make it backtrack.
    const hostile = lines('interfaces:', '  detectors:', '    - name: slow', "      pattern: '[a-z]+=.*;'");
    const long = `${'a'.repeat(20_000)}=${'b'.repeat(20_000)}`;
    const text = Array.from({ length: 200 }, () => long).join('\n');
    const started = Date.now();
    assert.deepEqual(names('src/hostile.ts', text, hostile), []);
    const elapsed = Date.now() - started;
    assert.ok(elapsed < 2000, `took ${elapsed} ms`);
    // The same pattern on an uncapped line would try every start against the whole 40,000 characters.
  });

  it('a pattern refused by the safety check is never run, even when handed over without the loader', () => {
    const config = { ...DEFAULT_CONFIG, interfaces: { required: DEFAULT_CONFIG.interfaces.required, detectors: [{ name: 'evil', kind: 'custom', pattern: '(a+)+$' }] } };
    const started = Date.now();
    const facts = scanText('src/evil.ts', `${'a'.repeat(40)}!\n`, contextFor(config));
    assert.equal(facts.interfaces, undefined);
    assert.ok(Date.now() - started < 1000);
  });
});

// ThreatSpec annotations: the README's examples as a workspace (fixture), ThreatSpec's ID rules, every
// annotation, how definitions merge, and findings for annotations ThreatSpec cannot parse.
// @verifies ST-33, ST-36
import { strict as assert } from 'node:assert';
import { joinLines } from '../../support/text';
import { findingKeys, messages, readFixture, scan, textAt, trace } from './helpers';

const YAML = 'importers: [threatspec]\nprefixes: { THR: threat, MIT: mitigation, SR: requirement }\n';
const ids = (text: string) => scan('src/a.ts', text, YAML).items.map((i) => `${i.id} ${i.imported?.kind} ${i.title}`);

describe('importers: ThreatSpec', () => {
  it('the README examples: threats, controls, components, acceptances, transfers and interfaces, with 81001-5-1 findings', async () => {
    const { snapshot } = await trace(readFixture('threatspec'));
    assert.deepEqual(messages(snapshot), [
      'incomplete-risk-acceptance wiki.go:8 threat `#arbitrary_file_writes` is accepted but has no owner, review-by',
      'unmitigated-threat wiki.go:14 threat `#xss_injection` has no mitigation: no item mitigates it, no code is tagged @mitigates, and its risk is not accepted or transferred',
    ]);
    const item = (id: string) => snapshot.graph.items.get(id);
    assert.equal(item('#csrf')?.kind, 'threat');
    assert.equal(item('#csrf_token')?.kind, 'mitigation');
    assert.equal(item('#filesystem')?.kind, 'asset');
    assert.equal(item('#user_browser_to_webapp_web')?.kind, 'interface');
    assert.equal(item('#user_browser_to_webapp_web')?.attributes.details, 'HTTPS/TCP/443');
    assert.deepEqual(item('#cwe_319_cleartext_transmission')?.attributes, {
      status: 'transferred', rationale: 'non-sensitive information', 'transferred-from': 'WebApp:Web', 'transferred-to': 'User:Browser', owner: 'Web team', 'review-by': '2027-01-31',
    });
    assert.equal(item('#webapp_web')?.attributes.review, "Shouldn't this be using TLS?");
    assert.deepEqual(snapshot.graph.traces.map((t) => `${t.id} ${t.tag} ${t.role}`), [
      '#unauthorised_access mitigates code', '#strict_file_permissions implements code', '#csrf mitigates code', '#csrf_token implements code',
      '#strict_file_permissions verifies test', '#csrf_token verifies test',
    ]);
  });

  it('makes IDs the way ThreatSpec does: from the name, from (#id), from a primary path, or the #id alone', () => {
    assert.deepEqual(ids(joinLines(
      '// @threat SQL Injection (#sqli)',
      '// @component MyApp:Users:Database (MyApp:Product:Database)',
      '// @control Use-of a WAF!',
      '// @component MyAPI:/',
      '// @threat #bare',
    )), [
      '#sqli threat SQL Injection',
      '#myapp_product_database asset MyApp:Users:Database',
      '#useof_a_waf mitigation Use-of a WAF!',
      '#myapi_root asset MyAPI:/',
      '#bare threat ',
    ]);
  });

  it('an object written #ID with a configured prefix is the native item', async () => {
    const { snapshot } = await trace({
      '.sectrace.yaml': YAML,
      'docs/spec.md': '## THR-1: Replay\n\n## MIT-1: Sequence numbers\nmitigates: THR-1\nneeds: impl\n',
      'src/link.ts': '// @mitigates Pump:Link against #THR-1 with #MIT-1\n',
    });
    assert.deepEqual(findingKeys(snapshot), []);
    assert.equal(snapshot.graph.items.get('MIT-1')?.title, 'Sequence numbers');
    assert.equal(snapshot.graph.implementationsOf('MIT-1').length, 1);
    const text = '// @mitigates Pump:Link against #THR-1 with #MIT-1\n';
    assert.equal(textAt(text, snapshot.graph.occurrences('THR-1').find((l) => l.file === 'src/link.ts')!.range), 'THR-1');
  });

  it('definitions of one ID merge: no duplicate, the first wins each attribute, the acceptance reaches the threat', async () => {
    const { snapshot } = await trace({
      '.sectrace.yaml': YAML,
      'src/a.ts': '// @threat SQL Injection (#sqli)\n',
      'src/b.ts': joinLines('// @accepts #sqli to WebApp:DB with prepared statements only:', '// owner: DB team', '// review-by: 2027-03-01', '//', ''),
      'src/c.ts': '// @exposes WebApp:DB to #sqli with legacy report query\n',
    });
    assert.deepEqual(findingKeys(snapshot), []);
    const sqli = snapshot.graph.items.get('#sqli');
    assert.equal(sqli?.title, 'SQL Injection');
    assert.equal(sqli?.location.file, 'src/a.ts');
    assert.equal(sqli?.attributes.status, 'accepted');
    assert.equal(sqli?.attributes.owner, 'DB team');
    assert.equal(snapshot.graph.definitions.get('#sqli')?.length, 3);
  });

  it('@tests verifies the control; @review adds its text to the component', async () => {
    const { snapshot } = await trace({
      '.sectrace.yaml': YAML,
      'src/a.ts': '// @mitigates Web:Auth against weak keys with use of a secure random number generator (#PRNG)\n',
      'src/a.test.ts': '// @tests #PRNG for Web:Auth\n',
      'src/b.ts': "// @review Web:Auth this might not be a secure crypto algorithm\n",
    });
    assert.deepEqual(findingKeys(snapshot), []);
    assert.equal(snapshot.graph.testsOf('#PRNG').length, 1);
    assert.equal(snapshot.graph.items.get('#web_auth')?.attributes.review, 'this might not be a secure crypto algorithm');
  });

  it('an annotation ThreatSpec cannot parse is a malformed-tag finding; sectrace\'s own @mitigates tag still works', () => {
    const facts = scan('src/a.ts', joinLines('// @accepts broken', '// @exposes A to B', '// @threat (no name)', '// @mitigates THR-1', '// @control X:', '// - [unbalanced', ''), YAML);
    assert.deepEqual(facts.problems.map((p) => `${p.code} ${p.range.start.line + 1}`), ['malformed-tag 1', 'malformed-tag 2', 'malformed-tag 3', 'malformed-tag 5']);
    assert.match(facts.problems[0].message, /@accepts <threat> to <component> with <rationale>/);
    assert.deepEqual(facts.tags.map((t) => `${t.tag} ${t.refs.map((r) => r.id)}`), ['mitigates THR-1']);
  });

  it('is off unless listed: the native scanner then reports a ThreatSpec @mitigates as naming no ID', () => {
    const facts = scan('src/a.ts', '// @mitigates WebApp against XSS with escaping\n');
    assert.deepEqual(facts.items, []);
    assert.deepEqual(facts.problems.map((p) => p.code), ['invalid-attribute']);
  });

  it('reads annotations in comments only, in any language the scanner lexes', () => {
    assert.equal(scan('src/a.ts', 'const s = "@threat Fake (#fake)";\n', YAML).items.length, 0);
    assert.deepEqual(scan('src/a.py', '# @threat Real (#real)\n', YAML).items.map((i) => i.id), ['#real']);
    assert.deepEqual(scan('src/a.java', '/**\n * @control Real (#real)\n */\n', YAML).items.map((i) => i.id), ['#real']);
  });
});

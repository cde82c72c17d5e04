// OpenFastTrace specification items in Markdown: every element of OFT's Markdown format, read the way
// OFT's own line-based importer reads it, quirks included.
// @verifies ST-31
import { strict as assert } from 'node:assert';
import type { ItemFact } from '../../../src/core';
import { joinLines } from '../../support/text';
import { scan, textAt } from './helpers';

const items = (text: string): ItemFact[] => scan('doc/spec.md', text).items.filter((i) => i.imported?.format === 'oft');
const attr = (item: ItemFact, key: string) => item.attributes.find((a) => a.key === key)?.value;

describe('importers: OpenFastTrace Markdown', () => {
  it('reads the user guide minimal requirement: an ID line and a description', () => {
    const [item] = items(joinLines('`req~this-is-the-id~1`', '', 'This is the description of the requirement.'));
    assert.equal(item.id, 'req~this-is-the-id~1');
    assert.equal(item.description, 'This is the description of the requirement.');
    assert.deepEqual(item.imported, { format: 'oft', kind: 'req' });
    assert.equal(attr(item, 'status'), 'approved');
    assert.equal(attr(item, 'revision'), '1');
    assert.equal(attr(item, 'needs'), undefined);
  });

  it('takes the title from the heading right before the ID, and the exact range of the ID', () => {
    const text = joinLines('# Doc', '', '### The Requirement Title', '`req~this-is-the-id~1`', '', 'Text.', '', 'Needs: dsn, uman');
    const [item] = items(text);
    assert.equal(item.title, 'The Requirement Title');
    assert.equal(textAt(text, item.idRange), 'req~this-is-the-id~1');
    assert.equal(item.range.start.line, 2);
    assert.equal(attr(item, 'needs'), 'dsn, uman');
  });

  it('a title survives empty lines and setext underlines; other text in between drops it', () => {
    const [a, b] = items(joinLines('Underlined Title', '================', '', '`feat~a~1`', '', '### Lost title', 'some text', '`feat~b~1`'));
    assert.equal(a.title, 'Underlined Title');
    assert.equal(b.id, 'feat~b~1');
    assert.equal(b.title, '');
  });

  it('reads Rationale and Comment sections, Covers and Depends lists, Tags and the Needs list form', () => {
    const text = joinLines(
      '`arch~acme-client-uses-exponential-back-off-strategy~1`',
      '',
      'If the ACME client cannot reach the server, it backs off exponentially.',
      '',
      'Rationale:',
      'A server that comes back would be flooded otherwise.',
      '',
      'Comment:',
      'The details are up to the design.',
      '',
      'Covers:',
      '',
      '* [`req~plugins.loading~1`](system_requirements.md#loading-plugins)',
      '- req~other~2 some text after the reference',
      '',
      'Depends:',
      '+ `arch~base~1`',
      '',
      'Needs:',
      '* dsn',
      '* itest',
      '',
      'Tags:',
      '* AuthenticationProvider',
      '* ServiceDiscovery',
    );
    const [item] = items(text);
    assert.equal(item.description, 'If the ACME client cannot reach the server, it backs off exponentially.');
    assert.equal(attr(item, 'rationale'), 'A server that comes back would be flooded otherwise.');
    assert.equal(attr(item, 'comment'), 'The details are up to the design.');
    const covers = item.attributes.find((a) => a.key === 'covers');
    assert.deepEqual(covers?.refs.map((r) => r.id), ['req~plugins.loading~1', 'req~other~2']);
    assert.equal(textAt(text, covers!.refs[0].range), 'req~plugins.loading~1');
    assert.deepEqual(item.attributes.find((a) => a.key === 'depends')?.refs.map((r) => r.id), ['arch~base~1']);
    assert.equal(attr(item, 'needs'), 'dsn, itest');
    assert.equal(attr(item, 'tags'), 'AuthenticationProvider, ServiceDiscovery');
  });

  it('reads single-line Tags and Needs, and Status only right after the ID', () => {
    const [a, b] = items(joinLines('`dsn~a~1`', 'Status: draft', '', 'Tags: Web, Db', '', 'Needs: impl, utest', '', '`dsn~b~2`', '', 'Text.', 'Status: proposed'));
    assert.equal(attr(a, 'status'), 'draft');
    assert.equal(attr(a, 'tags'), 'Web, Db');
    assert.equal(attr(a, 'needs'), 'impl, utest');
    assert.equal(attr(b, 'status'), 'approved');
    assert.equal(b.description, 'Text.\nStatus: proposed');
  });

  it('keeps OFT quirks: a broken Markdown link still covers; a reference without revision is not one', () => {
    const [exit, input] = items(joinLines(
      '`req~cli.tracing.exit-status~1`',
      '',
      'Covers:',
      '',
      '* [feat~requirement-tracing~1](#requirement-tracing~1',
      '',
      'Needs: dsn',
      '',
      '`req~cli.input-selection~1`',
      '',
      'Covers:',
      '',
      '* [feat~command-line-interface~1](#command-line-interface)',
      '* [feat~requirement-tracing](#requirement-tracing)',
      '',
      'Needs: dsn',
    ));
    assert.equal(attr(exit, 'covers'), 'feat~requirement-tracing~1');
    assert.equal(attr(input, 'covers'), 'feat~command-line-interface~1');
  });

  it('reads forwarding lines as items of the skipped type', () => {
    const text = joinLines('# Arch', '', 'arch --> dsn, itest : req~web-ui-uses-corporate-design~1');
    const [item] = items(text);
    assert.equal(item.id, 'arch~web-ui-uses-corporate-design~1');
    assert.equal(attr(item, 'needs'), 'dsn, itest');
    assert.equal(attr(item, 'forwards'), 'dsn, itest');
    assert.equal(textAt(text, item.attributes.find((a) => a.key === 'covers')!.refs[0].range), 'req~web-ui-uses-corporate-design~1');
  });

  it('ignores everything between oft:off and oft:on', () => {
    const found = items(joinLines('<!-- oft:off -->', '`req~hidden~1`', '    arch --> dsn : req~skip-this-requirement~1', '<!-- oft:on -->', '`req~shown~1`'));
    assert.deepEqual(found.map((i) => i.id), ['req~shown~1']);
  });

  it('an ID line needs the ID at the start of the line; indented or later IDs are mentions', () => {
    const facts = scan('doc/spec.md', joinLines('    req~indented~1', 'See req~prose~1 here.', '`req~real~1`'));
    assert.deepEqual(facts.items.map((i) => i.id), ['req~real~1']);
    assert.deepEqual(facts.mentions.map((m) => m.id), ['req~indented~1', 'req~prose~1']);
  });

  it('reads coverage tags in single-line HTML comments of a spec', () => {
    const facts = scan('doc/user_guide.md', joinLines('# Guide', '<!-- [uman->feat~x~1] -->', 'Text [impl->dsn~no~1] outside a comment.'));
    assert.deepEqual(facts.tags.map((t) => t.refs.map((r) => r.id)), [['feat~x~1']]);
  });

  it('an item ends at the next heading; the description keeps its lines', () => {
    const [a, b] = items(joinLines('`req~a~1`', 'Line one.', '', 'Line two.', '## Next', '`req~b~1`'));
    assert.equal(a.description, 'Line one.\n\nLine two.');
    assert.equal(b.title, 'Next');
  });

  it('reads nothing when the importer is disabled', () => {
    const facts = scan('doc/spec.md', '`req~a~1`\n', 'importers: []\n');
    assert.deepEqual(facts.items, []);
  });
});

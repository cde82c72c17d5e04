// The report's review column in every format, and the marker that still knows CSV reports from before it.
// @verifies ST-56, ST-53
import * as assert from 'node:assert/strict';
import { renderReport } from '../../../src/core/report';
import { isPreviousReport } from '../../../src/core/report/marker';
import { REVIEWS_FILE, serializeReviews } from '../../../src/core/impact/reviews';
import { reportOf } from '../report/helpers';
import { fingerprintIn, trace } from './helpers';

const SPEC = '## SR-1: Lock\n\nLock after three attempts.\n\n## SR-2: Audit\n\nLog commands.\n\n## SR-3: Sign\n\nSign releases.\n';

describe('impact: review status in the report', () => {
  it('shows reviewed, changed since review and not reviewed, with the fingerprint in JSON', async () => {
    const { snapshot } = await trace({ 'docs/spec.md': SPEC });
    const stamps = serializeReviews([
      { id: 'SR-1', fingerprint: fingerprintIn(snapshot, 'SR-1'), by: 'Dana Reviewer', date: '2026-06-01' },
      { id: 'SR-2', fingerprint: '0000000000000000', by: 'Sam | Pipe', date: '2026-05-01' },
    ]);
    const report = await reportOf({ 'docs/spec.md': SPEC, [REVIEWS_FILE]: stamps });
    assert.deepEqual(report.matrix.map((row) => [row.id, row.review.status, row.fingerprint.length]), [['SR-1', 'reviewed', 16], ['SR-2', 'changed', 16], ['SR-3', 'unreviewed', 16]]);
    const md = renderReport(report, 'md');
    assert.match(md, /\| ID \| Kind \| Title \| Implemented in \| Verified by \| Review \|/);
    assert.match(md, /\| reviewed 2026-06-01 by Dana Reviewer \|\n/);
    assert.match(md, /\| changed since review \(2026-05-01, Sam \\\| Pipe\) \|\n/);
    assert.match(md, /\| not reviewed \|\n/);
    const html = renderReport(report, 'html');
    assert.match(html, /<button type="button">Review<\/button>/);
    assert.match(html, /<td>changed since review \(2026-05-01, Sam \| Pipe\)<\/td>/);
    const csv = renderReport(report, 'csv').split('\r\n');
    assert.ok(csv[0].endsWith(',Gaps,Review'));
    assert.ok(csv[1].endsWith(',reviewed 2026-06-01 by Dana Reviewer'));
  });

  it('a CSV report written before the review column is still a previous report', () => {
    assert.ok(isPreviousReport('ID,Kind,Title,Spec location,Needs,Implemented,Verified,Implemented in,Verified by,Gaps\r\nSR-1,...'));
    assert.ok(isPreviousReport('ID,Kind,Title,Spec location,Needs,Implemented,Verified,Implemented in,Verified by,Gaps,Review\r\n'));
    assert.ok(!isPreviousReport('ID,Kind,Title\r\n'));
  });
});

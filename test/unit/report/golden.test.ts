// Golden files: every format of the report on the example workspace, with a fixed date, version and
// commit. A change in output shows up as a reviewable diff; regenerate with UPDATE_GOLDEN=1 after
// checking that the change is intended.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildReport, renderReport, REPORT_FORMATS, type ReportModel } from '../../../src/core/report';
import { CONTEXT, ROOT, traceFolder } from './helpers';

const EXAMPLE = path.join(ROOT, 'examples', 'infusion-pump');
const GOLDEN = path.join(ROOT, 'test', 'fixtures', 'report', 'infusion-pump');
const update = Boolean(process.env.UPDATE_GOLDEN);

describe('report: golden files (examples/infusion-pump)', () => {
  let report: ReportModel;
  before(async () => {
    const configFile = fs.existsSync(path.join(EXAMPLE, '.sectrace.yaml')) ? '.sectrace.yaml' : undefined;
    report = buildReport(await traceFolder(EXAMPLE), { ...CONTEXT, configFile });
  });

  for (const format of REPORT_FORMATS) {
    it(`${format} matches test/fixtures/report/infusion-pump/report.${format}`, () => {
      const file = path.join(GOLDEN, `report.${format}`);
      const text = renderReport(report, format);
      if (update) {
        fs.mkdirSync(GOLDEN, { recursive: true });
        fs.writeFileSync(file, text);
        return;
      }
      assert.ok(fs.existsSync(file), `${path.relative(ROOT, file)} is missing: run the tests with UPDATE_GOLDEN=1`);
      assert.equal(text, fs.readFileSync(file, 'utf8'), `${format} differs from its golden file; if intended, regenerate with UPDATE_GOLDEN=1`);
    });
  }
});

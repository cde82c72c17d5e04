// API documents: Protobuf services and OpenAPI / Swagger paths, in YAML and JSON.
// @verifies ST-17, ST-18, ST-19
import { strict as assert } from 'node:assert';
import { contextFor, contexts, interfacesOf, lines, names } from './helpers';
import { isTraceable } from '../../../src/core/scan/file';

describe('interfaces: API documents', () => {
  it('Protobuf: every rpc of every service, not rpcs in comments or messages named service', () => {
    const text = lines(
      'syntax = "proto3";',
      'package pump.v1;',
      'message ServiceInfo { string name = 1; }',
      'service PumpControl {',
      '  rpc SetRate(SetRateRequest) returns (Ack);',
      '  // rpc Legacy(Old) returns (Ack);',
      '  rpc StreamStatus (StatusRequest) returns (stream Status) {}',
      '}',
      'service Audit { rpc Export(ExportRequest) returns (stream Record); }',
    );
    assert.deepEqual(names('proto/pump.proto', text), ['rpc PumpControl.SetRate @5', 'rpc PumpControl.StreamStatus @7', 'rpc Audit.Export @9']);
    const [setRate] = interfacesOf('proto/pump.proto', text);
    assert.deepEqual([setRate.kind, setRate.symbol, setRate.container?.name, setRate.insert.line], ['rpc', 'PumpControl.SetRate', 'PumpControl', 4]);
  });

  it('OpenAPI YAML: operations under paths, comment annotations above the operation or the path', () => {
    const text = lines(
      'openapi: 3.0.3',
      'info: { title: Pump gateway, version: "1" }',
      'paths:',
      '  # @exposure external',
      '  # @assets AST-1',
      '  /infusions:',
      '    get:',
      '      summary: list',
      '    # @implications a forged start runs the wrong dose',
      '    post:',
      '      summary: start',
      '  /metrics:',
      '    get:',
      '      x-exposure: internal',
      '      x-implications: discloses counters',
      '      x-assets: [AST-4, counters]',
      '      x-implements: IF-9',
      '    parameters: []',
      'components: {}',
    );
    assert.deepEqual(names('api/openapi.yaml', text), ['GET /infusions @7', 'POST /infusions @10', 'GET /metrics @13']);
    assert.deepEqual(contexts('api/openapi.yaml', text), [
      'GET /infusions: - | /infusions: exposure=external, assets=AST-1',
      'POST /infusions: implications=a forged start runs the wrong dose | /infusions: exposure=external, assets=AST-1',
      'GET /metrics: exposure=internal, implications=discloses counters, assets=AST-4, counters',
    ]);
    const metrics = interfacesOf('api/openapi.yaml', text)[2];
    assert.deepEqual(metrics.annotation?.implements.map((r) => r.id), ['IF-9']);
    assert.deepEqual(metrics.annotation?.fields[2].refs.map((r) => [r.id, r.range.start.line]), [['AST-4', 15]]);
    assert.deepEqual(metrics.insert, { line: 12, indent: '    ', commentPrefix: '#' });
  });

  it('OpenAPI JSON files, named so, are traced; x- keys on the path item cover its operations', () => {
    const text = JSON.stringify({
      swagger: '2.0',
      paths: {
        '/pumps/{id}': {
          'x-exposure': 'both',
          get: { summary: 'status' },
          delete: { 'x-implications': 'removes a pump from the ward', summary: 'remove' },
        },
      },
    }, null, 2);
    assert.equal(isTraceable('api/swagger.json', contextFor()), true);
    assert.equal(isTraceable('api/package.json', contextFor()), false);
    assert.deepEqual(names('api/swagger.json', text), ['GET /pumps/{id} @6', 'DELETE /pumps/{id} @9']);
    assert.deepEqual(contexts('api/swagger.json', text), [
      'GET /pumps/{id}: - | /pumps/{id}: exposure=both',
      'DELETE /pumps/{id}: implications=removes a pump from the ward | /pumps/{id}: exposure=both',
    ]);
    assert.equal(interfacesOf('api/swagger.json', text)[0].insert.commentPrefix, undefined, 'JSON has no comments');
  });

  it('YAML that is not an API document has no interfaces', () => {
    const k8s = lines('apiVersion: v1', 'kind: Service', 'spec:', '  ports:', '    - port: 443', 'paths:', '  /x:', '    get: {}');
    assert.deepEqual(names('deploy/service.yaml', k8s), []);
    const nested = lines('spec:', '  openapi: 3.0.0', 'paths:', '  /x:', '    get: {}');
    assert.deepEqual(names('deploy/nested.yaml', nested), []);
    assert.deepEqual(names('api/broken-openapi.yaml', 'openapi: 3.0.0\npaths: [\n'), []);
  });
});

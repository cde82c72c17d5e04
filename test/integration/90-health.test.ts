import * as assert from 'node:assert/strict';
import { api } from './helpers';

describe('health', () => {
  it('the extension logged no errors during the run', async () => {
    const sectrace = await api();
    assert.deepEqual(sectrace.errors(), []);
  });
});

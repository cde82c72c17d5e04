// TypeScript and JavaScript detectors: each framework on a realistic snippet, and the look-alikes that
// must not count.
// @verifies ST-17, ST-19
import { strict as assert } from 'node:assert';
import { interfacesOf, lines, names } from './helpers';

describe('interfaces: TypeScript and JavaScript', () => {
  it('Express routes on app and router, with the method and route as the identity', () => {
    const text = lines(
      "import express from 'express';",
      'const app = express();',
      'const router = express.Router();',
      "app.get('/health', (_req, res) => res.send('ok'));",
      "router.post('/infusions', requireRole('clinician'), async (req, res) => {",
      '  res.status(201).end();',
      '});',
      'router',
      "  .delete('/infusions/:id', handler);",
      "app.all('*', notFound);",
      'this.router.put("/rate/:id", this.changeRate);',
    );
    assert.deepEqual(names('src/app.ts', text), ['GET /health @4', 'POST /infusions @5', 'DELETE /infusions/:id @9', 'ANY * @10', 'PUT /rate/:id @11']);
    const [health, , del] = interfacesOf('src/app.ts', text);
    assert.equal(health.id, 'src/app.ts#GET /health');
    assert.equal(health.kind, 'http');
    assert.equal(health.detector, 'express');
    assert.deepEqual([health.method, health.route], ['GET', '/health']);
    assert.deepEqual(health.range, { start: { line: 3, character: 0 }, end: { line: 3, character: 17 } });
    // A chain continued on the next line: the annotation belongs above `router`.
    assert.deepEqual(del.insert, { line: 7, indent: '', commentPrefix: '//' });
  });

  it('typed Express routes with generic arguments', () => {
    const text = lines(
      "import { Router } from 'express';",
      'export const routes = Router();',
      "routes.get<{ id: string }>('/infusions/:id', (req, res) => res.json(find(req.params.id)));",
    );
    assert.deepEqual(names('src/routes.ts', text), ['GET /infusions/:id @3']);
  });

  it('Koa router and Fastify shorthands, and route chains', () => {
    const text = lines(
      "router.get('/users/:id', async (ctx) => { ctx.body = await load(ctx.params.id); });",
      "fastify.post('/login', { schema: loginSchema }, async (request, reply) => reply.send(token));",
      "app.route('/book').get(list).post(create);",
    );
    assert.deepEqual(names('src/server.js', text), ['GET /users/:id @1', 'POST /login @2', 'GET /book @3', 'POST /book @3']);
  });

  it('Fastify and Hapi route objects, single and in arrays', () => {
    const text = lines(
      'fastify.route({',
      "  method: 'GET',",
      "  url: '/status',",
      '  handler: status,',
      '});',
      'server.route([',
      '  // @exposure internal',
      "  { method: ['PUT', 'PATCH'], path: '/pumps/{id}', handler: update },",
      "  { method: '*', path: '/files/{p*}', handler: files },",
      ']);',
    );
    assert.deepEqual(names('src/routes.ts', text), ['GET /status @3', 'PUT /pumps/{id} @8', 'PATCH /pumps/{id} @8', 'ANY /files/{p*} @9']);
    const routes = interfacesOf('src/routes.ts', text);
    assert.equal(routes[0].insert.line, 0);
    assert.equal(routes[1].annotation?.fields[0].value, 'internal', 'an array element carries its own comment');
    assert.equal(routes[3].annotation, undefined);
  });

  it('NestJS controllers: class prefix plus method path, with the class as container', () => {
    const text = lines(
      "@Controller('infusions')",
      '@UseGuards(AuthGuard)',
      'export class InfusionsController {',
      '  @Get()',
      '  list() {}',
      '',
      "  @Get(':id')",
      '  @ApiResponse({',
      '    status: 200,',
      '  })',
      "  find(@Param('id') id: string) {}",
      '',
      '  @HttpCode(204)',
      '  @Post()',
      '  create(@Body() body: CreateDto) {}',
      '}',
    );
    const found = interfacesOf('src/infusions.controller.ts', text);
    assert.deepEqual(found.map((i) => `${i.name} @${i.range.start.line + 1}`), ['GET /infusions @4', 'GET /infusions/:id @7', 'POST /infusions @14']);
    assert.deepEqual(found.map((i) => i.container?.name), ['InfusionsController', 'InfusionsController', 'InfusionsController']);
    // The annotation goes above the whole decorator stack.
    assert.deepEqual(found.map((i) => i.insert.line), [3, 6, 12]);
    assert.deepEqual(found[1].insert, { line: 6, indent: '  ', commentPrefix: '//' });
  });

  it('NestJS gateways and microservice handlers', () => {
    const text = lines(
      '@WebSocketGateway({ namespace: "pumps" })',
      'export class PumpGateway {',
      "  @SubscribeMessage('status')",
      '  onStatus() {}',
      "  @MessagePattern({ cmd: 'stop' })",
      '  stop() {}',
      '}',
    );
    assert.deepEqual(names('src/pump.gateway.ts', text), ['websocket message status @3', 'message stop @5']);
    assert.deepEqual(interfacesOf('src/pump.gateway.ts', text).map((i) => i.kind), ['websocket', 'rpc']);
  });

  it('Node servers by module, named imports, app listeners and WebSocket servers', () => {
    const text = lines(
      "import * as http from 'node:http';",
      "import { createServer } from 'node:https';",
      "const net = require('net');",
      "import express from 'express';",
      "import { WebSocketServer } from 'ws';",
      'const app = express();',
      'http.createServer(handler).listen(8080);',
      'const tls = createServer({ key, cert }, app);',
      'net.createServer((socket) => socket.pipe(socket)).listen(7000);',
      'app.listen(3000);',
      'const wss = new WebSocketServer({ port: 8081 });',
      "io.on('connection', (socket) => join(socket));",
    );
    assert.deepEqual(names('src/main.ts', text), ['http server @7', 'https server @8', 'tcp server @9', 'http server @10', 'websocket server @11', 'socket.io connection @12']);
    assert.deepEqual(interfacesOf('src/main.ts', text).map((i) => i.kind), ['http', 'http', 'socket', 'http', 'websocket', 'websocket']);
    assert.equal(interfacesOf('src/main.ts', text)[3].id, 'src/main.ts#http server#2');
  });

  it('look-alikes are not interfaces: Map.get, cache.get, client calls, one-argument calls', () => {
    const text = lines(
      'const counters = new Map<string, number>();',
      "counters.get('/metrics');",
      "cache.get('x', fallback);",
      "const res = await axios.get('/api/infusions', { params });",
      "await this.http.post('/login', body);",
      "const apiClient = {}; apiClient.put('/x', {});",
      "request(app).get('/infusions/1').expect(200);",
      "params.get('/x');",
      'const server = createServer(handler);',
      "url.searchParams.delete('/q', 1);",
    );
    assert.deepEqual(names('src/client.ts', text), []);
  });

  it('routes in comments, strings and template literals are not interfaces', () => {
    const text = lines(
      "// app.get('/commented', handler);",
      '/*',
      " * router.post('/in-a-block', handler);",
      ' */',
      "const example = \"app.get('/in-a-string', handler)\";",
      "const doc = `router.put('/in-a-template', handler)`;",
      "log('use app.delete(\\'/escaped\\', h) to remove');",
    );
    assert.deepEqual(names('src/docs.ts', text), []);
  });

  it('test files have no interfaces; a file without keywords is not lexed at all', () => {
    assert.deepEqual(names('test/app.test.ts', "app.get('/x', handler);\n"), []);
    assert.deepEqual(names('src/app.spec.ts', "app.get('/x', handler);\n"), []);
    assert.deepEqual(names('src/math.ts', 'export const add = (a: number, b: number) => a + b;\n'), []);
  });
});

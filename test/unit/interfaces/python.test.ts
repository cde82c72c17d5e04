// Python detectors: Flask, FastAPI, Django, servers; and what must not count.
// @verifies ST-17, ST-19
import { strict as assert } from 'node:assert';
import { interfacesOf, lines, names } from './helpers';

describe('interfaces: Python', () => {
  it('Flask routes with methods, blueprints with a url_prefix, and the decorator stack', () => {
    const text = lines(
      'from flask import Blueprint, Flask',
      'app = Flask(__name__)',
      "bp = Blueprint('pumps', __name__, url_prefix='/pumps')",
      '',
      "@app.route('/infusions', methods=['GET', 'POST'])",
      '@login_required',
      'def infusions():',
      '    return jsonify([])',
      '',
      "@bp.get('/<int:pump_id>')",
      'def pump(pump_id):',
      '    ...',
      '',
      '@app.route("/health")',
      'def health():',
      '    return "ok"',
    );
    assert.deepEqual(names('gateway/app.py', text), ['GET /infusions @5', 'POST /infusions @5', 'GET /pumps/<int:pump_id> @10', 'GET /health @14']);
    const flask = interfacesOf('gateway/app.py', text);
    assert.equal(flask[0].detector, 'python-web');
    assert.deepEqual(flask[0].insert, { line: 4, indent: '', commentPrefix: '#' });
  });

  it('FastAPI routers with a prefix, websockets, and an empty route', () => {
    const text = lines(
      'router = APIRouter(prefix="/items", tags=["items"])',
      '',
      '@router.get("")',
      'async def list_items(): ...',
      '',
      '@router.post("/{item_id}/stop", status_code=202)',
      'async def stop(item_id: int): ...',
      '',
      '@app.websocket("/ws/status")',
      'async def status(ws: WebSocket): ...',
      '',
      '@app.api_route("/legacy", methods=["PUT"])',
      'async def legacy(): ...',
    );
    assert.deepEqual(names('api/items.py', text), ['GET /items @3', 'POST /items/{item_id}/stop @6', 'websocket /ws/status @9', 'PUT /legacy @12']);
    assert.equal(interfacesOf('api/items.py', text)[2].kind, 'websocket');
  });

  it('Django urls.py: path and re_path entries, but not include() mounts', () => {
    const text = lines(
      'from django.urls import include, path, re_path',
      'urlpatterns = [',
      "    path('infusions/<int:pk>/', views.detail, name='detail'),",
      "    re_path(r'^pumps/(?P<id>[0-9]+)/$', views.pump),",
      "    path('api/', include('api.urls')),",
      ']',
    );
    assert.deepEqual(names('gateway/urls.py', text), ['ANY /infusions/<int:pk>/ @3', 'ANY ^pumps/(?P<id>[0-9]+)/$ @4']);
    assert.equal(interfacesOf('gateway/urls.py', text)[0].detector, 'django');
  });

  it('standard library servers and websockets.serve', () => {
    const text = lines(
      'server = ThreadingHTTPServer(("0.0.0.0", 8080), Handler)',
      'srv = socketserver.TCPServer(("", 9999), PumpHandler)',
      'server = await asyncio.start_server(handle, "0.0.0.0", 2575)',
      'async with websockets.serve(echo, "localhost", 8765):',
      '    pass',
      'class Quiet(HTTPServer):',
      '    pass',
    );
    assert.deepEqual(names('tools/serve.py', text), ['http server @1', 'socket server @2', 'tcp server @3', 'websocket server @4']);
  });

  it('look-alikes are not interfaces: mock.patch, cache.get, comments, strings and docstrings', () => {
    const text = lines(
      "@mock.patch('os.path.exists')",
      'def test_exists(): ...',
      '',
      "value = cache.get('/x')",
      "# @app.route('/commented')",
      'HELP = "@app.get(\'/in-a-string\')"',
      'def documented():',
      '    """Example:',
      "    @app.post('/in-a-docstring')",
      '    """',
      "urls = ['path(\"x/\", view)']",
    );
    assert.deepEqual(names('gateway/helpers.py', text), []);
  });
});

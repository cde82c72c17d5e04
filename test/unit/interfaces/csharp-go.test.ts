// C# and Go detectors.
// @verifies ST-17, ST-19
import { strict as assert } from 'node:assert';
import { interfacesOf, lines, names } from './helpers';

describe('interfaces: C#', () => {
  it('ASP.NET controllers: class route with [controller], action templates, absolute templates, [Route] alone', () => {
    const text = lines(
      '[ApiController]',
      '[Route("api/[controller]")]',
      'public class InfusionsController : ControllerBase',
      '{',
      '    [HttpGet("{id}")]',
      '    public IActionResult Get(string id) => Ok();',
      '',
      '    [HttpPost]',
      '    [Authorize(Roles = "Clinician")]',
      '    public IActionResult Start(StartInfusion body) => Ok();',
      '',
      '    [HttpPut, Route("{id}/rate")]',
      '    public IActionResult Rate(string id) => Ok();',
      '',
      '    [HttpGet("/health")]',
      '    public IActionResult Health() => Ok();',
      '',
      '    [Route("[action]")]',
      '    public IActionResult Export() => Ok();',
      '}',
    );
    assert.deepEqual(names('Controllers/InfusionsController.cs', text), [
      'GET /api/Infusions/{id} @5',
      'POST /api/Infusions @8',
      'PUT /api/Infusions/{id}/rate @12',
      'GET /health @15',
      'ANY /api/Infusions/Export @18',
    ]);
    const found = interfacesOf('Controllers/InfusionsController.cs', text);
    assert.equal(found[0].container?.name, 'InfusionsController');
    assert.deepEqual(found[1].insert, { line: 7, indent: '    ', commentPrefix: '//' });
  });

  it('minimal APIs with MapGroup prefixes, MapMethods, SignalR hubs and gRPC services', () => {
    const text = lines(
      'var app = builder.Build();',
      'var api = app.MapGroup("/api");',
      'var pumps = api.MapGroup("/pumps");',
      'app.MapGet("/health", () => "ok");',
      'pumps.MapPost("/{id}/stop", (string id) => Results.Accepted());',
      'app.MapMethods("/legacy", new[] { "PUT", "PATCH" }, Handler);',
      'app.MapHub<AlarmHub>("/hubs/alarms");',
      'app.MapGrpcService<PumpService>();',
      'app.Map("/any", Handler);',
    );
    assert.deepEqual(names('Program.cs', text), [
      'GET /health @4',
      'POST /api/pumps/{id}/stop @5',
      'PUT /legacy @6',
      'PATCH /legacy @6',
      'websocket /hubs/alarms @7',
      'grpc service PumpService @8',
      'ANY /any @9',
    ]);
  });

  it('look-alikes are not interfaces: AutoMapper, comments, strings', () => {
    const text = lines(
      'var dto = _mapper.Map<InfusionDto>(infusion);',
      '// app.MapGet("/commented", () => 1);',
      'var s = "[HttpGet(\\"x\\")]";',
      'var t = @"app.MapPost(""/verbatim"", h)";',
      '/// <summary>[HttpPost] in a doc comment</summary>',
      'public class Plain { }',
    );
    assert.deepEqual(names('Plain.cs', text), []);
  });
});

describe('interfaces: Go', () => {
  it('net/http handlers, Go 1.22 method patterns and gorilla Methods', () => {
    const text = lines(
      'func main() {',
      '\tmux := http.NewServeMux()',
      '\tmux.HandleFunc("/health", health)',
      '\tmux.HandleFunc("POST /infusions/{id}/stop", stop)',
      '\thttp.Handle("/static/", fs)',
      '\tr := mux.NewRouter()',
      '\tr.HandleFunc("/pumps/{id}", pump).Methods("GET", "PUT")',
      '\tlog.Fatal(http.ListenAndServeTLS(":8443", cert, key, mux))',
      '}',
    );
    assert.deepEqual(names('cmd/gateway/main.go', text), ['ANY /health @3', 'POST /infusions/{id}/stop @4', 'ANY /static/ @5', 'GET /pumps/{id} @7', 'PUT /pumps/{id} @7', 'https server @8']);
    const found = interfacesOf('cmd/gateway/main.go', text);
    assert.deepEqual(found[0].insert, { line: 2, indent: '\t', commentPrefix: '//' });
    assert.equal(found[3].detector, 'gorilla');
  });

  it('gin and echo with groups, chi and fiber, and listeners', () => {
    const text = lines(
      'r := gin.Default()',
      'v1 := r.Group("/v1")',
      'v1.GET("/pumps/:id", getPump)',
      'r.POST("/login", login)',
      'e.Any("/echo", echoAll)',
      'cr := chi.NewRouter()',
      'cr.Get("/status", status)',
      'cr.Method("PATCH", "/rate", rate)',
      'srv := &http.Server{Addr: ":8080", Handler: cr}',
      'lis, _ := net.Listen("tcp", ":50051")',
      's := grpc.NewServer()',
    );
    assert.deepEqual(names('internal/api/router.go', text), [
      'GET /v1/pumps/:id @3',
      'POST /login @4',
      'ANY /echo @5',
      'GET /status @7',
      'PATCH /rate @8',
      'http server @9',
      'listener @10',
      'grpc server @11',
    ]);
  });

  it('look-alikes are not interfaces: client calls, comments, strings', () => {
    const text = lines(
      'resp, err := http.Get("https://example.org/status")',
      'resp, err = client.Get("/status", nil)',
      '// r.GET("/commented", h)',
      'msg := "mux.HandleFunc(\\"/in-a-string\\", h)"',
      'raw := `r.POST("/in-a-raw-string", h)`',
      'v := values.Get("/x")',
    );
    assert.deepEqual(names('internal/client.go', text), []);
  });
});

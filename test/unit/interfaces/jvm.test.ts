// Java and Kotlin detectors: Spring, JAX-RS, Micronaut, Jakarta WebSocket, server sockets; and what must
// not count (Feign and Retrofit clients, comments, strings).
// @verifies ST-17, ST-19
import { strict as assert } from 'node:assert';
import { interfacesOf, lines, names } from './helpers';

describe('interfaces: Java and Kotlin', () => {
  it('Spring: class prefix plus method path, every mapping form', () => {
    const text = lines(
      '@RestController',
      '@RequestMapping("/api/infusions")',
      'public class InfusionController {',
      '',
      '    @GetMapping("/{id}")',
      '    public Infusion get(@PathVariable String id) { return service.get(id); }',
      '',
      '    @PostMapping',
      '    @PreAuthorize("hasRole(\'CLINICIAN\')")',
      '    public Infusion start(@RequestBody StartInfusion body) { return service.start(body); }',
      '',
      '    @RequestMapping(value = "/{id}/stop", method = RequestMethod.POST)',
      '    public void stop(@PathVariable String id) {}',
      '',
      '    @PutMapping(path = {"/{id}/rate", "/{id}/speed"}, consumes = "application/json")',
      '    public void rate() {}',
      '',
      '    @RequestMapping("/any")',
      '    public void any() {}',
      '}',
    );
    assert.deepEqual(names('src/main/java/InfusionController.java', text), [
      'GET /api/infusions/{id} @5',
      'POST /api/infusions @8',
      'POST /api/infusions/{id}/stop @12',
      'PUT /api/infusions/{id}/rate @15',
      'PUT /api/infusions/{id}/speed @15',
      'ANY /api/infusions/any @18',
    ]);
    const found = interfacesOf('src/main/java/InfusionController.java', text);
    assert.equal(found[0].container?.name, 'InfusionController');
    assert.deepEqual(found[0].insert, { line: 4, indent: '    ', commentPrefix: '//' });
    assert.deepEqual(found[1].insert.line, 7, 'above the whole annotation stack');
  });

  it('Spring in Kotlin, and STOMP message mappings', () => {
    const text = lines(
      '@RestController',
      '@RequestMapping("/pumps")',
      'class PumpController(private val service: PumpService) {',
      '    @GetMapping("/{id}")',
      '    fun status(@PathVariable id: String) = service.status(id)',
      '',
      '    @DeleteMapping(value = ["/{id}"])',
      '    fun remove(@PathVariable id: String) = service.remove(id)',
      '}',
      '',
      '@Controller',
      'class ChatController {',
      '    @MessageMapping("/alarms")',
      '    fun alarm(message: Alarm) {}',
      '}',
    );
    assert.deepEqual(names('src/main/kotlin/Pumps.kt', text), ['GET /pumps/{id} @4', 'DELETE /pumps/{id} @7', 'websocket message /alarms @13']);
  });

  it('JAX-RS: class @Path plus method @Path, annotations on one line or several', () => {
    const text = lines(
      '@Path("/orders")',
      '@Produces(MediaType.APPLICATION_JSON)',
      'public class OrderResource {',
      '    @GET',
      '    public List<Order> list() { return orders; }',
      '',
      '    @POST @Path("{id}/cancel") public Response cancel(@PathParam("id") String id) { return ok(); }',
      '',
      '    @Path("{id}")',
      '    @DELETE',
      '    public void delete(@PathParam("id") String id) {}',
      '}',
    );
    assert.deepEqual(names('src/main/java/OrderResource.java', text), ['GET /orders @4', 'POST /orders/{id}/cancel @7', 'DELETE /orders/{id} @10']);
    assert.equal(interfacesOf('src/main/java/OrderResource.java', text)[2].insert.line, 8);
  });

  it('Micronaut controllers, Jakarta WebSocket endpoints, server sockets and the JDK HttpServer', () => {
    const text = lines(
      '@Controller("/hello")',
      'public class HelloController {',
      '    @Get("/{name}")',
      '    public String hello(String name) { return "Hello " + name; }',
      '}',
      '@ServerEndpoint("/monitor")',
      'public class MonitorEndpoint {}',
      'class Listener {',
      '    void start() throws IOException {',
      '        ServerSocket server = new ServerSocket(2575);',
      '        HttpServer http = HttpServer.create(new InetSocketAddress(8000), 0);',
      '    }',
      '}',
    );
    assert.deepEqual(names('src/main/java/Hello.java', text), ['GET /hello/{name} @3', 'websocket /monitor @6', 'tcp server @10', 'http server @11']);
  });

  it('clients and look-alikes are not interfaces: Feign, Retrofit, comments, strings', () => {
    const text = lines(
      '@FeignClient(name = "pumps")',
      'public interface PumpClient {',
      '    @GetMapping("/pumps/{id}")',
      '    Pump get(@PathVariable("id") String id);',
      '}',
      'public interface GitHubService {',
      '    @GET("users/{user}/repos")',
      '    Call<List<Repo>> listRepos(@Path("user") String user);',
      '}',
      '// @GetMapping("/commented")',
      'String doc = "@PostMapping(\\"/in-a-string\\")";',
      '/** Use {@code @GET} on resources. */',
      'class Plain {}',
    );
    assert.deepEqual(names('src/main/java/Clients.java', text), []);
  });
});

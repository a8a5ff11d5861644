// pingora 0.9 `Service::add_tcp(addr)` / `add_tcp_with_settings(addr, opts)`: a plain listener.

use pingora_core::server::Server;
use pingora_proxy::http_proxy_service;

fn main() {
    let mut server = Server::new(None).unwrap();
    server.bootstrap();
    let mut proxy = http_proxy_service(&server.configuration, Gateway);
    proxy.add_tcp("0.0.0.0:6188");
    //~^ plaintext_listener_all_interfaces
    // The safe spelling: loopback, behind a TLS-terminating proxy.
    proxy.add_tcp("127.0.0.1:6189");
    server.add_service(proxy);
    server.run_forever();
}

// pingora 0.9 `add_tls(addr, cert_path, key_path)` terminates TLS in the package, but the same
// proxy service on a plain port beside it serves everything in clear text: still reported, with
// the acceptor pointed at.

use pingora_core::server::Server;
use pingora_proxy::http_proxy_service;

fn main() {
    let mut server = Server::new(None).unwrap();
    server.bootstrap();
    let mut proxy = http_proxy_service(&server.configuration, Gateway);
    proxy.add_tls("0.0.0.0:443", "cert.pem", "key.pem").unwrap();
    proxy.add_tcp("0.0.0.0:80");
    //~^ plaintext_listener_all_interfaces
    server.add_service(proxy);
    server.run_forever();
}

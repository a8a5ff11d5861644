// Not an HTTP server: a plain TCP service (its own protocol) is out of scope.
fn raw_tcp() -> std::io::Result<std::net::TcpListener> {
    std::net::TcpListener::bind("0.0.0.0:9000")
}

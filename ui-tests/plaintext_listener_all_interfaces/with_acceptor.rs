// The package terminates TLS itself: the listener on all interfaces is the TLS one.
async fn serve(app: axum::Router) -> std::io::Result<()> {
    let config = axum_server::tls_rustls::RustlsConfig::from_pem_file("cert.pem", "key.pem").await?;
    let addr = std::net::SocketAddr::from(([0, 0, 0, 0], 443));
    axum_server::bind_rustls(addr, config).serve(app.into_make_service()).await
}

// actix-web on TLS and on a plain port: the plain port serves the app in clear text.
fn actix(builder: openssl::ssl::SslAcceptorBuilder) -> std::io::Result<actix_web::dev::Server> {
    Ok(actix_web::HttpServer::new(|| actix_web::App::new()).bind_openssl("0.0.0.0:8443", builder)?.bind("0.0.0.0:8080")?.run())
    //~^ plaintext_listener_all_interfaces
}

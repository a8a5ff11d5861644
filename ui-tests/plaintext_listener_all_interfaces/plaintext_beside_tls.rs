// The package serves HTTPS on one port, but the plain port serves the whole app too (not only a
// redirect): it is exposed in clear text.
async fn serve(app: axum::Router) -> std::io::Result<()> {
    let config = axum_server::tls_rustls::RustlsConfig::from_pem_file("cert.pem", "key.pem").await?;
    let tls_addr = std::net::SocketAddr::from(([0, 0, 0, 0], 443));
    tokio::spawn(axum_server::bind_rustls(tls_addr, config).serve(app.clone().into_make_service()));
    let listener = tokio::net::TcpListener::bind("0.0.0.0:80").await?;
    //~^ plaintext_listener_all_interfaces
    axum::serve(listener, app).await
}

// A router with a redirect next to a real handler is not redirect-only.
async fn mixed(app: axum::Router) -> std::io::Result<()> {
    let redirect = axum::Router::new()
        .route("/login", axum::routing::get(|| async { axum::response::Redirect::to("https://example.com/login") }))
        .fallback(handler);
    let listener = tokio::net::TcpListener::bind("0.0.0.0:8080").await?;
    //~^ plaintext_listener_all_interfaces
    axum::serve(listener, redirect).await
}

async fn handler() -> &'static str {
    "hello"
}

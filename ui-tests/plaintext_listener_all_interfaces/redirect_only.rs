// A plain listener that only redirects to `https://` exposes nothing: not reported, whether the
// redirect is an axum router, a handler function or an axum_server service.
async fn redirect(uri: axum::http::Uri) -> axum::response::Redirect {
    axum::response::Redirect::permanent(&format!("https://example.com{}", uri.path()))
}

async fn router_with_fallback() -> std::io::Result<()> {
    let app = axum::Router::new().fallback(redirect);
    let listener = tokio::net::TcpListener::bind("0.0.0.0:80").await?;
    axum::serve(listener, app).await
}

async fn router_with_closure() -> std::io::Result<()> {
    let listener = tokio::net::TcpListener::bind("0.0.0.0:8080").await?;
    let app = axum::Router::new().route(
        "/",
        axum::routing::get(|| async { axum::response::Redirect::permanent("https://example.com/") }),
    );
    axum::serve(listener, app.into_make_service()).await
}

async fn axum_server_service() -> std::io::Result<()> {
    let addr = std::net::SocketAddr::from(([0, 0, 0, 0], 80));
    axum_server::bind(addr).serve(redirect.into_make_service()).await
}

async fn tls(app: axum::Router) -> std::io::Result<()> {
    let config = axum_server::tls_rustls::RustlsConfig::from_pem_file("cert.pem", "key.pem").await?;
    let addr = std::net::SocketAddr::from(([0, 0, 0, 0], 443));
    axum_server::bind_rustls(addr, config).serve(app.into_make_service()).await
}

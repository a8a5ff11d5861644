// A server crate named only in comments does not make a plain TCP listener an HTTP server:
// comments are never findings, and the crate is not used here.
// (This test once failed with a `hyper::Error`; see also `use axum::serve`.)
/// Binds like `axum::serve` would, next to another rule's trigger word (so that the item is
/// parsed and this rule runs on it).
async fn listen() -> std::io::Result<tokio::net::TcpListener> {
    let _client = reqwest::Client::builder().danger_accept_invalid_certs(false);
    tokio::net::TcpListener::bind("0.0.0.0:0").await
}

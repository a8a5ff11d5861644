// An all-interfaces address built as a `SocketAddr`, parsed from a string, formatted with a port or
// written as an `(Ipv4Addr::UNSPECIFIED, port)` tuple is the same listener whether it is written
// at the bind or passed into a helper that binds; loopback and ephemeral-port callers make none.
use std::net::{Ipv4Addr, SocketAddr};

async fn serve(addr: SocketAddr) {
    let listener = tokio::net::TcpListener::bind(addr).await.unwrap();
    //~^ plaintext_listener_all_interfaces
    axum::serve(listener, axum::Router::new()).await.unwrap();
}

pub async fn socket_addr(port: u16) {
    serve(SocketAddr::from(([0, 0, 0, 0], port))).await
}

pub async fn socket_addr_direct(port: u16) {
    let listener = tokio::net::TcpListener::bind(SocketAddr::from(([0, 0, 0, 0], port))).await.unwrap();
    //~^ plaintext_listener_all_interfaces
    axum::serve(listener, axum::Router::new()).await.unwrap();
}

async fn serve_parsed(addr: SocketAddr) {
    let listener = tokio::net::TcpListener::bind(addr).await.unwrap();
    //~^ plaintext_listener_all_interfaces
    axum::serve(listener, axum::Router::new()).await.unwrap();
}

pub async fn parsed() -> Result<(), std::net::AddrParseError> {
    serve_parsed("0.0.0.0:80".parse()?).await;
    Ok(())
}

async fn serve_text(addr: String) {
    let listener = tokio::net::TcpListener::bind(addr).await.unwrap();
    //~^ plaintext_listener_all_interfaces
    axum::serve(listener, axum::Router::new()).await.unwrap();
}

pub async fn formatted(port: u16) {
    serve_text(format!("0.0.0.0:{port}")).await
}

pub async fn formatted_direct(port: u16) {
    let listener = tokio::net::TcpListener::bind(format!("0.0.0.0:{port}")).await.unwrap();
    //~^ plaintext_listener_all_interfaces
    axum::serve(listener, axum::Router::new()).await.unwrap();
}

async fn serve_tuple(addr: (Ipv4Addr, u16)) {
    let listener = tokio::net::TcpListener::bind(addr).await.unwrap();
    //~^ plaintext_listener_all_interfaces
    axum::serve(listener, axum::Router::new()).await.unwrap();
}

pub async fn tuple(port: u16) {
    serve_tuple((Ipv4Addr::UNSPECIFIED, port)).await
}

// Loopback and ephemeral-port callers only: no finding.
async fn serve_local(addr: SocketAddr) {
    let listener = tokio::net::TcpListener::bind(addr).await.unwrap();
    axum::serve(listener, axum::Router::new()).await.unwrap();
}

pub async fn local(port: u16) {
    serve_local(SocketAddr::from(([127, 0, 0, 1], port))).await;
    serve_local(SocketAddr::from(([0, 0, 0, 0], 0))).await;
}

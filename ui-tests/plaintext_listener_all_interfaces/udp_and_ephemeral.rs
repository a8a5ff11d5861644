// A datagram socket accepts no connection, and port 0 is a client's ephemeral local bind: neither
// is a plain HTTP listener, even in a file of an axum server.
async fn serve(app: axum::Router) -> std::io::Result<()> {
    let _dns = std::net::UdpSocket::bind("0.0.0.0:0")?;
    let _stun = std::net::UdpSocket::bind(("0.0.0.0", 0))?;
    let _metrics = tokio::net::UdpSocket::bind("0.0.0.0:8125").await?;
    let _local = tokio::net::TcpListener::bind(("0.0.0.0", 0)).await?;
    let any = std::net::SocketAddr::from(([0, 0, 0, 0], 0));
    let _probe = tokio::net::TcpListener::bind(any).await?;
    let listener = tokio::net::TcpListener::bind(("0.0.0.0", 8080)).await?;
    //~^ plaintext_listener_all_interfaces
    axum::serve(listener, app).await
}

async fn serve(app: axum::Router) -> std::io::Result<()> {
    let listener = tokio::net::TcpListener::bind("0.0.0.0:8080").await?;
    //~^ plaintext_listener_all_interfaces
    axum::serve(listener, app).await
}

async fn hyper_server(port: u16) {
    let addr = std::net::SocketAddr::from(([0, 0, 0, 0], port));
    let _ = hyper::Server::bind(&addr);
    //~^ plaintext_listener_all_interfaces
}

fn actix() -> std::io::Result<actix_web::dev::Server> {
    Ok(actix_web::HttpServer::new(|| actix_web::App::new()).bind(("0.0.0.0", 8080))?.run())
    //~^ plaintext_listener_all_interfaces
}

async fn warp_server() {
    warp::serve(warp::any().map(|| "hi")).run(([0, 0, 0, 0], 3030)).await;
    //~^ plaintext_listener_all_interfaces
}

async fn ipv6(app: axum::Router, port: u16) -> std::io::Result<()> {
    let listener = tokio::net::TcpListener::bind(format!("[::]:{port}")).await?;
    //~^ plaintext_listener_all_interfaces
    axum::serve(listener, app).await
}

async fn unspecified(app: axum::Router) -> std::io::Result<()> {
    let addr = std::net::SocketAddr::new(std::net::IpAddr::V4(std::net::Ipv4Addr::UNSPECIFIED), 8080);
    let listener = tokio::net::TcpListener::bind(addr).await?;
    //~^ plaintext_listener_all_interfaces
    axum::serve(listener, app).await
}

async fn grpc(svc: tonic::service::Routes) -> Result<(), tonic::transport::Error> {
    tonic::transport::Server::builder().add_routes(svc).serve("0.0.0.0:50051".parse().unwrap()).await
    //~^ plaintext_listener_all_interfaces
}

async fn actix_split() -> std::io::Result<()> {
    let server = actix_web::HttpServer::new(|| actix_web::App::new());
    server.bind("[::]:8080")?.run().await
    //~^ plaintext_listener_all_interfaces
}

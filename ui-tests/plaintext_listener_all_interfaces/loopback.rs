async fn serve(app: axum::Router) -> std::io::Result<()> {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:8080").await?;
    axum::serve(listener, app).await
}

fn actix() -> std::io::Result<actix_web::dev::Server> {
    Ok(actix_web::HttpServer::new(|| actix_web::App::new()).bind(("127.0.0.1", 8080))?.run())
}

// rmcp's streamable HTTP server is a tower service mounted on axum: the listener is axum's.

use rmcp::transport::streamable_http_server::{
    StreamableHttpService, session::local::LocalSessionManager,
};

async fn streamable_http() -> anyhow::Result<()> {
    let service = StreamableHttpService::new(
        || Ok(Counter::new()),
        LocalSessionManager::default().into(),
        Default::default(),
    );
    let router = axum::Router::new().nest_service("/mcp", service);
    let listener = tokio::net::TcpListener::bind("0.0.0.0:8000").await?;
    //~^ plaintext_listener_all_interfaces
    axum::serve(listener, router).await?;
    Ok(())
}

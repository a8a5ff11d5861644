// rmcp 0.3–0.8 SSE server: `SseServer::serve(addr)` and `SseServer::serve_with_config(config)`
// bind a plain (non-TLS) HTTP listener on the address given; rmcp has no TLS option for it.

use rmcp::transport::sse_server::{SseServer, SseServerConfig};
use tokio_util::sync::CancellationToken;

async fn sse_all_interfaces() -> anyhow::Result<()> {
    let server = SseServer::serve("0.0.0.0:8000".parse()?).await?;
    //~^ plaintext_listener_all_interfaces
    let _ct = server.with_service(Counter::new);
    Ok(())
}

async fn sse_with_config() -> anyhow::Result<()> {
    let config = SseServerConfig {
        bind: "0.0.0.0:8000".parse()?,
        //~^ plaintext_listener_all_interfaces
        sse_path: "/sse".to_string(),
        post_path: "/message".to_string(),
        ct: CancellationToken::new(),
        sse_keep_alive: None,
    };
    let _ct = SseServer::serve_with_config(config).await?.with_service(Counter::new);
    Ok(())
}

// The safe spelling: loopback, behind a TLS-terminating proxy.
async fn sse_loopback() -> anyhow::Result<()> {
    let server = SseServer::serve("127.0.0.1:8000".parse()?).await?;
    let _ct = server.with_service(Counter::new);
    Ok(())
}

async fn sse_config_loopback() -> anyhow::Result<()> {
    let config = SseServerConfig {
        bind: "127.0.0.1:8000".parse()?,
        sse_path: "/sse".to_string(),
        post_path: "/message".to_string(),
        ct: CancellationToken::new(),
        sse_keep_alive: None,
    };
    let _ct = SseServer::serve_with_config(config).await?.with_service(Counter::new);
    Ok(())
}

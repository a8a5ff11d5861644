//@ cleartext-host *.svc.cluster.local
// `wss://`, loopback, policy-allowed hosts, no token, and messages are never findings.
async fn feeds(token: &str) {
    let _ = tokio_tungstenite::connect_async(format!("wss://stream.example.com/feed?token={token}")).await;
    let _ = tokio_tungstenite::connect_async(format!("ws://localhost:9001/feed?token={token}")).await;
    let _ = tokio_tungstenite::connect_async(format!("ws://feed.default.svc.cluster.local/feed?token={token}")).await;
    let _ = tokio_tungstenite::connect_async("ws://stream.example.com/feed?channel=prices").await;
    tracing::info!("connecting to ws://stream.example.com/feed?token={token}");
}

async fn awc_wss(host: &str, token: &str) {
    let _ = awc::Client::new().ws(format!("wss://{host}/events")).bearer_auth(token).connect().await;
}

// A URL built from a parameter with a token in its query is judged by the URLs the callers pass:
// a `ws://` base to a remote host is the same finding as the URL written whole; `wss://` and
// loopback bases make none.
async fn feed(base: &str, token: &str) {
    let url = format!("{base}/feed?token={token}");
    //~^ cleartext_websocket_token
    let _ = tokio_tungstenite::connect_async(url).await;
}

pub async fn remote(token: &str) {
    feed("ws://stream.example.com", token).await;
}

pub async fn written(token: &str) {
    let url = format!("ws://stream.example.com/feed?token={token}");
    //~^ cleartext_websocket_token
    let _ = tokio_tungstenite::connect_async(url).await;
}

async fn ticker(base: &str, token: &str) {
    let _ = tokio_tungstenite::connect_async(format!("{base}/ticker?access_token={token}")).await;
}

pub async fn encrypted(token: &str) {
    ticker("wss://stream.example.com", token).await;
    ticker("ws://localhost:9000", token).await;
}

// A query without a credential: nothing to report.
async fn page(base: &str, n: u32) {
    let _ = tokio_tungstenite::connect_async(format!("{base}/feed?page={n}")).await;
}

pub async fn pages() {
    page("ws://stream.example.com", 2).await;
}

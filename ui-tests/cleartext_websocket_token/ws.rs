// `ws://` with a token in the query, or a credential on the handshake request.
use tungstenite::client::IntoClientRequest;
use tungstenite::http::header::AUTHORIZATION;

async fn feed(token: &str) {
    let url = format!("ws://stream.example.com/feed?token={token}");
    //~^ cleartext_websocket_token
    let _ = tokio_tungstenite::connect_async(url).await;
}

async fn feed_tls(token: &str) {
    let url = format!("wss://stream.example.com/feed?token={token}");
    let _ = tokio_tungstenite::connect_async(url).await;
}

async fn feed_loopback(token: &str) {
    let _ = tokio_tungstenite::connect_async(format!("ws://127.0.0.1:9001/feed?access_token={token}")).await;
}

async fn feed_no_token() {
    let _ = tokio_tungstenite::connect_async("ws://stream.example.com/feed?channel=prices").await;
}

fn handshake(token: &str) -> tungstenite::Result<()> {
    let mut request = "ws://chat.example.com/socket".into_client_request()?;
    //~^ cleartext_websocket_token
    request.headers_mut().insert(AUTHORIZATION, format!("Bearer {token}").parse().unwrap());
    let _ = tungstenite::connect(request)?;
    Ok(())
}

fn handshake_tls(token: &str) -> tungstenite::Result<()> {
    let mut request = "wss://chat.example.com/socket".into_client_request()?;
    request.headers_mut().insert(AUTHORIZATION, format!("Bearer {token}").parse().unwrap());
    let _ = tungstenite::connect(request)?;
    Ok(())
}

async fn awc_ws(host: &str, token: &str) {
    let _ = awc::Client::new().ws(format!("ws://{host}/events")).bearer_auth(token).connect().await;
    //~^ cleartext_websocket_token
}

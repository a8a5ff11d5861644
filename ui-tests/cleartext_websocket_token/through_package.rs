// A handshake URL that is a helper's parameter is judged by what the callers pass, as the direct
// spelling is.
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::tungstenite::http::header::AUTHORIZATION;

pub async fn direct(token: &str) {
    let mut req = "ws://feed.example.com/socket".into_client_request().unwrap();
    //~^ cleartext_websocket_token
    req.headers_mut().insert(AUTHORIZATION, token.parse().unwrap());
    let _ = tokio_tungstenite::connect_async(req).await;
}

async fn open(url: &str, token: &str) {
    let mut req = url.into_client_request().unwrap();
    //~^ cleartext_websocket_token
    req.headers_mut().insert(AUTHORIZATION, token.parse().unwrap());
    let _ = tokio_tungstenite::connect_async(req).await;
}

pub async fn through_helper(token: &str) {
    open("ws://feed.example.com/socket", token).await;
}

async fn open_safe(url: &str, token: &str) {
    let mut req = url.into_client_request().unwrap();
    req.headers_mut().insert(AUTHORIZATION, token.parse().unwrap());
    let _ = tokio_tungstenite::connect_async(req).await;
}

pub async fn safe_callers(token: &str) {
    open_safe("wss://feed.example.com/socket", token).await;
    open_safe("ws://localhost:9000/socket", token).await;
}

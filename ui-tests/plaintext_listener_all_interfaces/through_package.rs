// An address that reaches the listener through a helper's parameter, a config field or an
// environment variable's default.
use tokio::net::TcpListener;

async fn serve(app: axum::Router, addr: &str) -> std::io::Result<()> {
    let listener = TcpListener::bind(addr).await?;
    //~^ plaintext_listener_all_interfaces
    axum::serve(listener, app).await
}

pub async fn public_api(app: axum::Router) -> std::io::Result<()> {
    serve(app, "0.0.0.0:8080").await
}

pub async fn admin(app: axum::Router) -> std::io::Result<()> {
    serve(app, "127.0.0.1:9090").await
}

pub struct ServerConfig {
    listen: String,
}

impl Default for ServerConfig {
    fn default() -> Self {
        ServerConfig { listen: "[::]:80".to_string() }
    }
}

impl ServerConfig {
    async fn run(&self, app: axum::Router) -> std::io::Result<()> {
        let listener = TcpListener::bind(&self.listen).await?;
        //~^ plaintext_listener_all_interfaces
        axum::serve(listener, app).await
    }
}

pub async fn from_env(app: axum::Router) -> std::io::Result<()> {
    let addr = std::env::var("BIND_ADDR").unwrap_or("0.0.0.0:8080".into());
    let listener = TcpListener::bind(&addr).await?;
    //~^ plaintext_listener_all_interfaces
    axum::serve(listener, app).await
}

pub async fn from_env_else(app: axum::Router) -> std::io::Result<()> {
    let listener = TcpListener::bind(
        std::env::var("LISTEN").unwrap_or_else(|_| String::from("0.0.0.0:80")),
        //~^ plaintext_listener_all_interfaces
    )
    .await?;
    axum::serve(listener, app).await
}

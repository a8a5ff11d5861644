// Addresses that reach the listener through the package but are loopback: no finding.
use tokio::net::TcpListener;

async fn serve(app: axum::Router, addr: &str) -> std::io::Result<()> {
    let listener = TcpListener::bind(addr).await?;
    axum::serve(listener, app).await
}

pub async fn admin(app: axum::Router) -> std::io::Result<()> {
    serve(app, "127.0.0.1:9090").await
}

pub async fn local(app: axum::Router) -> std::io::Result<()> {
    serve(app, "[::1]:9091").await
}

// An ephemeral port is a client's local bind.
async fn probe(addr: &str) -> std::io::Result<TcpListener> {
    TcpListener::bind(addr).await
}

pub async fn any_port() -> std::io::Result<TcpListener> {
    probe("0.0.0.0:0").await
}

pub struct ServerConfig {
    listen: String,
}

impl Default for ServerConfig {
    fn default() -> Self {
        ServerConfig { listen: "127.0.0.1:8080".into() }
    }
}

impl ServerConfig {
    async fn run(&self, app: axum::Router) -> std::io::Result<()> {
        let listener = TcpListener::bind(&self.listen).await?;
        axum::serve(listener, app).await
    }
}

pub async fn from_env(app: axum::Router) -> std::io::Result<()> {
    let addr = std::env::var("BIND_ADDR").unwrap_or_else(|_| "127.0.0.1:8080".to_string());
    let listener = TcpListener::bind(&addr).await?;
    axum::serve(listener, app).await
}

// Taken from the environment with no default: the deployment decides.
pub async fn required(app: axum::Router) -> std::io::Result<()> {
    let addr = std::env::var("BIND_ADDR").expect("BIND_ADDR is set");
    let listener = TcpListener::bind(&addr).await?;
    axum::serve(listener, app).await
}

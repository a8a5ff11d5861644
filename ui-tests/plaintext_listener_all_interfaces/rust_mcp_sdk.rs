// rust-mcp-sdk 0.7 `HyperServerOptions { host, port, enable_ssl, .. }` passed to
// `hyper_server::create_server`: plain HTTP unless `enable_ssl: true` (default host 127.0.0.1).

use rust_mcp_sdk::mcp_server::{HyperServerOptions, hyper_server};

async fn all_interfaces(details: InitializeResult, handler: MyServerHandler) -> SdkResult<()> {
    let server = hyper_server::create_server(
        details,
        handler,
        HyperServerOptions {
            host: "0.0.0.0".to_string(),
            //~^ plaintext_listener_all_interfaces
            port: 8080,
            ..Default::default()
        },
    );
    server.start().await
}

async fn ssl_off(details: InitializeResult, handler: MyServerHandler) -> SdkResult<()> {
    let options = HyperServerOptions {
        host: "0.0.0.0".into(),
        //~^ plaintext_listener_all_interfaces
        enable_ssl: false,
        ..Default::default()
    };
    hyper_server::create_server(details, handler, options).start().await
}

// The safe spellings: TLS on, loopback, or the default host.
async fn with_ssl(details: InitializeResult, handler: MyServerHandler) -> SdkResult<()> {
    let options = HyperServerOptions {
        host: "0.0.0.0".to_string(),
        enable_ssl: true,
        ssl_cert_path: Some("cert.pem".to_string()),
        ssl_key_path: Some("key.pem".to_string()),
        ..Default::default()
    };
    hyper_server::create_server(details, handler, options).start().await
}

async fn loopback(details: InitializeResult, handler: MyServerHandler) -> SdkResult<()> {
    let options = HyperServerOptions { host: "127.0.0.1".to_string(), ..Default::default() };
    hyper_server::create_server(details, handler, options).start().await
}

async fn default_host(details: InitializeResult, handler: MyServerHandler) -> SdkResult<()> {
    let options = HyperServerOptions { port: 3000, ..Default::default() };
    hyper_server::create_server(details, handler, options).start().await
}

// rust-mcp-sdk 2.0 moved the server to rust-mcp-axum: `AxumServerOptions`, same fields.
async fn axum_options(details: InitializeResult, handler: MyServerHandler) -> SdkResult<()> {
    let server = rust_mcp_axum::create_axum_server(
        details,
        handler,
        rust_mcp_axum::AxumServerOptions {
            host: "0.0.0.0".to_string(),
            //~^ plaintext_listener_all_interfaces
            port: 3001,
            ..Default::default()
        },
    );
    server.start().await
}

async fn axum_options_ssl(details: InitializeResult, handler: MyServerHandler) -> SdkResult<()> {
    let options = rust_mcp_axum::AxumServerOptions {
        host: "0.0.0.0".to_string(),
        enable_ssl: true,
        ..Default::default()
    };
    rust_mcp_axum::create_axum_server(details, handler, options).start().await
}

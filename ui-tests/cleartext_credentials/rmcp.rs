// rmcp 0.8–3.x streamable HTTP client: `auth_header` is sent as `Authorization: Bearer …` to
// the config's `uri` (reqwest `bearer_auth` inside rmcp).

use rmcp::transport::StreamableHttpClientTransport;
use rmcp::transport::streamable_http_client::StreamableHttpClientTransportConfig;

fn builder(token: String) -> StreamableHttpClientTransport<reqwest::Client> {
    let config = StreamableHttpClientTransportConfig::with_uri("http://mcp.internal.example.com/mcp")
        //~^ cleartext_credentials
        .auth_header(token);
    StreamableHttpClientTransport::from_config(config)
}

fn literal(token: String) -> StreamableHttpClientTransport<reqwest::Client> {
    StreamableHttpClientTransport::with_client(
        reqwest::Client::default(),
        StreamableHttpClientTransportConfig {
            uri: "http://10.0.4.2:8000/mcp".into(),
            //~^ cleartext_credentials
            auth_header: Some(token),
            ..Default::default()
        },
    )
}

// The safe spellings: https, a loopback server, or no credential.
fn over_tls(token: String) -> StreamableHttpClientTransport<reqwest::Client> {
    let config = StreamableHttpClientTransportConfig::with_uri("https://mcp.example.com/mcp").auth_header(token);
    StreamableHttpClientTransport::from_config(config)
}

fn loopback(token: String) -> StreamableHttpClientTransport<reqwest::Client> {
    StreamableHttpClientTransport::with_client(
        reqwest::Client::default(),
        StreamableHttpClientTransportConfig {
            uri: "http://127.0.0.1:8000/mcp".into(),
            auth_header: Some(token),
            ..Default::default()
        },
    )
}

fn anonymous() -> StreamableHttpClientTransport<reqwest::Client> {
    let _ = StreamableHttpClientTransportConfig {
        uri: "http://mcp.internal.example.com/mcp".into(),
        auth_header: None,
        ..Default::default()
    };
    StreamableHttpClientTransport::from_uri("http://mcp.internal.example.com/mcp")
}

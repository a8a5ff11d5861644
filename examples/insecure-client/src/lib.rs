//! A small API client with the TLS mistakes that reach production most often.

pub mod config;
pub mod net;
pub mod reports;

use std::time::Duration;

/// Builds the HTTP client used for every API call.
pub fn api_client(settings: &config::Settings) -> reqwest::Result<reqwest::Client> {
    reqwest::Client::builder()
        .timeout(Duration::from_secs(30))
        .danger_accept_invalid_certs(config::SKIP_TLS_VERIFY)
        .danger_accept_invalid_hostnames(settings.lenient_hostnames)
        .build()
}

/// The metrics exporter talks to a sidecar; verification was "temporarily" switched off.
pub fn metrics_client() -> reqwest::blocking::Client {
    let builder = reqwest::blocking::Client::builder();
    // tlslint: allow(sni_disabled, reason = "the sidecar does not route on SNI")
    let builder = builder.tls_sni(false);
    builder.danger_accept_invalid_certs(true).build().expect("client")
}

#[cfg(test)]
mod tests {
    #[test]
    fn test_client_accepts_self_signed() {
        let client = reqwest::Client::builder().danger_accept_invalid_certs(true).build();
        assert!(client.is_ok());
    }
}
